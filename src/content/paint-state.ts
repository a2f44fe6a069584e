// The painter's records: a text node's entry, the block it is filed under,
// and the group the block is watched through. Plain records, one per thing:
// kept in parallel maps and sets instead, each node and block would cost
// several lookups where one does. Their invariants are all written here.
import type { EntityType, Mention } from '../core/types';
import type { BlockWindow } from './block-window';

/** One highlight range the painter put in the highlights, with the highlight it went to. */
export interface Painted {
  type: EntityType;
  range: StaticRange;
}

/**
 * A text node, or a block read whole, with names: made by the painter when
 * the page index adds it, kept by the index (one map lookup per node serves
 * both).
 */
export interface PaintEntry {
  /** A text node, or a block read whole (dom/blocks.ts): its mentions' offsets are into its text. */
  readonly node: Text | Element;
  readonly mentions: readonly Mention[];
  /** Where it was filed: its block then (null: it had none, and is painted always), which may have changed since. */
  readonly block: Block | null;
  /** Its ranges in the highlights, while painted; undefined while not. */
  ranges: Painted[] | undefined;
}

/**
 * A block with names (dom/blocks.ts, blockOf).
 * - `entries` is never empty: a block whose last entry goes is dropped. It is
 *   made with its first entry in it (an array grown by push() from empty
 *   reserves room for many; a block read whole has one entry for good).
 * - `near` is true exactly while the block is in the band to paint; then all
 *   its entries are painted, and none otherwise.
 */
export interface Block {
  readonly el: Element;
  entries: PaintEntry[];
  readonly group: Group;
  near: boolean;
}

/**
 * How a group is watched:
 * - `blocks`: too few blocks yet (GROUP_MIN), watched one by one;
 * - `group`: the observer watches the group's element, and its blocks only
 *   while it is near;
 * - `untrusted`: its box cannot be trusted to hold its blocks (no box, or
 *   content that spills out of it): its blocks are watched one by one, for good.
 * A group goes from `blocks` to `group`, and from `group` to `untrusted`, never back.
 */
export type GroupMode = 'blocks' | 'group' | 'untrusted';

/**
 * The blocks under one element (dom/blocks.ts, groupOf), watched together.
 * - `blocks` is never empty while the group is in the painter's map: a group
 *   whose last block goes is dropped.
 * - `unobserved`: blocks filed since the last flush, not yet given to the
 *   observer; some may have been dropped since. `pending` is true exactly
 *   while the group is in the painter's list of groups to flush.
 * - `near` means something in `group` mode only: undefined until the
 *   observer's first record of the group, then whether its box is in the band.
 * - `open`: its blocks are given to the observer (all of them, or its
 *   window's). In `blocks` and `untrusted` mode a group is open from its
 *   first flush on; in `group` mode, while it is near.
 * - `window`: only while open in `group` mode, for a group of at least
 *   WINDOW_MIN blocks (block-window.ts): only the window's blocks are watched.
 *   A window needs its blocks in document order: once a block arrives before
 *   others, `windowless` is set and the group never gets a window again.
 */
export interface Group {
  readonly el: Element;
  readonly blocks: Set<Block>;
  readonly unobserved: Block[];
  mode: GroupMode;
  near: boolean | undefined;
  open: boolean;
  pending: boolean;
  window: BlockWindow<Block> | undefined;
  windowless: boolean;
}

/** A block's box, for windows and the band. */
export const boxOf = (block: Block): DOMRect => block.el.getBoundingClientRect();
