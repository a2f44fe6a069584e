// Paints only the mentions near the viewport. The index knows every mention on
// the page (for counts, the popup and hit-testing), but a highlight range costs
// the browser on every frame in which the page changes: with 38,902 ranges on
// a 10,000-paragraph page, Chromium spent ~245 ms rendering each frame after a
// one-node DOM change, against ~23 ms without them (npm run bench, "Where our
// time goes"). So the ranges of a text node join the highlights when its
// element comes within a viewport's height of the screen, and leave when it
// goes away; an IntersectionObserver tells us, off the main thread's hot path.
import type { EntityType } from '../core/types';
import type { HighlightSet } from './highlights';

export type PaintedRange = readonly [EntityType, StaticRange];

/** How far beyond the viewport we paint ahead, so that scrolling shows names already lit. */
const MARGIN = '100% 0px 100% 0px';

export class ViewportPainter {
  private readonly observer: IntersectionObserver;
  private readonly nodesOf = new Map<Element, Set<Text>>();
  private readonly rangesOf = new Map<Text, readonly PaintedRange[]>();
  /** Where each node was filed: its parent then, which may have changed since. */
  private readonly elementOf = new Map<Text, Element>();
  private readonly visible = new Set<Element>();
  private readonly painted = new Set<Text>();

  constructor(private readonly highlights: HighlightSet) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN });
  }

  /** A text node's ranges, painted now if its element is near the viewport, or when it comes near. */
  add(node: Text, ranges: readonly PaintedRange[]): void {
    this.remove(node);
    const el = node.parentElement;
    this.rangesOf.set(node, ranges);
    if (!el) return this.paint(node);
    let nodes = this.nodesOf.get(el);
    if (!nodes) {
      nodes = new Set();
      this.nodesOf.set(el, nodes);
      this.observer.observe(el);
    }
    nodes.add(node);
    this.elementOf.set(node, el);
    if (this.visible.has(el)) this.paint(node);
  }

  remove(node: Text): void {
    const ranges = this.rangesOf.get(node);
    if (!ranges) return;
    this.unpaint(node, ranges);
    this.rangesOf.delete(node);
    const el = this.elementOf.get(node);
    if (!el) return;
    this.elementOf.delete(node);
    const nodes = this.nodesOf.get(el);
    nodes?.delete(node);
    if (nodes?.size === 0) {
      this.nodesOf.delete(el);
      this.visible.delete(el);
      this.observer.unobserve(el);
    }
  }

  /** Ranges currently in the highlights. */
  paintedCount(): number {
    let n = 0;
    for (const node of this.painted) n += this.rangesOf.get(node)?.length ?? 0;
    return n;
  }

  clear(): void {
    this.observer.disconnect();
    this.nodesOf.clear();
    this.rangesOf.clear();
    this.elementOf.clear();
    this.visible.clear();
    this.painted.clear();
    this.highlights.clear();
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const el = entry.target;
      const nodes = this.nodesOf.get(el);
      if (!nodes) continue;
      if (entry.isIntersecting) {
        this.visible.add(el);
        for (const node of nodes) this.paint(node);
      } else {
        this.visible.delete(el);
        for (const node of nodes) this.unpaint(node, this.rangesOf.get(node) ?? []);
      }
    }
  }

  private paint(node: Text): void {
    if (this.painted.has(node)) return;
    for (const [type, range] of this.rangesOf.get(node) ?? []) this.highlights.add(type, range);
    this.painted.add(node);
  }

  private unpaint(node: Text, ranges: readonly PaintedRange[]): void {
    if (!this.painted.delete(node)) return;
    for (const [type, range] of ranges) this.highlights.delete(type, range);
  }
}
