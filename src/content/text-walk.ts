// The text a scan visits: every text node under a root except those inside
// excluded elements (src/content/exclusions.ts), in document order, with the
// open shadow roots met on the way handed out to be scanned in turn.
//
// The walk has no filter callback: calling into script for every node cost more
// than the walk itself (npm run bench, "Where our time goes"; several times
// more in Firefox, through its Xray wrappers). Excluded subtrees are stepped
// over by hand instead.
import { isExcludedElement } from './exclusions';
import { SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './dom-constants';

export function createTextWalker(root: Node): TreeWalker {
  return (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
}

/** The next text node of a walker made by createTextWalker, or null at the end. */
export function nextText(walker: TreeWalker, ownHost: Element | null, onShadowRoot: (root: ShadowRoot) => void): Text | null {
  let node = walker.nextNode();
  while (node && node.nodeType !== TEXT_NODE) {
    const el = node as Element;
    if (isExcludedElement(el, ownHost)) {
      node = nextOutside(walker);
      continue;
    }
    if (el.shadowRoot) onShadowRoot(el.shadowRoot);
    node = walker.nextNode();
  }
  return node as Text | null;
}

/** The node after the walker's current node and all it contains, within the walker's root. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
