// The text a scan visits: every text node under a root except those inside
// excluded elements (src/content/exclusions.ts), in document order, and the
// open shadow roots under it, handed out to be scanned in turn.
//
// Two ways to walk: where DOM calls are cheap (Chromium), one pass over
// elements and text, which hands out the blocks read whole (whole-blocks.ts)
// instead of their text nodes; where each crosses an Xray wrapper (a Firefox
// content script), two passes with fewer calls (two-pass-walk.ts), text node
// by text node. Firefox reads no block whole: to know the blocks, its walk had
// to look at every element it met, or find the blocks natively (a
// querySelectorAll; with :has() for the whole ones, 72-95 ms by itself) and
// the first text node of each, and each of those is a call through an Xray.
// On a 10,000-paragraph page (bench/scan-times.ts, 12 loads each), one walk
// that knew the blocks and excluded elements by identity with native lists:
// 187.5 ms before, 192.5 ms with; the two-pass walk finding the next whole
// block as it went: 172 ms before, 204.5 ms with. Neither walk has a filter
// callback: calling into script for every node cost more than the walk itself
// (npm run bench, "Where our time goes").
import { SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './dom-constants';
import { isExcludedElement } from './exclusions';
import { nextOutside, TwoPassWalk } from './two-pass-walk';
import { holdsOnlyPhrasing, isLeafBlock } from './whole-blocks';

export interface TextWalk {
  /**
   * The next text node to scan, or block to scan whole (whole-blocks.ts);
   * `undefined` for a step that found none (the caller's turn to look at the
   * clock); null at the end.
   */
  next(): Text | Element | undefined | null;
  /** The node next() last handed out is a block to read whole (known without a DOM call, which costs in Firefox). */
  readonly whole: boolean;
  /** The last step ran a query over the whole root (two-pass-walk.ts): the caller looks at the clock now, not CLOCK_STRIDE steps on. */
  readonly heavy: boolean;
  /** Where the walk is: for the caller to check that it is still in the document after a wait. */
  readonly current: Node;
  /** The page changed during a wait: look again at what is excluded. */
  refresh(): void;
}

/** Whether this script sees the page through Xray wrappers (a Firefox content script). */
const throughXrays = typeof window !== 'undefined' && 'wrappedJSObject' in window;

/** Whether blocks are read whole here: by the walk, and by the scanner for a block it is given as such. */
export const readsBlocksWhole = !throughXrays;

/**
 * `onSplitBlock`: told of each leaf block the walk goes through text node by
 * text node (it holds more than phrasing), for a rescan to forget what was
 * read whole there before.
 */
export function createTextWalk(
  root: Node,
  ownHost: Element | null,
  onShadowRoot: (root: ShadowRoot) => void,
  onSplitBlock?: (block: Element) => void,
): TextWalk {
  return throughXrays ? new TwoPassWalk(root, ownHost, onShadowRoot) : new OnePassWalk(root, ownHost, onShadowRoot, true, onSplitBlock);
}

/** Elements and text in one walk: per element, its exclusion and its shadow root are looked at as it is met. */
export class OnePassWalk implements TextWalk {
  private readonly walker: TreeWalker;
  /** The last node handed out was a block read whole: the walk goes on after it. */
  private stepOver = false;
  whole = false;
  readonly heavy = false;

  constructor(
    root: Node,
    private readonly ownHost: Element | null,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    /** Hand out the blocks that are read whole (whole-blocks.ts), not their text nodes. */
    private readonly wholeBlocks = false,
    private readonly onSplitBlock?: (block: Element) => void,
  ) {
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  }

  get current(): Node {
    return this.walker.currentNode;
  }

  next(): Text | Element | null {
    const walker = this.walker;
    let node = this.stepOver ? nextOutside(walker) : walker.nextNode();
    this.stepOver = false;
    this.whole = false;
    while (node && node.nodeType !== TEXT_NODE) {
      const el = node as Element;
      if (isExcludedElement(el, this.ownHost)) {
        node = nextOutside(walker);
        continue;
      }
      const shadow = el.shadowRoot;
      if (shadow) this.onShadowRoot(shadow);
      if (this.wholeBlocks && isLeafBlock(el)) {
        // A host's light text is walked node by node, as it always was.
        if (!shadow && holdsOnlyPhrasing(el)) {
          this.stepOver = true;
          this.whole = true;
          return el;
        }
        this.onSplitBlock?.(el);
      }
      node = walker.nextNode();
    }
    return node as Text | null;
  }

  /** Exclusions are looked at as elements are met: nothing to refresh. */
  refresh(): void {}
}
