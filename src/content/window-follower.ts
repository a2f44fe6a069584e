// Keeps each group's window (block-window.ts) over the band to paint as the
// reader moves. Observer records move a window when a near block comes close to
// its edge (the painter calls follow()); but a jump (a link, the End key, the
// scroll bar) can take the reader where no block of a window was or is near,
// and no record would say so. So on each frame that scrolls, every window
// checks that it still covers the band (two boxes), and moves if not.
import type { BlockWindow } from './block-window';
import { boxOf, type Block, type Group } from './paint-state';

export class WindowFollower {
  /** Groups with a window now. */
  private readonly windowed = new Set<Group>();
  /** The document whose scrolling moves the windows, once a window is made. */
  private scrollDoc: Document | null = null;
  private scrollFrame = 0;

  constructor(
    /** A block comes into a window: it is watched. */
    private readonly watch: (block: Block) => void,
    /** A block leaves a window: it is no longer watched, nor painted. */
    private readonly unwatch: (block: Block) => void,
  ) {}

  /** Gives a group its window, or takes it away. */
  set(group: Group, w: BlockWindow<Block> | undefined): void {
    group.window = w;
    if (!w) {
      this.windowed.delete(group);
      return;
    }
    this.windowed.add(group);
    this.listen(group.el.ownerDocument);
  }

  /**
   * Moves a group's window to the block at `index`, or to the first block on
   * screen; and widens it until it covers the band to paint (short blocks, or
   * a tall, zoomed-out screen, put more blocks in the band than it holds).
   */
  follow(group: Group, index?: number): void {
    const w = group.window!;
    const height = group.el.ownerDocument.defaultView?.innerHeight ?? 0;
    const at = index ?? w.locate(boxOf, 0);
    w.moveTo(at, this.watch, this.unwatch);
    while (!w.covers(boxOf, -height, 2 * height) && w.grow()) w.moveTo(at, this.watch, this.unwatch);
  }

  clear(): void {
    this.windowed.clear();
    this.scrollDoc?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.scrollDoc = null;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
  }

  private listen(doc: Document): void {
    if (this.scrollDoc) return;
    this.scrollDoc = doc;
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  private readonly onScroll = (): void => {
    if (this.scrollFrame !== 0 || this.windowed.size === 0) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const height = this.scrollDoc?.defaultView?.innerHeight ?? 0;
      for (const group of this.windowed) {
        if (group.window && !group.window.covers(boxOf, -height, 2 * height)) this.follow(group);
      }
    });
  };
}
