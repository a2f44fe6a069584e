// The elements under a root that may hold a shadow root, found natively: for
// Firefox's walk (two-pass-walk.ts), where visiting every element through a
// TreeWalker to read its shadowRoot was 30-34 ms of a 10,000-paragraph page
// (bench/scan-times.ts: its scan 179 ms with that pass, 145 ms without).
//
// attachShadow() takes only the elements the DOM standard lists (a valid
// shadow host name) and custom elements, whose names hold a hyphen. A CSS
// selector of the listed tags finds the first, XPath the second: one native
// call each. The links, emphasis and list items of an article are not
// visited at all. On that page: 15-18 ms for the listed tags (most of it
// making a wrapper for each element found), 2-3 ms for the XPath. The XPath
// also serves late-hosts.ts, which looks through custom elements only.
import { DOCUMENT_FRAGMENT_NODE } from './dom-constants';

/** The standard elements attachShadow() accepts (DOM standard, "valid shadow host name"). */
const HOST_TAGS = 'article,aside,blockquote,body,div,footer,h1,h2,h3,h4,h5,h6,header,main,nav,p,section,span';

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
 * document order, one at a time: taking them all at once made a wrapper for
 * each in one go (~45 ms for a 50,000-paragraph page), past a slice's budget.
 */
export class PossibleHosts {
  private readonly listed: ArrayLike<Element>;
  /** The custom elements, in snapshots: XPath takes no shadow root as its context, so one per child of one. */
  private readonly custom: XPathResult[];
  private next = 0;
  private snapshot = 0;

  constructor(root: Node) {
    const parent = root as Node & Partial<ParentNode>;
    this.listed = parent.querySelectorAll ? parent.querySelectorAll(HOST_TAGS) : [];
    this.custom = customElementSnapshots(root, false);
  }

  /** The next element, or null at the end. */
  take(): Element | null {
    const listed = this.listed.length;
    if (this.next < listed) return this.listed[this.next++]!;
    for (;;) {
      const custom = this.custom[this.snapshot];
      if (!custom) return null;
      const i = this.next++ - listed;
      if (i < custom.snapshotLength) return custom.snapshotItem(i) as Element;
      this.snapshot++;
      this.next = listed;
    }
  }
}
