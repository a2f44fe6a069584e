// Paints only the mentions near the viewport. The page index knows every
// mention on the page (for counts, the popup and hit-testing), but every
// highlight range costs the browser on each frame in which the page changes.
// So an entry's ranges join the highlights when its block comes within a
// viewport's height of the screen (the band to paint), and leave when it goes
// away; an IntersectionObserver tells, off the main thread's hot path.
//
// What the observer watches is kept in proportion to what is near the screen,
// since it recomputes every target on every frame that scrolls:
// - blocks, not every inline element (dom/blocks.ts);
// - a parent of many blocks (a section, a list) as a whole, its blocks only
//   while it is near (block-filing.ts files them, paint-state.ts says how a
//   group is watched);
// - of a near group of very many blocks (a flat article), only a window of
//   them around the screen (block-window.ts, window-follower.ts).
// The observer hears of what a scan found when the scan is over (flush()):
// given blocks as they came, it would recompute every target on every frame
// of the scan. Meanwhile the first blocks of a scan are measured once, so that
// the names on screen are lit at once, not at the end.
import type { EntityType, Mention } from '../core/types';
import { BlockFiling } from './block-filing';
import { BlockWindow, WINDOW_MIN } from './block-window';
import { blockOf } from './dom/blocks';
import { FOLLOWING } from './dom/dom-constants';
import { EntryPainter } from './entry-painter';
import type { HighlightSet } from './highlights';
import { boxOf, type Block, type Group, type PaintEntry } from './paint-state';
import { WindowFollower } from './window-follower';

/** How far beyond the viewport we paint ahead, so that scrolling shows names already lit. */
const MARGIN = '100% 0px 100% 0px';

/**
 * After this many blocks in a row below the band to paint, a scan stops
 * measuring: in document order, the rest are most likely below too, and the
 * observer will say when the scan is over.
 */
const BELOW_BAND_STREAK = 64;

/** A group with this many blocks at a flush is watched as a whole (paint-state.ts, GroupMode). */
const GROUP_MIN = 8;

export class ViewportPainter {
  private readonly observer: IntersectionObserver;
  private readonly filing = new BlockFiling();
  private readonly entries: EntryPainter;
  private readonly windows: WindowFollower;
  /** Blocks in a row found below the band; measuring stops at BELOW_BAND_STREAK. */
  private belowStreak = 0;

  constructor(highlights: HighlightSet, typeOf: (entityId: string) => EntityType) {
    this.entries = new EntryPainter(highlights, typeOf);
    this.observer = new IntersectionObserver((records) => this.onIntersect(records), { rootMargin: MARGIN });
    this.windows = new WindowFollower(
      (block) => this.observer.observe(block.el),
      (block) => this.unwatch(block),
    );
  }

  /**
   * A text node's mentions, painted now if its block is near the viewport, or
   * when it comes near. The entry is the caller's to keep, and to hand back to
   * remove().
   */
  add(node: Text, mentions: readonly Mention[]): PaintEntry {
    const el = blockOf(node, this.filing.last?.el);
    // No block (a text node straight under a shadow root): painted always.
    if (!el) {
      const loose: PaintEntry = { node, mentions, block: null, ranges: undefined };
      this.entries.paint(loose);
      return loose;
    }
    return this.file(node, mentions, el);
  }

  /** A block read whole and its mentions, as add() does a text node's. */
  addBlock(el: Element, mentions: readonly Mention[]): PaintEntry {
    return this.file(el, mentions, el);
  }

  remove(entry: PaintEntry): void {
    this.entries.unpaint(entry);
    const block = entry.block;
    if (!block) return;
    const list = block.entries;
    const i = list.indexOf(entry);
    if (i < 0) return;
    list[i] = list[list.length - 1]!;
    list.pop();
    if (list.length === 0) this.dropBlock(block);
  }

  /** Hands what the scan found since the last call to the observer: at the end of each scan. */
  flush(): void {
    for (const group of this.filing.takePending()) {
      // Emptied and dropped since it was listed.
      if (!this.filing.holdsGroup(group)) continue;
      if (group.mode === 'blocks' && group.blocks.size >= GROUP_MIN) {
        group.mode = 'group';
        this.observer.observe(group.el);
      }
      if (group.window) {
        this.extendWindow(group);
      } else if (group.mode !== 'group' || group.near === true) {
        for (const block of group.unobserved) if (this.filing.holds(block)) this.observer.observe(block.el);
        group.open = true;
        // Grown past the size for a window while near (an infinite scroll): it gets one.
        if (group.mode === 'group' && !group.windowless && group.blocks.size >= WINDOW_MIN) this.observeBlocks(group);
      }
      group.unobserved.length = 0;
    }
    this.belowStreak = 0;
  }

  clear(): void {
    this.observer.disconnect();
    this.windows.clear();
    this.filing.clear();
    this.belowStreak = 0;
    this.entries.clear();
  }

  private file(node: Text | Element, mentions: readonly Mention[], el: Element): PaintEntry {
    let block = this.filing.block(el);
    if (!block) {
      block = this.filing.file(el);
      if (this.belowStreak < BELOW_BAND_STREAK && this.inBand(el)) block.near = true;
    }
    this.filing.last = block;
    const entry: PaintEntry = { node, mentions, block, ranges: undefined };
    if (block.entries.length === 0) block.entries = [entry];
    else block.entries.push(entry);
    if (block.near) this.entries.paint(entry);
    return entry;
  }

  private dropBlock(block: Block): void {
    block.near = false;
    this.unobserveBlock(block);
    const emptied = this.filing.drop(block);
    if (!emptied) return;
    this.windows.set(emptied, undefined);
    if (emptied.mode === 'group' && !this.filing.block(emptied.el)) this.observer.unobserve(emptied.el);
  }

  /** Stops watching a block, unless it is a group too (its own text, and blocks in it), still watched as one. */
  private unobserveBlock(block: Block): void {
    if (this.filing.group(block.el)?.mode !== 'group') this.observer.unobserve(block.el);
  }

  /** The group is near: its blocks are watched, all of them, or a window of them when there are many. */
  private observeBlocks(group: Group, windowed = true): void {
    // All its blocks are watched already: those outside a new window stop being.
    const allWatched = group.open && !group.window;
    group.unobserved.length = 0;
    group.open = true;
    if (group.window) for (const block of group.window.watched()) this.unwatch(block);
    const w = windowed && !group.windowless && group.blocks.size >= WINDOW_MIN ? BlockWindow.create(group.blocks, boxOf) : null;
    this.windows.set(group, w ?? undefined);
    if (!w) {
      for (const block of group.blocks) this.observer.observe(block.el);
      return;
    }
    this.windows.follow(group);
    if (allWatched) {
      const kept = new Set(w.watched());
      for (const block of group.blocks) if (!kept.has(block)) this.unwatch(block);
    }
  }

  /** A block leaves a window: no longer watched, nor painted. */
  private unwatch(block: Block): void {
    this.unobserveBlock(block);
    if (!block.near) return;
    block.near = false;
    for (const entry of block.entries) this.entries.unpaint(entry);
  }

  /**
   * Blocks added to a group with a window: those after all the others join it
   * (watched if the window is open at the end, where new paragraphs of an
   * infinite scroll come); one before any other ends the window, as the
   * blocks would no longer be in document order: all are watched.
   */
  private extendWindow(group: Group): void {
    const w = group.window!;
    for (const block of group.unobserved) {
      if (!this.filing.holds(block)) continue;
      const last = w.last();
      if (last && !(last.el.compareDocumentPosition(block.el) & FOLLOWING)) {
        group.windowless = true;
        this.windows.set(group, undefined);
        for (const b of group.blocks) this.observer.observe(b.el);
        return;
      }
      if (w.append(block)) this.observer.observe(block.el);
    }
  }

  /** The group left the band: its blocks are far too, and are no longer watched one by one. */
  private collapse(group: Group): void {
    const w = group.window;
    this.windows.set(group, undefined);
    if (w) for (const block of w.watched()) this.unwatch(block);
    // Most groups are far when first heard of, with nothing to undo: only the
    // blocks a scan lit at once (near) and those watched (open) are looked at.
    const all = group.open && !w;
    for (const block of group.blocks) {
      if (all) this.unobserveBlock(block);
      const wasNear = block.near;
      block.near = false;
      if (!wasNear && !all) continue;
      for (const entry of block.entries) this.entries.unpaint(entry);
    }
    group.open = false;
  }

  private onIntersect(records: IntersectionObserverEntry[]): void {
    /** Groups with a window that heard of their blocks, and where to move each window (-1: find the screen). */
    const moves = new Map<Group, number>();
    for (const record of records) {
      const el = record.target;
      // An element may be both a group (of the blocks in it) and a block (with text of its own).
      const group = this.filing.group(el);
      if (group?.mode === 'group') this.onGroup(group, record);
      const block = this.filing.block(el);
      if (!block) continue;
      const w = block.group.window;
      const at = w ? w.indexOf(block) : -1;
      // Left the window while this record was on its way.
      if (w && at < 0) continue;
      block.near = record.isIntersecting;
      if (record.isIntersecting) for (const entry of block.entries) this.entries.paint(entry);
      else for (const entry of block.entries) this.entries.unpaint(entry);
      if (w) moves.set(block.group, record.isIntersecting && w.nearEdge(at) ? at : (moves.get(block.group) ?? -1));
    }
    for (const [group, at] of moves) {
      if (!group.window) continue;
      if (at >= 0) this.windows.follow(group, at);
      // None of its window is near, while the group is: the reader jumped (a link, the End key).
      else if (group.near && !group.window.watched().some((b) => b.near)) this.windows.follow(group);
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
      if (!this.filing.block(el)) this.observer.unobserve(el);
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
}
