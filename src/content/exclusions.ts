// Which parts of a page are not text to flag: code, form fields, editors (a
// highlight under the caret would distract whoever is typing) and our own UI.

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
  'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'CODE',
]);

/** The elements whose subtree is never scanned; `ownHost` is our UI's host element. */
export function isExcludedElement(el: Element, ownHost: Element | null): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el === ownHost) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.hasAttribute('hidden')) return true;
  return false;
}

/** True when a node sits inside an excluded element (used for nodes that arrive on their own). */
export function isInsideExcluded(node: Node, ownHost: Element | null): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; ) {
    if (isExcludedElement(el, ownHost)) return true;
    const parent: Element | null = el.parentElement;
    if (parent) {
      el = parent;
    } else {
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return false;
}
