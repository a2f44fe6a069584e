// What the page names: for each text node, or block read whole
// (dom/blocks.ts), its mentions (the ViewportPainter paints those near the
// screen), plus running counts per entity. Adding or dropping an entry costs
// in proportion to it, never to the page.
import type { Matcher } from '../core/matcher';
import type { Mention } from '../core/types';
import { blockAround } from './dom/blocks';
import { BlockText } from './dom/block-text';
import type { PaintEntry } from './paint-state';

/** How many indexed nodes one pruneDisconnected() call looks at. */
const PRUNE_STEP = 2000;

/** A mention, and the text node or block read whole whose text its offsets are in. */
export interface HeldMention {
  holder: Text | Element;
  mention: Mention;
}

/** What the index hands its entries to: the viewport painter (viewport-painter.ts), as the index sees it. */
export interface EntryPainting {
  /** A text node's mentions: the entry made for them, to keep and hand back to remove(). */
  add(node: Text, mentions: readonly Mention[]): PaintEntry;
  /** A block read whole and its mentions, as add(). */
  addBlock(el: Element, mentions: readonly Mention[]): PaintEntry;
  remove(entry: PaintEntry): void;
  clear(): void;
}

export interface EntityCount {
  count: number;
  weakCount: number;
}

export class PageIndex {
  /** Each text node's or block's mentions, in the painter's entry for it. */
  private readonly nodes = new Map<Node, PaintEntry>();
  private readonly counts = new Map<string, EntityCount>();
  /** How many of `nodes` are blocks read whole: while none are, a text node is only ever in its own entry. */
  private blocks = 0;
  /** Bumped on every change, so that the reporter knows when to report. */
  version = 0;
  /** Where pruneDisconnected() goes on from. */
  private pruneCursor: Iterator<Node> | undefined;

  constructor(
    private readonly matcher: Matcher,
    private readonly painter: EntryPainting,
  ) {}

  /**
   * Matches one text node (its text, if the caller has read it already) and
   * highlights what it names, replacing what it had. `isNew`: the caller knows
   * the node has no entry, and its lookup is skipped.
   */
  scanText(node: Text, data: string = node.data, isNew = false): void {
    const mentions = this.matcher.find(data);
    const old = isNew ? undefined : this.nodes.get(node);
    if (old) this.forget(node, old);
    if (mentions.length === 0) return;
    for (const m of mentions) this.count(m, 1);
    this.nodes.set(node, this.painter.add(node, mentions));
    this.version++;
  }

  /**
   * Matches a block read whole (dom/blocks.ts), as scanText() does a text
   * node. A block scanned again may have been scanned text node by text node
   * before (it had a line break then): those entries go.
   */
  scanBlock(el: Element, data: string, isNew = false): void {
    const mentions = this.matcher.find(data);
    if (!isNew) {
      this.drop(el);
      if (this.nodes.size > this.blocks) for (const node of BlockText.of(el).nodes) this.drop(node);
    }
    if (mentions.length === 0) return;
    for (const m of mentions) this.count(m, 1);
    this.nodes.set(el, this.painter.addBlock(el, mentions));
    this.blocks++;
    this.version++;
  }

  /** Forgets a text node or a block read whole, and removes its highlights. */
  drop(node: Node): void {
    const entry = this.nodes.get(node);
    if (entry) this.forget(node, entry);
  }

  private forget(node: Node, entry: PaintEntry): void {
    for (const m of entry.mentions) this.count(m, -1);
    this.painter.remove(entry);
    this.nodes.delete(node);
    // A block read whole is filed by the painter as its own block.
    if (entry.block?.el === node) this.blocks--;
    this.version++;
  }

  /** The mentions of a text node's text, with the holder of their offsets and where the node starts in its text. */
  private entryHolding(node: Text): { entry: PaintEntry; base: number } | undefined {
    const own = this.nodes.get(node);
    if (own) return { entry: own, base: 0 };
    const parent = node.parentElement;
    if (this.blocks === 0 || !parent) return undefined;
    // Only inline elements are inside a block read whole.
    const block = blockAround(parent);
    const entry = this.nodes.get(block);
    if (entry?.node !== block) return undefined;
    const base = BlockText.of(block).offsetOf(node);
    return base < 0 ? undefined : { entry, base };
  }

  /** The mentions a text node's text is part of: its own, or those of the block read whole that holds it. */
  mentionsAround(node: Text): { holder: Text | Element; mentions: readonly Mention[]; base: number } | undefined {
    const found = this.entryHolding(node);
    return found && { holder: found.entry.node, mentions: found.entry.mentions, base: found.base };
  }

  /** The mention under a character offset of a text node, if any. */
  mentionAt(node: Text, offset: number): HeldMention | undefined {
    const found = this.entryHolding(node);
    if (!found) return undefined;
    const at = found.base + offset;
    const mention = found.entry.mentions.find((m) => m.start <= at && at < m.end);
    return mention && { holder: found.entry.node, mention };
  }

  /** The nodes whose names are painted now: those near the viewport. */
  *paintedEntries(): Iterable<PaintEntry> {
    for (const entry of this.nodes.values()) if (entry.ranges) yield entry;
  }

  entityCounts(): ReadonlyMap<string, EntityCount> {
    return this.counts;
  }

  /** Whether any block is read whole: until one is, a text node's text is only ever in its own entry. */
  holdsBlocks(): boolean {
    return this.blocks > 0;
  }

  nodeCount(): number {
    return this.nodes.size;
  }

  /**
   * Drops nodes that are no longer in the document, should a removal have gone
   * unseen: a safety net, not the way removals are handled (live-updates.ts).
   * It looks at `limit` nodes per call, where the last call left off, so that
   * a call costs the same on any page, however long (it runs before every
   * report). A Map iterator goes on correctly across deletions and insertions.
   */
  pruneDisconnected(limit = PRUNE_STEP): void {
    for (let i = 0; i < limit; i++) {
      this.pruneCursor ??= this.nodes.keys();
      const next = this.pruneCursor.next();
      if (next.done) {
        this.pruneCursor = undefined;
        return;
      }
      if (!next.value.isConnected) this.drop(next.value);
    }
  }

  clear(): void {
    this.nodes.clear();
    this.blocks = 0;
    this.pruneCursor = undefined;
    this.counts.clear();
    this.painter.clear();
    this.version++;
  }

  private count(m: Mention, delta: 1 | -1): void {
    let c = this.counts.get(m.entityId);
    if (!c) {
      if (delta < 0) return;
      c = { count: 0, weakCount: 0 };
      this.counts.set(m.entityId, c);
    }
    if (m.weak) c.weakCount += delta;
    else c.count += delta;
    if (c.count <= 0 && c.weakCount <= 0) this.counts.delete(m.entityId);
  }
}
