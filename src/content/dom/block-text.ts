// Offsets into a block's text (its textContent, read whole: blocks.ts)
// as places in its text nodes, for the ranges of a block's mentions. A mention
// may span text nodes ("<b>Recep Tayyip</b> Erdoğan"): a StaticRange can.
import { SHOW_TEXT, TEXT_NODE } from './dom-constants';

export interface Span {
  start: number;
  end: number;
}

/** A block's text nodes, in order, and where each starts in its text. */
export class BlockText {
  readonly starts: number[] = [];
  readonly length: number;

  /** The text nodes of a block, in the order textContent joins them. */
  static of(el: Element): BlockText {
    const walker = (el.ownerDocument ?? document).createTreeWalker(el, SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    return new BlockText(nodes);
  }

  constructor(readonly nodes: readonly Text[]) {
    let at = 0;
    for (const node of nodes) {
      this.starts.push(at);
      at += node.length;
    }
    this.length = at;
  }

  /** Where a text node starts in the block's text; -1 if it is not in the block. */
  offsetOf(node: Text): number {
    const i = this.nodes.indexOf(node);
    return i < 0 ? -1 : this.starts[i]!;
  }

  /**
   * The range of a span of the block's text; null if the text is now shorter
   * (it changed since it was matched, and its rescan is queued). It starts in
   * the node that holds its first character and ends in the one that holds its
   * last.
   */
  rangeOf(span: Span): StaticRangeInit | null {
    if (span.end > this.length || span.start >= span.end) return null;
    const first = this.nodeHolding(span.start);
    const last = this.nodeHolding(span.end - 1);
    return {
      startContainer: this.nodes[first]!,
      startOffset: span.start - this.starts[first]!,
      endContainer: this.nodes[last]!,
      endOffset: span.end - this.starts[last]!,
    };
  }

  /** The index of the node that holds the character at `offset` (skipping empty nodes). */
  private nodeHolding(offset: number): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    // The last node that starts at or before `offset`: empty nodes start where the next one does.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * The range of a span of a holder's text: a text node's own, or a block's
 * read whole; null if the text no longer reaches it.
 */
export function spanRange(holder: Text | Element, span: Span): StaticRangeInit | null {
  if (holder.nodeType !== TEXT_NODE) return BlockText.of(holder as Element).rangeOf(span);
  if (span.end > (holder as Text).length) return null;
  return { startContainer: holder, startOffset: span.start, endContainer: holder, endOffset: span.end };
}
