// The text walk where DOM calls are cheap (Chromium): one TreeWalker over
// elements and text. Each element's exclusion and shadow root are looked at as
// it is met, and a leaf block that holds only phrasing is handed out whole
// (dom/blocks.ts) instead of its text nodes. No filter callback: calling into
// script for every node costs more than the walk itself.
import { SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './dom/dom-constants';
import { isExcludedElement } from './dom/exclusions';
import { holdsOnlyPhrasing, isLeafBlock } from './dom/blocks';
import { nextOutside, type TextWalk } from './dom/walk';

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
    /** Hand out the blocks that are read whole (dom/blocks.ts), not their text nodes. */
    private readonly wholeBlocks = false,
    /**
     * Told of each leaf block the walk goes through text node by text node (it
     * holds more than phrasing), for a rescan to forget what was read whole
     * there before.
     */
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
        // A host's light text is walked node by node: its shadow text renders instead.
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
