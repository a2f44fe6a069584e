// A paragraph cut into plain runs and entity mentions, for rendering the
// article body with its entities highlighted. Pure: the matcher's offsets in,
// renderable pieces out.
import type { Mention } from '../../core/types';

export interface Segment {
  text: string;
  /** Set for a mention. */
  entityId?: string;
  weak?: boolean;
}

/** Splits `text` at the mentions; overlapping or out-of-range mentions are skipped. */
export function segments(text: string, mentions: readonly Mention[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of sorted) {
    if (m.start < at || m.end <= m.start || m.end > text.length) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push(m.weak ? { text: text.slice(m.start, m.end), entityId: m.entityId, weak: true } : { text: text.slice(m.start, m.end), entityId: m.entityId });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
