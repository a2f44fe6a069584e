// The elements under a root that may hold a shadow root, found natively: for
// Firefox's walk (two-pass-walk.ts), where visiting every element through a
// TreeWalker to read its shadowRoot would cost a wrapper and two calls per
// element of the page.
//
// attachShadow() takes only the elements the DOM standard lists (a valid
// shadow host name) and custom elements, whose names hold a hyphen. CSS
// selectors of the listed tags find the first, XPath the second: a few native
// calls. The links, emphasis and list items of an article are not visited at
// all; most of the cost left is a wrapper for each element found. The XPath
// also serves late-hosts.ts, which looks through custom elements only.
import { DOCUMENT_FRAGMENT_NODE } from './dom/dom-constants';
import { boundedQueries } from './dom/exclusions';

/**
 * The standard elements attachShadow() accepts (DOM standard, "valid shadow
 * host name"), as a few selector lists, each one query (exclusions.ts,
 * boundedQueries, says why not one).
 */
const HOST_QUERIES = boundedQueries(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** Custom elements: every valid custom element name holds a hyphen. */
const CUSTOM_ELEMENTS = "descendant::*[contains(local-name(), '-')]";
const CUSTOM_ELEMENTS_OR_SELF = "descendant-or-self::*[contains(local-name(), '-')]";

/** XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, as a number (see dom-constants.ts for why). */
const ORDERED_SNAPSHOT = 7;

/**
 * The custom elements in `root`, found natively, as XPath snapshots: XPath
 * takes no shadow root as its context, so one per child of one. `self`: `root`
 * too, when it is one.
 */
export function customElementSnapshots(root: Node, self: boolean): XPathResult[] {
  const parent = root as Node & Partial<ParentNode>;
  if (!parent.children) return [];
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType !== DOCUMENT_FRAGMENT_NODE) return [doc.evaluate(self ? CUSTOM_ELEMENTS_OR_SELF : CUSTOM_ELEMENTS, root, null, ORDERED_SNAPSHOT, null)];
  return Array.from(parent.children, (child) => doc.evaluate(CUSTOM_ELEMENTS_OR_SELF, child, null, ORDERED_SNAPSHOT, null));
}

/**
 * The elements under `root` (not itself) that may hold a shadow root, not in
 * document order, one at a time: taking them all at once would make a wrapper
 * for each in one go, past a slice's budget on a long page.
 * The queries run one per take(), when the elements of the one before are
 * all taken: each is a step of its own.
 */
export class PossibleHosts {
  /** The elements of the last CSS query, and how many (read once: in Firefox each read crosses an Xray wrapper). */
  private listed: ArrayLike<Element> = [];
  private count = 0;
  private next = 0;
  /** The custom elements, in snapshots: XPath takes no shadow root as its context, so one per child of one. */
  private custom: XPathResult[] = [];
  private snapshot = 0;
  private item = 0;
  /** The next of HOST_QUERIES to run; one past them, the custom elements' query. */
  private query = 0;

  constructor(private readonly root: Node) {}

  /**
   * The next element; undefined for a step that ran a query (the caller's turn
   * to look at the clock); null at the end.
   */
  take(): Element | undefined | null {
    if (this.next < this.count) return this.listed[this.next++]!;
    while (this.snapshot < this.custom.length) {
      const custom = this.custom[this.snapshot]!;
      if (this.item < custom.snapshotLength) return custom.snapshotItem(this.item++) as Element;
      this.snapshot++;
      this.item = 0;
    }
    if (this.query > HOST_QUERIES.length) return null;
    const parent = this.root as Node & Partial<ParentNode>;
    if (this.query < HOST_QUERIES.length) {
      this.listed = parent.querySelectorAll ? parent.querySelectorAll(HOST_QUERIES[this.query]!) : [];
      this.count = this.listed.length;
      this.next = 0;
    } else {
      this.count = 0;
      this.custom = customElementSnapshots(this.root, false);
    }
    this.query++;
    return undefined;
  }
}
