// The text walk for Firefox (text-walk.ts says why it differs): fewest DOM
// calls, because each one from a content script crosses an Xray wrapper. Two
// calls per text node, and two per element that may hold a shadow root (none
// for the links and emphasis of a paragraph):
// - the text pass is a SHOW_TEXT walker. The excluded elements are found
//   first, natively, with a few querySelectorAll, one per step
//   (dom/exclusions.ts, boundedQueries); the walker steps over one when it
//   meets the first text node inside it;
// - the host pass reads the shadowRoot of the elements that may have one,
//   found natively (shadow-hosts.ts), and keeps those inside excluded elements
//   out when it finds one.
// A page that changes while a long walk waits for its next slice may add or
// remove excluded elements: refresh() finds them again.
// Where DOM calls are cheap, the second pass and the queries cost more than
// they save: Chromium uses one-pass-walk.ts.
import { EXCLUDED_QUERIES, isInsideExcluded } from './dom/exclusions';
import { FOLLOWING, SHOW_TEXT } from './dom/dom-constants';
import { PossibleHosts } from './shadow-hosts';
import type { TextWalk } from './dom/walk';

/**
 * The excluded elements being found: what each query found so far, and
 * whether the walk is under way (a refresh()) and must then look at where it is.
 */
interface Finding {
  found: Element[][];
  resumed: boolean;
}

export class TwoPassWalk implements TextWalk {
  private readonly doc: Document;
  private readonly texts: TreeWalker;
  /** The host pass: the elements that may hold a shadow root. */
  private hosts: PossibleHosts | null = null;
  /** The outermost excluded elements under the root, in document order. */
  private excluded: Element[] = [];
  /** Those with text, and the first text node inside each: where the text pass steps over them. */
  private skipped: Element[] = [];
  private entries: Text[] = [];
  /** The next of `skipped` the text pass will meet. */
  private nextSkip = 0;
  /** Set by refresh() when the walk found itself inside an excluded element. */
  private stepOver = false;
  /** Set while the excluded elements are being found, a query per step: first, and after a change. */
  private finding: Finding | null = { found: [], resumed: false };
  /** This walk reads no block whole (dom/walk.ts, readsBlocksWhole, says why). */
  readonly whole = false;
  heavy = false;

  constructor(
    private readonly root: Node,
    private readonly ownHost: Element | null,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    this.texts = this.doc.createTreeWalker(root, SHOW_TEXT);
  }

  get current(): Node {
    // The host pass goes on through its list whatever the page removes meanwhile.
    return this.hosts ? this.root : this.texts.currentNode;
  }

  next(): Text | undefined | null {
    this.heavy = false;
    if (this.finding) {
      this.findExcluded(this.finding);
      this.heavy = true;
      return undefined;
    }
    if (!this.hosts) {
      const text = this.nextText();
      if (text) return text;
      this.hosts = new PossibleHosts(this.root);
    }
    return this.nextHost() ? undefined : null;
  }

  refresh(): void {
    // The host pass looks at exclusion for each host it finds.
    if (this.hosts) return;
    this.finding = { found: [], resumed: true };
  }

  /** Once the excluded elements are found again after a change: where the walk is now, and the next one it will meet. */
  private resume(): void {
    const at = this.current;
    if (at === this.root) return;
    // The walk may now be inside an excluded element: it leaves it first.
    const around = this.excluded.find((el) => el.contains(at));
    if (around) {
      this.texts.currentNode = around;
      this.stepOver = true;
    }
    // The next excluded element is the first one after where the walk is.
    const from = around ?? at;
    // (An element around `from` precedes it: compareDocumentPosition says CONTAINS | PRECEDING.)
    const i = this.skipped.findIndex((el) => (from.compareDocumentPosition(el) & FOLLOWING) !== 0);
    this.nextSkip = i < 0 ? this.skipped.length : i;
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

  /**
   * Looks at the next element that may hold a shadow root; false at the end.
   * Hosts are few: whether one is excluded, or was removed while the walk
   * waited, is looked at only for those.
   */
  private nextHost(): boolean {
    const el = this.hosts!.take();
    if (el === null) return false;
    if (el === undefined) {
      this.heavy = true;
      return true;
    }
    const shadow = el.shadowRoot;
    if (shadow && el.isConnected && !isInsideExcluded(el, this.ownHost)) this.onShadowRoot(shadow);
    return true;
  }

  /** Runs the next query for excluded elements; after the last, takes what they found in. */
  private findExcluded(finding: Finding): void {
    const root = this.root as Node & Partial<ParentNode>;
    finding.found.push(root.querySelectorAll ? Array.from(root.querySelectorAll(EXCLUDED_QUERIES[finding.found.length]!)) : []);
    if (finding.found.length < EXCLUDED_QUERIES.length) return;
    this.finding = null;
    this.takeExcluded(finding.found);
    if (finding.resumed) this.resume();
  }

  /** The outermost of the excluded elements the queries found (each in document order), and where the text pass meets each. */
  private takeExcluded(lists: Element[][]): void {
    let found = lists.flat();
    // Found by more than one query: in document order, each once.
    if (lists.filter((list) => list.length > 0).length > 1) {
      found = [...new Set(found)].sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
    }
    const excluded: Element[] = [];
    let last: Element | null = null;
    for (const el of found) {
      if (last?.contains(el)) continue;
      excluded.push(el);
      last = el;
    }
    // Our own UI's host (outside the body, as a rule).
    const root = this.root;
    const host = this.ownHost;
    if (host && root !== host && root.contains(host) && !excluded.some((el) => el.contains(host))) {
      const i = excluded.findIndex((el) => host.compareDocumentPosition(el) & FOLLOWING);
      excluded.splice(i < 0 ? excluded.length : i, 0, host);
    }
    const probe = this.doc.createTreeWalker(root, SHOW_TEXT);
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
  }
}
