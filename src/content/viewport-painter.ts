// Paints only the mentions near the viewport. The index knows every mention on
// the page (for counts, the popup and hit-testing), but a highlight range costs
// the browser on every frame in which the page changes: with 38,902 ranges on
// a 10,000-paragraph page, Chromium spent ~245 ms rendering each frame after a
// one-node DOM change, against ~23 ms without them (npm run bench, "Where our
// time goes"). So the ranges of a text node join the highlights when its block
// comes within a viewport's height of the screen, and leave when it goes away;
// an IntersectionObserver tells us, off the main thread's hot path.
//
// Two costs are kept in proportion to what is near the screen, not to the page:
// - the ranges: a StaticRange is made when its node is painted and dropped when
//   it leaves (making all 38,902 up front cost 66 ms and their memory);
// - the observer: it recomputes every target on every frame that scrolls
//   (~42 ms a frame with 30,000 targets, ~20 ms with 10,000, in Chromium), so it
//   watches blocks, not every inline element: a link or an <em> is where its
//   paragraph is. And it is given the blocks a scan finds when the scan is
//   over: observing them as they came made it recompute every target on every
//   frame of the scan (430 ms of a 10,000-paragraph page's scan, in a trace).
//   Meanwhile the first blocks of a scan are measured once, so that the names
//   on screen are lit at once, not at the end.
import type { EntityType, Mention } from '../core/types';
import type { HighlightSet } from './highlights';

/** How far beyond the viewport we paint ahead, so that scrolling shows names already lit. */
const MARGIN = '100% 0px 100% 0px';

/**
 * Elements that flow inline: a text node inside one is filed under the block
 * around it. A page may style a <span> as a block; filing it with its parent
 * block only paints it a little early.
 */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'KBD',
  'LABEL', 'MARK', 'NOBR', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR',
]);

/**
 * After this many blocks in a row below the band to paint, a scan stops
 * measuring: in document order, the rest are most likely below too, and the
 * observer will say when the scan is over.
 */
const BELOW_BAND_STREAK = 64;

/** The element a text node is watched through: the nearest non-inline element around it. */
export function blockOf(node: Text): Element | null {
  let el: Element | null = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase())) {
    const parent: Element | null = el.parentElement;
    if (!parent) break;
    el = parent;
  }
  return el;
}

interface Painted {
  type: EntityType;
  range: StaticRange;
}

export class ViewportPainter {
  private readonly observer: IntersectionObserver;
  private readonly nodesOf = new Map<Element, Set<Text>>();
  private readonly mentionsOf = new Map<Text, readonly Mention[]>();
  /** Where each node was filed: its block then, which may have changed since. */
  private readonly blockOfNode = new Map<Text, Element>();
  private readonly near = new Set<Element>();
  /** Blocks found since the last flush: the observer gets them when the scan is over. */
  private readonly pending = new Set<Element>();
  /** Blocks in a row found below the band; measuring stops at BELOW_BAND_STREAK. */
  private belowStreak = 0;
  /** The ranges in the highlights, by node: made on painting, dropped on unpainting. */
  private readonly painted = new Map<Text, Painted[]>();
  private paintedRanges = 0;

  constructor(
    private readonly highlights: HighlightSet,
    /** The highlight an entity's mentions go to. */
    private readonly typeOf: (entityId: string) => EntityType,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN });
  }

  /** A text node's mentions, painted now if its block is near the viewport, or when it comes near. */
  add(node: Text, mentions: readonly Mention[]): void {
    this.remove(node);
    this.mentionsOf.set(node, mentions);
    const block = blockOf(node);
    if (!block) return this.paint(node);
    let nodes = this.nodesOf.get(block);
    if (!nodes) {
      nodes = new Set();
      this.nodesOf.set(block, nodes);
      this.pending.add(block);
      if (this.belowStreak < BELOW_BAND_STREAK && this.inBand(block)) this.near.add(block);
    }
    nodes.add(node);
    this.blockOfNode.set(node, block);
    if (this.near.has(block)) this.paint(node);
  }

  remove(node: Text): void {
    if (!this.mentionsOf.delete(node)) return;
    this.unpaint(node);
    const block = this.blockOfNode.get(node);
    if (!block) return;
    this.blockOfNode.delete(node);
    const nodes = this.nodesOf.get(block);
    nodes?.delete(node);
    if (nodes?.size === 0) {
      this.nodesOf.delete(block);
      this.near.delete(block);
      if (!this.pending.delete(block)) this.observer.unobserve(block);
    }
  }

  /** Hands the blocks found since the last call to the observer: at the end of each scan. */
  flush(): void {
    for (const block of this.pending) this.observer.observe(block);
    this.pending.clear();
    this.belowStreak = 0;
  }

  /** Ranges currently in the highlights. */
  paintedCount(): number {
    return this.paintedRanges;
  }

  /** Elements the observer watches (for tests: blocks, not inline elements). */
  observedCount(): number {
    return this.nodesOf.size;
  }

  clear(): void {
    this.observer.disconnect();
    this.nodesOf.clear();
    this.mentionsOf.clear();
    this.blockOfNode.clear();
    this.near.clear();
    this.pending.clear();
    this.belowStreak = 0;
    this.painted.clear();
    this.paintedRanges = 0;
    this.highlights.clear();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = entry.target;
      const nodes = this.nodesOf.get(block);
      if (!nodes) continue;
      if (entry.isIntersecting) {
        this.near.add(block);
        for (const node of nodes) this.paint(node);
      } else {
        this.near.delete(block);
        for (const node of nodes) this.unpaint(node);
      }
    }
  }

  /** Whether a block is where the observer would call it near (its root margin): one layout read. */
  private inBand(block: Element): boolean {
    const view = block.ownerDocument.defaultView;
    if (!view) return false;
    const r = block.getBoundingClientRect();
    const height = view.innerHeight;
    if (r.top > 2 * height) {
      this.belowStreak++;
      return false;
    }
    this.belowStreak = 0;
    return r.bottom >= -height && r.right >= 0 && r.left <= view.innerWidth && (r.width > 0 || r.height > 0);
  }

  private paint(node: Text): void {
    if (this.painted.has(node)) return;
    const mentions = this.mentionsOf.get(node) ?? [];
    const length = node.length;
    const ranges: Painted[] = [];
    for (const { entityId, start, end } of mentions) {
      const type = this.typeOf(entityId);
      // The node may have shrunk since it was matched; its rescan is queued.
      if (end > length) continue;
      const range = new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end });
      this.highlights.add(type, range);
      ranges.push({ type, range });
    }
    this.painted.set(node, ranges);
    this.paintedRanges += ranges.length;
  }

  private unpaint(node: Text): void {
    const ranges = this.painted.get(node);
    if (!ranges) return;
    for (const { type, range } of ranges) this.highlights.delete(type, range);
    this.painted.delete(node);
    this.paintedRanges -= ranges.length;
  }
}
