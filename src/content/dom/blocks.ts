// Block classification: which element a text node belongs to on the page, as
// the scan, the page index and the painter all need to know it.
//
// - A text node's block is the nearest element around it that is not inline
//   (blockOf, blockAround): a link or an <em> is where its paragraph is.
// - A block's group is the element the painter watches it through: its parent,
//   seen through small containers such as lists and quotes (groupOf).
// - A leaf block that holds only phrasing is read whole (readsWhole): one
//   `textContent` read and one index entry for the paragraph instead of one per
//   text node, and a name that crosses elements ("<b>Recep Tayyip</b> Erdoğan")
//   is found whole. Only blocks whose text nodes, joined, read as they render
//   qualify. A block goes text node by text node when it holds:
//   - a line break (<br>, <wbr>) or an image between two words ("Putin<br>Erdoğan");
//   - a nested block, a form field, code, an excluded element or attribute;
//   - anything that can hold a shadow root (a <span>, a custom element): its
//     shadow text renders in place of the light text;
//   - <sup> or <sub>: a footnote mark ("Erdoğan<sup>1</sup>") would glue a
//     digit to the name.
//   Names that markup glues with no space between them ("<b>Putin</b><i>Erdoğan</i>")
//   are glued on screen too, and are not found.
//
// Tag names only: no layout is read, so a page that styles a <span> as a block
// has it filed with its parent block, which only paints it a little early.

/** Elements that flow inline: a text node inside one is filed under the block around it. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/**
 * Small containers of blocks (a list, a quote, a table), seen through when
 * grouping: a section of paragraphs, lists and quotes is one group, not a
 * group and a dozen blocks watched on their own.
 */
export const WRAPPER_TAGS = new Set([
  'ul', 'ol', 'dl', 'menu', 'blockquote', 'figure', 'details', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'picture',
]);

/** The blocks that may be read whole: those that usually hold running text and no other block. */
const LEAF_BLOCK_TAGS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'figcaption', 'td', 'th', 'caption']);

/** Inline elements a block read whole may hold: phrasing that no shadow root, line break or excluded content can hide in. */
const PHRASING_TAGS = ['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'strong', 'time', 'u', 'var'];

/**
 * Any element inside a block that makes it go the text-node way. One native
 * querySelector per block tells, with no wrapper made for what is inside it;
 * it is not folded into the walk's exclusion test as a `:has()`, which makes
 * every element's matches() far slower in Chromium.
 */
const NOT_WHOLE = `:not(${PHRASING_TAGS.join(',')}),[hidden],[contenteditable]`;

/**
 * The block a text node is filed under: the nearest non-inline element around
 * it; null for a text node with no parent element. `known`, a block met
 * before, ends the climb without a look at its tag name.
 */
export function blockOf(node: Text, known?: Element): Element | null {
  const el = node.parentElement;
  return el && blockAround(el, known);
}

/** The nearest non-inline element that is or holds `el` (the topmost inline one, at a root). */
export function blockAround(el: Element, known?: Element): Element {
  while (el !== known && INLINE_TAGS.has(el.localName)) {
    const parent: Element | null = el.parentElement;
    if (!parent) break;
    el = parent;
  }
  return el;
}

/** The element a block is grouped under: its parent, or the parent of the small containers around it. */
export function groupOf(block: Element): Element {
  let parent = block.parentElement;
  while (parent && WRAPPER_TAGS.has(parent.localName) && parent.parentElement) parent = parent.parentElement;
  return parent ?? block;
}

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
