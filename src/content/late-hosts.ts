// Custom elements that are not defined yet when the page is scanned
// (`<news-quote>` before its script has run) have no shadow root to read. Their
// definition may bring one (attachShadow in the constructor), and nothing tells
// a MutationObserver: attaching a shadow root, and filling it, is no change to
// the document's tree. So the undefined custom elements are noted where the
// scanner reads, and looked at again on the page's changes and on a timer that
// backs off, until each is defined (its open shadow root, if any, then goes to
// the scanner) or gone.
import { ELEMENT_NODE } from './dom-constants';

/** The first look again after a note, doubled each time up to MAX_DELAY_MS. */
const FIRST_DELAY_MS = 250;
/** After this long between looks, the timer stops; the page's changes still bring looks. */
const MAX_DELAY_MS = 16_000;

const DEFINED = ':defined';
const UNDEFINED = `:not(${DEFINED})`;

/** How long an idle callback may wait for the page to be idle. */
const IDLE_TIMEOUT_MS = 1_000;
/** The most a turn of noting takes, however many roots wait (an idle callback that timed out has no time left of its own). */
const BUDGET_MS = 8;

/** Runs `fn` when the page is idle, with the time it may take. */
function whenIdle(fn: (deadline: number) => void): void {
  const budget = (left: number) => performance.now() + Math.min(BUDGET_MS, Math.max(left, 1));
  if (typeof requestIdleCallback === 'function') requestIdleCallback((d) => fn(budget(d.timeRemaining())), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => fn(budget(BUDGET_MS)), FIRST_DELAY_MS);
}

export class LateHosts {
  private readonly waiting = new Set<Element>();
  /** Roots to note when the page is idle: what the page added, shadow roots scanned, the document after its first scan. */
  private readonly pending: Array<Document | ShadowRoot | Element> = [];
  private idle = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay = FIRST_DELAY_MS;

  constructor(
    /** A waiting element's open shadow root, once it is defined. */
    private readonly onShadowRoot: (shadow: ShadowRoot) => void,
  ) {}

  /** Notes the undefined custom elements in `root`, itself included (a document or shadow root holds them only). */
  note(root: Document | ShadowRoot | Element): void {
    const before = this.waiting.size;
    if (root.nodeType === ELEMENT_NODE && (root as Element).matches(UNDEFINED)) this.waiting.add(root as Element);
    for (const el of root.querySelectorAll(UNDEFINED)) this.waiting.add(el);
    // New ones start the looks again from the shortest delay (one never defined does not keep them going).
    if (this.waiting.size > before) {
      this.delay = FIRST_DELAY_MS;
      this.arm();
    }
  }

  /**
   * Notes `root` when the page is idle: a look through a subtree the page
   * added, a shadow root the scan entered or a whole document is no part of a
   * scan, and is seldom needed.
   */
  noteLater(root: Document | ShadowRoot | Element): void {
    this.pending.push(root);
    this.noteWhenIdle();
  }

  /** Notes pending roots in idle turns, each under a time budget: a page may add thousands at once. */
  private noteWhenIdle(): void {
    if (this.idle) return;
    this.idle = true;
    whenIdle((deadline) => {
      this.idle = false;
      let done = 0;
      while (done < this.pending.length && performance.now() < deadline) {
        const root = this.pending[done++]!;
        if (root.isConnected) this.note(root);
      }
      this.pending.splice(0, done);
      if (this.pending.length > 0) this.noteWhenIdle();
    });
  }

  /** Looks at the waiting elements: a defined one hands over its shadow root and is done, as is one no longer on the page. */
  check(): void {
    for (const el of this.waiting) {
      if (!el.isConnected) {
        this.waiting.delete(el);
        continue;
      }
      if (!el.matches(DEFINED)) continue;
      this.waiting.delete(el);
      const shadow = el.shadowRoot;
      if (shadow) this.onShadowRoot(shadow);
    }
  }

  /** Forgets every waiting element and stops the timer. */
  clear(): void {
    this.waiting.clear();
    this.pending.length = 0;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
      if (this.waiting.size === 0 || this.delay >= MAX_DELAY_MS) return;
      this.delay *= 2;
      this.arm();
    }, this.delay);
  }
}
