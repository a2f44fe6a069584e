// Which mention is under the pointer. Done once, on the document, from the
// pointer position, not with a listener per highlight.
//
// CSS.highlights.highlightsFromPoint() (Chromium 140+, Firefox 150+) first
// returned Highlight objects and later {highlight, ranges} records; we use it
// only as a fast "is there any highlight here?" test, whatever its shape. The exact
// mention comes from the caret position: caretPositionFromPoint (Firefox,
// Chromium 128+) or caretRangeFromPoint (older Chromium). The caret snaps to the
// nearest character boundary, so the mention's own rectangles confirm the hit.
import type { Mention } from '../core/types';
import { spanRange } from './dom/block-text';
import type { PageIndex } from './page-index';
import { TEXT_NODE } from './dom/dom-constants';

export interface Hit {
  /** The text node, or block read whole (dom/blocks.ts), whose text the mention's offsets are in. */
  node: Text | Element;
  mention: Mention;
  rect: DOMRect;
}

/** The same name in the same text (two paragraphs may hold the same name at the same offsets). */
export function sameHit(a: Hit | null | undefined, b: Hit | null | undefined): boolean {
  if (!a || !b) return false;
  return a.node === b.node && a.mention.entityId === b.mention.entityId && a.mention.start === b.mention.start && a.mention.end === b.mention.end;
}

/** A live Range over one mention, to measure it; null if its text no longer reaches it. */
export function mentionRange(doc: Document, node: Text | Element, m: Mention): Range | null {
  const at = spanRange(node, m);
  if (!at) return null;
  const range = doc.createRange();
  range.setStart(at.startContainer, at.startOffset);
  range.setEnd(at.endContainer, at.endOffset);
  return range;
}

type HighlightsFromPoint = (x: number, y: number) => unknown[];

/**
 * False when the browser can tell for sure that no highlight is at the point.
 * Only an empty answer is trusted: in Firefox the entries come from the page's
 * compartment, where identity and instanceof checks against our own objects
 * are unreliable, and the caret test below is exact anyway.
 */
function maybeOurs(x: number, y: number): boolean {
  const registry = CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint };
  if (typeof registry.highlightsFromPoint !== 'function') return true;
  try {
    const found = registry.highlightsFromPoint(x, y);
    return !Array.isArray(found) || found.length > 0;
  } catch {
    return true;
  }
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

function rectContaining(range: Range, x: number, y: number): DOMRect | null {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return r;
  }
  return null;
}

export function mentionAtPoint(doc: Document, index: PageIndex, x: number, y: number): Hit | null {
  if (!maybeOurs(x, y)) return null;
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== TEXT_NODE) return null;
  const around = index.mentionsAround(caret.node as Text);
  if (!around) return null;
  const offset = around.base + caret.offset;
  // The caret may sit just before or just after the character under the pointer.
  for (const m of around.mentions) {
    if (offset < m.start - 1 || offset > m.end) continue;
    const range = mentionRange(doc, around.holder, m);
    const rect = range && rectContaining(range, x, y);
    if (rect) return { node: around.holder, mention: m, rect };
  }
  return null;
}
