// The text a scan visits: every text node under a root except those inside
// excluded elements (src/content/exclusions.ts), in document order, and the
// open shadow roots under it, handed out to be scanned in turn.
//
// Two ways to walk, the same nodes: where DOM calls are cheap (Chromium), one
// pass over elements and text; where each crosses an Xray wrapper (a Firefox
// content script), two passes with fewer calls (two-pass-walk.ts). Neither has
// a filter callback: calling into script for every node cost more than the
// walk itself (npm run bench, "Where our time goes").
import { SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './dom-constants';
import { isExcludedElement } from './exclusions';
import { nextOutside, TwoPassWalk } from './two-pass-walk';

export interface TextWalk {
  /**
   * The next text node to scan; `undefined` for a step that found none (the
   * caller's turn to look at the clock); null at the end.
   */
  next(): Text | undefined | null;
  /** Where the walk is: for the caller to check that it is still in the document after a wait. */
  readonly current: Node;
  /** The page changed during a wait: look again at what is excluded. */
  refresh(): void;
}

/** Whether this script sees the page through Xray wrappers (a Firefox content script). */
const throughXrays = typeof window !== 'undefined' && 'wrappedJSObject' in window;

export function createTextWalk(root: Node, ownHost: Element | null, onShadowRoot: (root: ShadowRoot) => void): TextWalk {
  return throughXrays ? new TwoPassWalk(root, ownHost, onShadowRoot) : new OnePassWalk(root, ownHost, onShadowRoot);
}

/** Elements and text in one walk: per element, its exclusion and its shadow root are looked at as it is met. */
export class OnePassWalk implements TextWalk {
  private readonly walker: TreeWalker;

  constructor(
    root: Node,
    private readonly ownHost: Element | null,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  }

  get current(): Node {
    return this.walker.currentNode;
  }

  next(): Text | null {
    const walker = this.walker;
    let node = walker.nextNode();
    while (node && node.nodeType !== TEXT_NODE) {
      const el = node as Element;
      if (isExcludedElement(el, this.ownHost)) {
        node = nextOutside(walker);
        continue;
      }
      if (el.shadowRoot) this.onShadowRoot(el.shadowRoot);
      node = walker.nextNode();
    }
    return node as Text | null;
  }

  /** Exclusions are looked at as elements are met: nothing to refresh. */
  refresh(): void {}
}
