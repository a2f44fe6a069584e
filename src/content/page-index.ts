// What the page names: for each text node, its mentions (the ViewportPainter
// paints those near the screen), plus running counts per entity. Adding or dropping a
// node costs in proportion to that node, never to the page.
import type { Matcher } from '../core/matcher';
import type { Mention } from '../core/types';
import type { ViewportPainter } from './viewport-painter';

export interface EntityCount {
  count: number;
  weakCount: number;
}

export class PageIndex {
  private readonly nodes = new Map<Text, readonly Mention[]>();
  private readonly counts = new Map<string, EntityCount>();
  /** Bumped on every change, so that the reporter knows when to report. */
  version = 0;

  constructor(
    private readonly matcher: Matcher,
    private readonly painter: ViewportPainter,
  ) {}

  /** Matches one text node (its text, if the caller has read it already) and highlights what it names, replacing what it had. */
  scanText(node: Text, data: string = node.data): void {
    const mentions = this.matcher.find(data);
    if (mentions.length === 0) {
      if (this.nodes.has(node)) this.drop(node);
      return;
    }
    if (this.nodes.has(node)) this.drop(node);
    for (const m of mentions) this.count(m, 1);
    this.nodes.set(node, mentions);
    this.painter.add(node);
    this.version++;
  }

  /** Forgets a text node and removes its highlights. */
  drop(node: Text): void {
    const mentions = this.nodes.get(node);
    if (!mentions) return;
    for (const m of mentions) this.count(m, -1);
    this.painter.remove(node);
    this.nodes.delete(node);
    this.version++;
  }

  has(node: Text): boolean {
    return this.nodes.has(node);
  }

  mentionsOf(node: Text): readonly Mention[] {
    return this.nodes.get(node) ?? [];
  }

  /** The mention under a character offset of a text node, if any. */
  mentionAt(node: Text, offset: number): Mention | undefined {
    return this.nodes.get(node)?.find((m) => m.start <= offset && offset < m.end);
  }

  entityCounts(): ReadonlyMap<string, EntityCount> {
    return this.counts;
  }

  nodeCount(): number {
    return this.nodes.size;
  }

  /** Drops every node that is no longer in the document (e.g. after a removal we did not see). */
  pruneDisconnected(): void {
    for (const node of [...this.nodes.keys()]) if (!node.isConnected) this.drop(node);
  }

  clear(): void {
    this.nodes.clear();
    this.counts.clear();
    this.painter.clear();
    this.version++;
  }

  private count(m: Mention, delta: 1 | -1): void {
    const c = this.counts.get(m.entityId) ?? { count: 0, weakCount: 0 };
    if (m.weak) c.weakCount += delta;
    else c.count += delta;
    if (c.count <= 0 && c.weakCount <= 0) this.counts.delete(m.entityId);
    else this.counts.set(m.entityId, c);
  }
}
