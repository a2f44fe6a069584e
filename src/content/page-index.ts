// What the page names: for each text node, its mentions (the ViewportPainter
// paints those near the screen), plus running counts per entity. Adding or dropping a
// node costs in proportion to that node, never to the page.
import type { Matcher } from '../core/matcher';
import type { Mention } from '../core/types';
import type { PaintEntry, ViewportPainter } from './viewport-painter';

/** How many indexed nodes one pruneDisconnected() call looks at. */
const PRUNE_STEP = 2000;

export interface EntityCount {
  count: number;
  weakCount: number;
}

export class PageIndex {
  /** Each node's mentions, in the painter's entry for it. */
  private readonly nodes = new Map<Text, PaintEntry>();
  private readonly counts = new Map<string, EntityCount>();
  /** Bumped on every change, so that the reporter knows when to report. */
  version = 0;
  /** Where pruneDisconnected() goes on from. */
  private pruneCursor: Iterator<Text> | undefined;

  constructor(
    private readonly matcher: Matcher,
    private readonly painter: ViewportPainter,
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

  /** Forgets a text node and removes its highlights. */
  drop(node: Text): void {
    const entry = this.nodes.get(node);
    if (entry) this.forget(node, entry);
  }

  private forget(node: Text, entry: PaintEntry): void {
    for (const m of entry.mentions) this.count(m, -1);
    this.painter.remove(entry);
    this.nodes.delete(node);
    this.version++;
  }

  has(node: Text): boolean {
    return this.nodes.has(node);
  }

  mentionsOf(node: Text): readonly Mention[] {
    return this.nodes.get(node)?.mentions ?? [];
  }

  /** The mention under a character offset of a text node, if any. */
  mentionAt(node: Text, offset: number): Mention | undefined {
    return this.nodes.get(node)?.mentions.find((m) => m.start <= offset && offset < m.end);
  }

  /** The nodes whose names are painted now: those near the viewport. */
  *paintedEntries(): Iterable<PaintEntry> {
    for (const entry of this.nodes.values()) if (entry.ranges) yield entry;
  }

  entityCounts(): ReadonlyMap<string, EntityCount> {
    return this.counts;
  }

  nodeCount(): number {
    return this.nodes.size;
  }

  /**
   * Drops nodes that are no longer in the document, should a removal have gone
   * unseen: a safety net, not the way removals are handled (live-updates.ts).
   * It looks at `limit` nodes per call, where the last call left off, so that
   * a call costs the same on any page (a whole sweep was 10-12 ms on a
   * 40,000-paragraph page, before every report). A Map iterator goes on
   * correctly across deletions and insertions.
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
