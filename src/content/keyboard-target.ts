// Which name the keyboard shortcut opens the card of (the pointer has hover.ts):
// the name in the reader's selection, or where the caret is; otherwise, and
// when that name's card is already open, the next name on screen after the
// open card's, in reading order (reading-order.ts), so that pressing the
// shortcut again steps through the names in view.
import type { Mention } from '../core/types';
import { mentionRange, sameHit, type Hit } from './hit-test';
import type { PageIndex } from './page-index';
import { readingOrder, nextAfter } from './reading-order';
import { FOLLOWING, TEXT_NODE } from './dom/dom-constants';

function rectOf(doc: Document, node: Text | Element, m: Mention): DOMRect | undefined {
  return mentionRange(doc, node, m)?.getClientRects()[0];
}

/** The name at the selection's focus (or anchor), where a caret just before or after it counts too. */
export function selectedMention(doc: Document, index: PageIndex): Hit | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const ends: Array<[Node | null, number]> = [
    [selection.focusNode, selection.focusOffset],
    [selection.anchorNode, selection.anchorOffset],
  ];
  for (const [node, offset] of ends) {
    if (!node || node.nodeType !== TEXT_NODE) continue;
    const text = node as Text;
    const held = index.mentionAt(text, offset) ?? (offset > 0 ? index.mentionAt(text, offset - 1) : undefined);
    const rect = held && rectOf(doc, held.holder, held.mention);
    if (held && rect) return { node: held.holder, mention: held.mention, rect };
  }
  return null;
}

/** The highlighted names whose first box is inside the viewport, in reading order. */
export function mentionsInView(doc: Document, index: PageIndex): Hit[] {
  const view = doc.defaultView;
  const width = view?.innerWidth ?? 0;
  const height = view?.innerHeight ?? 0;
  const hits: Hit[] = [];
  // Only painted names: those near the viewport (viewport-painter.ts), a few dozen.
  for (const entry of index.paintedEntries()) {
    for (const mention of entry.mentions) {
      const rect = rectOf(doc, entry.node, mention);
      if (!rect || rect.width === 0 || rect.bottom <= 0 || rect.top >= height || rect.right <= 0 || rect.left >= width) continue;
      hits.push({ node: entry.node, mention, rect });
    }
  }
  return readingOrder(hits, (hit) => hit.rect, textOrder);
}

/** Which of two names comes first in the text: document order, then offset. */
function textOrder(a: Hit, b: Hit): number {
  if (a.node === b.node) return a.mention.start - b.mention.start;
  return a.node.compareDocumentPosition(b.node) & FOLLOWING ? -1 : 1;
}

/** The name to show, given the one whose card is open; null when no name is on screen. */
export function keyboardTarget(doc: Document, index: PageIndex, current: Hit | null): Hit | null {
  const selected = selectedMention(doc, index);
  if (selected && !sameHit(selected, current)) return selected;
  const inView = mentionsInView(doc, index);
  const from = current ?? selected;
  return nextAfter(inView, (hit) => sameHit(hit, from)) ?? null;
}
