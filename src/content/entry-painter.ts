// Painting one entry: its mentions as StaticRanges in the highlight of each
// one's entity type, and taking them out again. A range exists only while its
// entry is painted, so the ranges kept are those near the screen, not the page's.
import type { EntityType } from '../core/types';
import { BlockText, spanRange } from './dom/block-text';
import { TEXT_NODE } from './dom/dom-constants';
import type { HighlightSet } from './highlights';
import type { PaintEntry, Painted } from './paint-state';

/**
 * Where an entry's mentions are in its text nodes, now. Those the text no
 * longer reaches are left out: it shrank since it was matched, and its rescan
 * is queued.
 */
function mentionRanges(entry: PaintEntry): Array<{ entityId: string; range: StaticRangeInit }> {
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

export class EntryPainter {
  constructor(
    private readonly highlights: HighlightSet,
    /** The highlight an entity's mentions go to. */
    private readonly typeOf: (entityId: string) => EntityType,
  ) {}

  /** Puts the entry's mentions in the highlights, unless they are there. */
  paint(entry: PaintEntry): void {
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

  /** Takes the entry's mentions out of the highlights, if they are there. */
  unpaint(entry: PaintEntry): void {
    const ranges = entry.ranges;
    if (!ranges) return;
    for (const { type, range } of ranges) this.highlights.delete(type, range);
    entry.ranges = undefined;
  }

  /** Every entry unpainted at once. */
  clear(): void {
    this.highlights.clear();
  }
}
