// Blocks whose text is read whole (in Chromium: text-walk.ts says why not in
// Firefox): a paragraph of plain running text is one `textContent` read and
// one entry in the page's index, instead of a wrapper, a string and an entry
// for each of its text nodes, and a climb from each to its block for the
// painter. On a 10,000-paragraph page (20,000 text nodes) the scan went from
// 141.5 to 119.8 ms (bench/scan-times.ts, 16 loads each).
//
// Only blocks whose text nodes, joined, read as they render: leaf blocks with
// inline phrasing in them and nothing else. A block with anything that
// `textContent` would join wrongly, or read where the scan must not, goes text
// node by text node, as before:
// - a line break (<br>, <wbr>) or an image between two words ("Putin<br>Erdoğan");
// - a nested block, a form field, code, an excluded element or attribute;
// - anything that can hold a shadow root (a <span>, a custom element): its
//   shadow text renders in place of the light text;
// - <sup> and <sub>: footnote marks ("Erdoğan<sup>1</sup>") would glue a digit to the name.
// One native querySelector per block tells, with no wrapper made for what is
// inside it. (Not folded into the walk's exclusion test as one matches() with
// `:has()`: that nearly doubled Chromium's scan of a 10,000-paragraph page,
// 198 to 345 ms, bench/profile-compile.ts, 16 loads each.) Read whole, a name
// that crosses elements ("<b>Recep Tayyip</b> Erdoğan") is found whole, and
// names that markup glues with no space between them
// ("<b>Putin</b><i>Erdoğan</i>") are glued on screen too, and not found.
import { blockAround } from './viewport-painter';

/** The blocks that may be read whole: those that usually hold running text and no other block. */
const LEAF_BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'figcaption', 'td', 'th', 'caption']);

/** Inline elements a block read whole may hold: phrasing that no shadow root, line break or excluded content can hide in. */
const PHRASING_TAGS = ['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'strong', 'time', 'u', 'var'];

/** Any element inside a block that makes it go the text-node way. */
const NOT_WHOLE = `:not(${PHRASING_TAGS.join(',')}),[hidden],[contenteditable]`;

/** Whether an element is of the kind of block that may be read whole. */
export function isLeafBlock(el: Element): boolean {
  return LEAF_BLOCK_TAGS.has(el.localName);
}

/** The leaf block that is or holds an element, through inline elements only; null if none. */
export function leafBlockAround(el: Element): Element | null {
  const block = blockAround(el);
  return isLeafBlock(block) ? block : null;
}

/** Whether a leaf block (not excluded itself, with no shadow root: the walk has looked) holds only phrasing, and is read whole. */
export function holdsOnlyPhrasing(el: Element): boolean {
  return el.querySelector(NOT_WHOLE) === null;
}

/** Whether an element (not excluded, with no shadow root) is read whole. */
export function readsWhole(el: Element): boolean {
  return isLeafBlock(el) && holdsOnlyPhrasing(el);
}
