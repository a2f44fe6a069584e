// The text walk for Firefox (see text-walk.ts): fewest DOM calls, because each
// one from a content script crosses an Xray wrapper (about 0.7 µs). The
// one-pass walk cost four calls per element (step, node type, matches(),
// shadowRoot) and three per text node; this costs two of each:
// - the text pass is a SHOW_TEXT walker. The excluded elements are found once,
//   natively, with querySelectorAll; the walker steps over one when it meets
//   the first text node inside it;
// - the host pass is a SHOW_ELEMENT walker that only reads shadowRoot.
// A page that changes while a long walk waits for its next slice may add or
// remove excluded elements: refresh() finds them again.
// In Chromium, where DOM calls are cheap, the second pass and the
// querySelectorAll cost more than they save (~15 ms on a 10,000-paragraph page).
import { EXCLUDED_SELECTOR } from './exclusions';
import { FOLLOWING, SHOW_ELEMENT, SHOW_TEXT } from './dom-constants';
import type { TextWalk } from './text-walk';

export class TwoPassWalk implements TextWalk {
  private readonly doc: Document;
  private readonly texts: TreeWalker;
  private hosts: TreeWalker | null = null;
  /** The outermost excluded elements under the root, in document order. */
  private excluded: Element[] = [];
  /** Those with text, and the first text node inside each: where the text pass steps over them. */
  private skipped: Element[] = [];
  private entries: Text[] = [];
  /** The next of `skipped` the text pass will meet; of `excluded`, the host pass. */
  private nextSkip = 0;
  private nextExcluded = 0;
  /** Set by refresh() when the walk found itself inside an excluded element. */
  private stepOver = false;
  /** This walk reads no block whole (text-walk.ts says why). */
  readonly whole = false;

  constructor(
    private readonly root: Node,
    private readonly ownHost: Element | null,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    this.texts = this.doc.createTreeWalker(root, SHOW_TEXT);
    this.findExcluded();
  }

  get current(): Node {
    return this.hosts ? this.hosts.currentNode : this.texts.currentNode;
  }

  next(): Text | undefined | null {
    if (!this.hosts) {
      const text = this.nextText();
      if (text) return text;
      this.hosts = this.doc.createTreeWalker(this.root, SHOW_ELEMENT);
    }
    return this.nextHost() ? undefined : null;
  }

  refresh(): void {
    this.findExcluded();
    const at = this.current;
    if (at === this.root) return;
    // The walk may now be inside an excluded element: it leaves it first.
    const around = this.excluded.find((el) => el.contains(at));
    if (around) {
      if (this.hosts) this.hosts.currentNode = around;
      else this.texts.currentNode = around;
      this.stepOver = true;
    }
    // The next excluded elements are the first ones after where the walk is.
    const from = around ?? at;
    // (An element around `from` precedes it: compareDocumentPosition says CONTAINS | PRECEDING.)
    const ahead = (el: Element) => (from.compareDocumentPosition(el) & FOLLOWING) !== 0;
    const firstAhead = (list: Element[]) => {
      const i = list.findIndex(ahead);
      return i < 0 ? list.length : i;
    };
    this.nextSkip = firstAhead(this.skipped);
    this.nextExcluded = firstAhead(this.excluded);
  }

  private nextText(): Text | null {
    let text: Text | null;
    if (this.stepOver) {
      this.stepOver = false;
      text = this.texts.nextSibling() as Text | null;
    } else {
      text = this.texts.nextNode() as Text | null;
    }
    // The first text inside an excluded element: step over the element.
    while (text !== null && text === this.entries[this.nextSkip]) {
      this.texts.currentNode = this.skipped[this.nextSkip++]!;
      text = this.texts.nextSibling() as Text | null;
    }
    return text;
  }

  /** Looks at the next element for an open shadow root; false at the end. */
  private nextHost(): boolean {
    const walker = this.hosts!;
    let el: Element | null;
    if (this.stepOver) {
      this.stepOver = false;
      el = nextOutside(walker) as Element | null;
    } else {
      el = walker.nextNode() as Element | null;
    }
    while (el !== null && el === this.excluded[this.nextExcluded]) {
      this.nextExcluded++;
      el = nextOutside(walker) as Element | null;
    }
    if (el === null) return false;
    const shadow = el.shadowRoot;
    if (shadow) this.onShadowRoot(shadow);
    return true;
  }

  private findExcluded(): void {
    const root = this.root as Node & Partial<ParentNode>;
    const excluded: Element[] = [];
    const found = root.querySelectorAll ? root.querySelectorAll(EXCLUDED_SELECTOR) : [];
    let last: Element | null = null;
    for (const el of found) {
      if (last?.contains(el)) continue;
      excluded.push(el);
      last = el;
    }
    // Our own UI's host (outside the body, as a rule).
    const host = this.ownHost;
    if (host && root !== host && root.contains(host) && !excluded.some((el) => el.contains(host))) {
      const i = excluded.findIndex((el) => host.compareDocumentPosition(el) & FOLLOWING);
      excluded.splice(i < 0 ? excluded.length : i, 0, host);
    }
    const probe = this.doc.createTreeWalker(this.root, SHOW_TEXT);
    const skipped: Element[] = [];
    const entries: Text[] = [];
    for (const el of excluded) {
      probe.currentNode = el;
      const first = probe.nextNode() as Text | null;
      if (first && el.contains(first)) {
        skipped.push(el);
        entries.push(first);
      }
    }
    this.excluded = excluded;
    this.skipped = skipped;
    this.entries = entries;
    this.nextSkip = 0;
    this.nextExcluded = 0;
  }
}

/** The node after the walker's current node and all it contains, within the walker's root. */
export function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
