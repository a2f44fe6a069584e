// Node types and TreeWalker flags as plain numbers. In Firefox a content
// script sees the page's `Node` and `NodeFilter` through Xray wrappers, so each
// `Node.TEXT_NODE` is a property read across them, once per node of a walk.
// The values are fixed by the DOM standard.
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_FRAGMENT_NODE = 11;

export const SHOW_ELEMENT = 0x1;
export const SHOW_TEXT = 0x4;

/** Node.DOCUMENT_POSITION_FOLLOWING: compareDocumentPosition's "the other node comes after". */
export const FOLLOWING = 0x04;
