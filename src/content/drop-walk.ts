// The text a removal takes away: the text nodes under a node the page removed
// (or that became excluded), open shadow roots included, and the blocks read
// whole there (dom/blocks.ts), whose entries the index drops. A walk, so
// that the scanner can drop in slices: a page that removes a long article (a
// single-page app moving on) does it in a task of its own, and our
// MutationObserver callback, a microtask, would otherwise drop every text node
// of it inside that task (bench/investigate/removal-task.ts measures it).
import { DOCUMENT_FRAGMENT_NODE, ELEMENT_NODE, SHOW_ELEMENT, SHOW_TEXT, TEXT_NODE } from './dom/dom-constants';

export class DropWalk {
  /** Roots still to walk: the removed node, then the shadow roots met in it. */
  private readonly roots: Node[];
  private root: Node | null = null;
  private walker: TreeWalker | null = null;

  /**
   * `withHosts`: elements are visited too, for their shadow roots (removing a
   * host changes nothing inside its shadow root, so no record would tell us);
   * only on pages that have shadow roots.
   */
  constructor(
    node: Node,
    private readonly withHosts: boolean,
    /** Elements are handed out too: the index holds blocks read whole. */
    private readonly withBlocks: boolean,
  ) {
    this.roots = [node];
  }

  /** The next node to drop; `undefined` for a step that found none; null at the end. */
  next(): Text | Element | undefined | null {
    for (;;) {
      const walker = this.walker;
      if (!walker) {
        const root = this.roots.shift();
        if (!root) return null;
        if (root.nodeType === TEXT_NODE) return root as Text;
        if (root.nodeType !== ELEMENT_NODE && root.nodeType !== DOCUMENT_FRAGMENT_NODE) continue;
        this.root = root;
        const elements = this.withHosts || this.withBlocks;
        this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, elements ? SHOW_ELEMENT | SHOW_TEXT : SHOW_TEXT);
        this.hostOf(root);
        if (this.withBlocks && root.nodeType === ELEMENT_NODE) return root as Element;
        continue;
      }
      const node = walker.nextNode();
      if (!node) {
        this.walker = null;
        continue;
      }
      if (node.nodeType === TEXT_NODE) return node as Text;
      this.hostOf(node);
      return this.withBlocks ? (node as Element) : undefined;
    }
  }

  /**
   * After a wait: if the page moved the walk's place out of the removed
   * subtree, the walk would go on through wherever it is now (a TreeWalker
   * only stops at its root going up) and drop live text. It starts that root
   * again instead: dropping what is already dropped costs a lookup.
   */
  checkPlace(): void {
    const walker = this.walker;
    if (!walker || !this.root || this.root.contains(walker.currentNode)) return;
    walker.currentNode = this.root;
  }

  private hostOf(node: Node): void {
    const shadow = this.withHosts && node.nodeType === ELEMENT_NODE ? (node as Element).shadowRoot : null;
    if (shadow) this.roots.push(shadow);
  }
}
