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
//   (~42 ms a frame with 30,000 targets, ~20 ms with 10,000, in Chromium). So it
//   watches blocks, not every inline element (a link or an <em> is where its
//   paragraph is), and a parent of many blocks (a section, a list) as a whole:
//   its blocks are watched only while it is near. Scrolling a 50,000-paragraph
//   page went from 6 to 60 frames a second, with content.css painting
//   backgrounds only (bench/profile-scroll.ts). A near group of very many
//   blocks (a flat article) has only a window of them watched, around the
//   screen (block-window.ts).
//   The observer hears of what a scan found when the scan is over: observing
//   blocks as they came made it recompute every target on every frame of the
//   scan (430 ms of a 10,000-paragraph page's scan, in a trace). Meanwhile the
//   first blocks of a scan are measured once, so that the names on screen are
//   lit at once, not at the end.
import type { EntityType, Mention } from '../core/types';
import { BlockWindow, WINDOW_MIN } from './block-window';
import { BlockText, spanRange } from './block-text';
import { FOLLOWING, TEXT_NODE } from './dom-constants';
import type { HighlightSet } from './highlights';

/** How far beyond the viewport we paint ahead, so that scrolling shows names already lit. */
const MARGIN = '100% 0px 100% 0px';

/**
 * Elements that flow inline: a text node inside one is filed under the block
 * around it. A page may style a <span> as a block; filing it with its parent
 * block only paints it a little early.
 */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/**
 * After this many blocks in a row below the band to paint, a scan stops
 * measuring: in document order, the rest are most likely below too, and the
 * observer will say when the scan is over.
 */
const BELOW_BAND_STREAK = 64;

/**
 * The element a text node is watched through: the nearest non-inline element
 * around it. `known`, a block met before, ends the climb without a look at its
 * tag name.
 */
export function blockOf(node: Text, known?: Element): Element | null {
  const el = node.parentElement;
  return el && blockAround(el, known);
}

/** The nearest non-inline element that is or holds `el` (the topmost inline one, at a root). */
export function blockAround(el: Element, known?: Element): Element {
  while (el !== known && INLINE_TAGS.has(el.localName)) {
    const parent: Element | null = el.parentElement;
    if (!parent) break;
    el = parent;
  }
  return el;
}

/**
 * Where an entry's mentions are in its text nodes, now. Those the text no
 * longer reaches are left out: it shrank since it was matched, and its rescan
 * is queued.
 */
function mentionRanges(entry: { node: Text | Element; mentions: readonly Mention[] }): Array<{ entityId: string; range: StaticRangeInit }> {
  const out: Array<{ entityId: string; range: StaticRangeInit }> = [];
  const node = entry.node;
  // A block's text nodes are found once for all its mentions.
  const text = node.nodeType === TEXT_NODE ? null : BlockText.of(node as Element);
  for (const m of entry.mentions) {
    const range = text ? text.rangeOf(m) : spanRange(node, m);
    if (range) out.push({ entityId: m.entityId, range });
  }
  return out;
}

interface Painted {
  type: EntityType;
  range: StaticRange;
}

/**
 * A text node as the painter knows it: made by add(), kept by the page's
 * index (one map lookup per node for both; in Firefox, hashing a node's
 * wrapper costs more than in Chromium, and there were six per node).
 */
export interface PaintEntry {
  /** A text node, or a block read whole (whole-blocks.ts): its mentions' offsets are into its text. */
  readonly node: Text | Element;
  readonly mentions: readonly Mention[];
  /** Where it was filed: its block then (null: it had none), which may have changed since. */
  readonly block: Block | null;
  /** Its ranges in the highlights, while painted. */
  ranges: Painted[] | undefined;
}

/**
 * A block with names, and all the painter knows of it, in one record: kept in
 * parallel maps and sets, each node and block cost about twice as many lookups
 * (bench/scan-times.ts).
 */
export interface Block {
  readonly el: Element;
  /**
   * Its text nodes' entries; few per block, so an array. Made with its first
   * entry in it: an array grown by push() from empty holds room for 17 (V8),
   * and a block read whole has one entry for good. On the 10,000-paragraph
   * page (12,768 blocks) the young-generation GCs of the scan went from 14.6
   * to 7.7 ms (bench/profile-compile.ts, 16 loads each).
   */
  entries: PaintEntry[];
  /** The group it was filed under. */
  readonly group: Group;
  /** Within the band to paint. */
  near: boolean;
}

/**
 * A block's parent holding this many blocks with names becomes a group: the
 * observer watches the group, and its blocks only while it is near the screen.
 */
const GROUP_MIN = 8;

/**
 * Small containers of blocks (a list, a quote, a table) are seen through: their
 * blocks join the group around them, so that a section of paragraphs, lists
 * and quotes is one group, not a group and a dozen blocks watched on their own.
 */
const WRAPPER_TAGS = new Set([
  'ul', 'ol', 'dl', 'menu', 'blockquote', 'figure', 'details', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'picture',
]);

/** The element a block is grouped under: its parent, or the parent of the small containers around it. */
function groupOf(block: Element): Element {
  let parent = block.parentElement;
  while (parent && WRAPPER_TAGS.has(parent.localName) && parent.parentElement) parent = parent.parentElement;
  return parent ?? block;
}

interface Group {
  readonly el: Element;
  /** Its blocks with names. */
  readonly blocks: Set<Block>;
  /** Blocks added since the last flush, not yet given to the observer (some may have been dropped since). */
  readonly fresh: Block[];
  /**
   * `blocks`: too few blocks yet, watched one by one; `group`: watched as a
   * whole; `untrusted`: its box cannot be trusted to hold its blocks, which are
   * watched one by one for good.
   */
  mode: 'blocks' | 'group' | 'untrusted';
  /** In `group` mode: unknown until the observer's first word on it. */
  near: boolean | undefined;
  /** Its blocks are in the observer. */
  open: boolean;
  /** In the list of groups to flush. */
  pending: boolean;
  /** While open, for a group of many blocks: the ones watched (block-window.ts). */
  window: BlockWindow<Block> | undefined;
  /** A block came in before others of a big group: its blocks are no longer in document order in its window, so it gets none. */
  windowless: boolean;
}

const boxOf = (block: Block): DOMRect => block.el.getBoundingClientRect();

export class ViewportPainter {
  private readonly observer: IntersectionObserver;
  private readonly blocks = new Map<Element, Block>();
  private readonly groups = new Map<Element, Group>();
  /** Groups that gained blocks since the last flush: the observer hears of them when the scan is over. */
  private pending: Group[] = [];
  /** Blocks in a row found below the band; measuring stops at BELOW_BAND_STREAK. */
  private belowStreak = 0;
  /**
   * The parent of the last block filed, when it is the group's element (not a
   * wrapper): the next paragraph of a section has the same one, and is filed
   * under it with no look at its tag name and no map lookup (in Firefox, one
   * DOM call and one wrapper hash less per block).
   */
  private lastParent: { el: Element; group: Group } | undefined = undefined;
  /**
   * The block of the last node added. A scan meets a paragraph's text nodes
   * one after another: known to be a block, the paragraph needs no look at its
   * tag name, nor a map lookup (in Firefox, one DOM call and one wrapper hash
   * less per node).
   */
  private last: Block | null = null;
  /** Groups with a window now, looked at when the page scrolls. */
  private readonly windowed = new Set<Group>();
  /** The document whose scrolling moves the windows, once one is made. */
  private scrollDoc: Document | null = null;
  private scrollFrame = 0;

  constructor(
    private readonly highlights: HighlightSet,
    /** The highlight an entity's mentions go to. */
    private readonly typeOf: (entityId: string) => EntityType,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN });
  }

  /**
   * A text node's mentions, painted now if its block is near the viewport, or
   * when it comes near. The entry is the caller's to keep, and to hand back to
   * remove().
   */
  add(node: Text, mentions: readonly Mention[]): PaintEntry {
    const last = this.last;
    const el = blockOf(node, last?.el);
    // No block (a text node straight under a shadow root): painted always.
    if (!el) {
      const loose: PaintEntry = { node, mentions, block: null, ranges: undefined };
      this.paint(loose);
      return loose;
    }
    return this.file(node, mentions, el);
  }

  /** A block read whole and its mentions, as add() does a text node's. */
  addBlock(el: Element, mentions: readonly Mention[]): PaintEntry {
    return this.file(el, mentions, el);
  }

  private file(node: Text | Element, mentions: readonly Mention[], el: Element): PaintEntry {
    const last = this.last;
    let block = el === last?.el ? last : this.blocks.get(el);
    if (!block) {
      block = this.fileBlock(el);
      if (this.belowStreak < BELOW_BAND_STREAK && this.inBand(el)) block.near = true;
    }
    this.last = block;
    const entry: PaintEntry = { node, mentions, block, ranges: undefined };
    if (block.entries.length === 0) block.entries = [entry];
    else block.entries.push(entry);
    if (block.near) this.paint(entry);
    return entry;
  }

  remove(entry: PaintEntry): void {
    this.unpaint(entry);
    const block = entry.block;
    if (!block) return;
    const entries = block.entries;
    const i = entries.indexOf(entry);
    if (i < 0) return;
    entries[i] = entries[entries.length - 1]!;
    entries.pop();
    if (entries.length === 0) this.dropBlock(block);
  }

  /** Hands what the scan found since the last call to the observer: at the end of each scan. */
  flush(): void {
    for (const group of this.pending) {
      group.pending = false;
      // Emptied and dropped since it was listed.
      if (this.groups.get(group.el) !== group) continue;
      if (group.mode === 'blocks' && group.blocks.size >= GROUP_MIN) {
        group.mode = 'group';
        this.observer.observe(group.el);
      }
      if (group.window) {
        this.extendWindow(group);
      } else if (group.mode !== 'group' || group.near === true) {
        for (const block of group.fresh) if (this.blocks.get(block.el) === block) this.observer.observe(block.el);
        group.open = true;
        // Grown past the size for a window while near (an infinite scroll): it gets one.
        if (group.mode === 'group' && !group.windowless && group.blocks.size >= WINDOW_MIN) this.observeBlocks(group);
      }
      group.fresh.length = 0;
    }
    this.pending = [];
    this.belowStreak = 0;
  }

  clear(): void {
    this.observer.disconnect();
    this.windowed.clear();
    this.scrollDoc?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.scrollDoc = null;
    cancelAnimationFrame(this.scrollFrame);
    this.blocks.clear();
    this.groups.clear();
    this.pending = [];
    this.belowStreak = 0;
    this.last = null;
    this.lastParent = undefined;
    this.highlights.clear();
  }

  private fileBlock(el: Element): Block {
    const up = el.parentElement;
    let group = up !== null && up === this.lastParent?.el ? this.lastParent.group : undefined;
    if (!group) {
      const parent = groupOf(el);
      group = this.groups.get(parent);
      if (!group) {
        group = { el: parent, blocks: new Set(), fresh: [], mode: 'blocks', near: undefined, open: false, pending: false, window: undefined, windowless: false };
        this.groups.set(parent, group);
      }
      // Its group is the parent itself, no wrapper: so for every block under it.
      this.lastParent = up !== null && parent === up && !WRAPPER_TAGS.has(up.localName) ? { el: up, group } : undefined;
    }
    const block: Block = { el, entries: [], group, near: false };
    this.blocks.set(el, block);
    group.blocks.add(block);
    group.fresh.push(block);
    // Watched from the next flush on (the group's blocks, or the group).
    if (!group.pending) {
      group.pending = true;
      this.pending.push(group);
    }
    return block;
  }

  private dropBlock(block: Block): void {
    this.blocks.delete(block.el);
    if (this.last === block) this.last = null;
    block.near = false;
    this.unobserveBlock(block);
    const group = block.group;
    group.window?.remove(block);
    group.blocks.delete(block);
    if (group.blocks.size > 0) return;
    if (this.groups.get(group.el) === group) this.groups.delete(group.el);
    if (this.lastParent?.group === group) this.lastParent = undefined;
    this.setWindow(group, undefined);
    if (group.mode === 'group' && !this.blocks.has(group.el)) this.observer.unobserve(group.el);
  }

  /** Stops watching a block, unless it is a group too (its own text, and blocks in it), still watched as one. */
  private unobserveBlock(block: Block): void {
    if (this.groups.get(block.el)?.mode !== 'group') this.observer.unobserve(block.el);
  }

  /** Gives a group its window, or takes it away; the windows are looked at when the page scrolls. */
  private setWindow(group: Group, w: BlockWindow<Block> | undefined): void {
    group.window = w;
    if (w) this.windowed.add(group);
    else this.windowed.delete(group);
  }

  /** The group is near: its blocks are watched, all of them, or a window of them when there are many. */
  private observeBlocks(group: Group, windowed = true): void {
    // All its blocks are watched already: those outside a new window stop being.
    const allWatched = group.open && !group.window;
    group.fresh.length = 0;
    group.open = true;
    if (group.window) for (const block of group.window.watched()) this.unwatch(block);
    const w = windowed && !group.windowless && group.blocks.size >= WINDOW_MIN ? BlockWindow.create(group.blocks, boxOf) : null;
    this.setWindow(group, w ?? undefined);
    if (!w) {
      for (const block of group.blocks) this.observer.observe(block.el);
      return;
    }
    this.watchScrolling(group.el.ownerDocument);
    this.follow(group);
    if (allWatched) {
      const kept = new Set(w.watched());
      for (const block of group.blocks) if (!kept.has(block)) this.unwatch(block);
    }
  }

  /**
   * A jump (a link, the End key, the scroll bar) can take the reader where no
   * block of a window was or is near: no observer record would say so. So
   * each frame that scrolls, each window checks that it still covers the band
   * to paint (two boxes), and moves if not.
   */
  private watchScrolling(doc: Document): void {
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

  /**
   * Moves a group's window to the block at `index`, or to the first block on
   * screen; and widens it until it covers the band to paint (short blocks, or
   * a tall, zoomed-out screen, put more blocks in the band than it holds).
   */
  private follow(group: Group, index?: number): void {
    const w = group.window!;
    const height = group.el.ownerDocument.defaultView?.innerHeight ?? 0;
    const at = index ?? w.locate(boxOf, 0);
    const watch = (block: Block) => this.observer.observe(block.el);
    const unwatch = (block: Block) => this.unwatch(block);
    w.moveTo(at, watch, unwatch);
    while (!w.covers(boxOf, -height, 2 * height) && w.grow()) w.moveTo(at, watch, unwatch);
  }

  /** A block leaves a window: no longer watched, nor painted. */
  private unwatch(block: Block): void {
    this.unobserveBlock(block);
    if (!block.near) return;
    block.near = false;
    for (const entry of block.entries) this.unpaint(entry);
  }

  /**
   * Blocks added to a group with a window: those after all the others join it
   * (watched if the window is open at the end, where new paragraphs of an
   * infinite scroll come); one before any other ends the window, as the
   * blocks would no longer be in document order: all are watched.
   */
  private extendWindow(group: Group): void {
    const w = group.window!;
    for (const block of group.fresh) {
      if (this.blocks.get(block.el) !== block) continue;
      const last = w.last();
      if (last && !(last.el.compareDocumentPosition(block.el) & FOLLOWING)) {
        group.windowless = true;
        this.setWindow(group, undefined);
        for (const b of group.blocks) this.observer.observe(b.el);
        return;
      }
      if (w.append(block)) this.observer.observe(block.el);
    }
  }

  /** The group left the band: its blocks are far too, and are no longer watched one by one. */
  private collapse(group: Group): void {
    const w = group.window;
    this.setWindow(group, undefined);
    if (w) for (const block of w.watched()) this.unwatch(block);
    // Most groups are far when first heard of, with nothing to undo: only the
    // blocks a scan lit at once (near) and those watched (open) are looked at.
    const all = group.open && !w;
    for (const block of group.blocks) {
      if (all) this.unobserveBlock(block);
      const wasNear = block.near;
      block.near = false;
      if (!wasNear && !all) continue;
      for (const entry of block.entries) this.unpaint(entry);
    }
    group.open = false;
  }

  private onIntersect(records: IntersectionObserverEntry[]): void {
    /** Groups with a window that heard of their blocks, and where to move each window (-1: find the screen). */
    const windows = new Map<Group, number>();
    for (const record of records) {
      const el = record.target;
      // An element may be both a group (of the blocks in it) and a block (with text of its own).
      const group = this.groups.get(el);
      if (group?.mode === 'group') this.onGroup(group, record);
      const block = this.blocks.get(el);
      if (!block) continue;
      const w = block.group.window;
      const at = w ? w.indexOf(block) : -1;
      // Left the window while this record was on its way.
      if (w && at < 0) continue;
      block.near = record.isIntersecting;
      if (record.isIntersecting) for (const entry of block.entries) this.paint(entry);
      else for (const entry of block.entries) this.unpaint(entry);
      if (w) windows.set(block.group, record.isIntersecting && w.nearEdge(at) ? at : (windows.get(block.group) ?? -1));
    }
    for (const [group, at] of windows) {
      if (!group.window) continue;
      if (at >= 0) this.follow(group, at);
      // None of its window is near, while the group is: the reader jumped (a link, the End key).
      else if (group.near && !group.window.watched().some((b) => b.near)) this.follow(group);
    }
  }

  private onGroup(group: Group, record: IntersectionObserverEntry): void {
    if (record.isIntersecting) {
      group.near = true;
      this.observeBlocks(group);
      return;
    }
    // A group is only as good as its box. One with no box (display: contents) or
    // whose content spills out of it (a fixed height, positioned children) can be
    // off screen while its blocks are not: its blocks are watched one by one.
    const el = group.el;
    const box = record.boundingClientRect;
    if ((box.width === 0 && box.height === 0) || el.scrollHeight > el.clientHeight + 1) {
      group.mode = 'untrusted';
      group.near = undefined;
      // Still watched if it is a block too.
      if (!this.blocks.has(el)) this.observer.unobserve(el);
      this.observeBlocks(group, false);
      return;
    }
    group.near = false;
    this.collapse(group);
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

  private paint(entry: PaintEntry): void {
    if (entry.ranges) return;
    const ranges: Painted[] = [];
    for (const { entityId, range: init } of mentionRanges(entry)) {
      const type = this.typeOf(entityId);
      const range = new StaticRange(init);
      this.highlights.add(type, range);
      ranges.push({ type, range });
    }
    entry.ranges = ranges;
  }

  private unpaint(entry: PaintEntry): void {
    const ranges = entry.ranges;
    if (!ranges) return;
    for (const { type, range } of ranges) this.highlights.delete(type, range);
    entry.ranges = undefined;
  }
}
