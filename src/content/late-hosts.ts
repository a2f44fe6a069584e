// Custom elements whose open shadow root the scan has not read. Nothing tells
// a MutationObserver when one comes: attaching a shadow root, and filling it,
// is no change to the document's tree. Two kinds:
// - undefined ones (`<news-quote>` before its script has run), whose
//   definition may attach a shadow root, maybe while the first scan is under
//   way, after the walk passed them;
// - defined ones without a shadow root, which may attach one later: on first
//   use, after a fetch, in an event handler.
// So the custom elements are looked through where the scanner reads (the
// document once it is scanned, what the page adds, the shadow roots entered):
// a shadow root the scanner has not seen goes to it, and an element without
// one waits. Waiting elements are looked at again after the page's changes
// (at most every CHECK_GAP_MS) and on a timer that backs off, until each has a
// shadow root or is gone.
import { ELEMENT_NODE } from './dom/dom-constants';
import { customElementSnapshots } from './shadow-hosts';

/** The first look again after a note, doubled each time up to MAX_DELAY_MS. */
const FIRST_DELAY_MS = 250;
/** After this long between looks, the timer stops; the page's changes still bring looks. */
const MAX_DELAY_MS = 16_000;
/**
 * The least time between two looks brought by the page's changes: a busy page
 * changes every frame, and some pages hold thousands of custom elements that
 * never attach a shadow root (elements kept light for styling, say).
 */
const CHECK_GAP_MS = 250;

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
  /** The shadow roots the scanner was given, by its walk or by us: each is handed over once. */
  private readonly seen = new WeakSet<ShadowRoot>();
  /** Roots to look through when the page is idle, from `pendingAt` on: what the page added, shadow roots scanned, the document after its first scan. */
  private readonly pending: Array<Document | ShadowRoot | Element> = [];
  private pendingAt = 0;
  /** The custom elements of the root being looked through, and how far the look went: a page may hold thousands. */
  private snapshots: XPathResult[] = [];
  private snapshot = 0;
  private item = 0;
  private idle = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay = FIRST_DELAY_MS;
  private lastCheck = -Infinity;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** A shadow root the scanner has not seen, found on a custom element. */
    private readonly onShadowRoot: (shadow: ShadowRoot) => void,
  ) {}

  /** The scanner met this shadow root itself: it is not handed over again. */
  scanned(shadow: ShadowRoot): void {
    this.seen.add(shadow);
  }

  /**
   * Looks through the custom elements in `root`, itself included, when the
   * page is idle: a look through a subtree the page added, a shadow root the
   * scan entered or a whole document is no part of a scan, and is seldom needed.
   */
  noteLater(root: Document | ShadowRoot | Element): void {
    this.pending.push(root);
    this.noteWhenIdle();
  }

  /** Looks through pending roots in idle turns, each under a time budget. */
  private noteWhenIdle(): void {
    if (this.idle) return;
    this.idle = true;
    whenIdle((deadline) => {
      this.idle = false;
      const before = this.waiting.size;
      const more = this.noteUntil(deadline);
      this.pending.splice(0, this.pendingAt);
      this.pendingAt = 0;
      // New ones start the looks again from the shortest delay (one that never attaches a root does not keep them going).
      if (this.waiting.size > before) {
        this.delay = FIRST_DELAY_MS;
        this.arm();
      }
      if (more) this.noteWhenIdle();
    });
  }

  /** Looks at the pending roots' custom elements until `deadline`; true if some are left. */
  private noteUntil(deadline: number): boolean {
    for (;;) {
      const snapshot = this.snapshots[this.snapshot];
      if (snapshot === undefined) {
        if (this.pendingAt >= this.pending.length) return false;
        if (performance.now() >= deadline) return true;
        const root = this.pending[this.pendingAt++]!;
        this.snapshots = root.isConnected ? customElementSnapshots(root, root.nodeType === ELEMENT_NODE) : [];
        this.snapshot = 0;
        this.item = 0;
      } else if (this.item >= snapshot.snapshotLength) {
        this.snapshot++;
        this.item = 0;
      } else {
        const el = snapshot.snapshotItem(this.item++) as Element;
        if (el.isConnected) this.look(el);
        if (this.item % 64 === 0 && performance.now() >= deadline) return true;
      }
    }
  }

  /** After a change to the page: looks at the waiting elements, now or CHECK_GAP_MS after the last look. */
  checkSoon(): void {
    if (this.checkTimer !== undefined || this.waiting.size === 0) return;
    const wait = this.lastCheck + CHECK_GAP_MS - performance.now();
    if (wait <= 0) return this.check();
    this.checkTimer = setTimeout(() => {
      this.checkTimer = undefined;
      this.check();
    }, wait);
  }

  /** Looks at the waiting elements: one with a shadow root hands it over and is done, as is one no longer on the page. */
  check(): void {
    this.lastCheck = performance.now();
    for (const el of this.waiting) {
      if (!el.isConnected) this.waiting.delete(el);
      else if (el.shadowRoot) this.look(el);
    }
  }

  /** Forgets every waiting element and stops the timers. */
  clear(): void {
    this.waiting.clear();
    this.pending.length = 0;
    this.pendingAt = 0;
    this.snapshots = [];
    clearTimeout(this.timer);
    clearTimeout(this.checkTimer);
    this.timer = undefined;
    this.checkTimer = undefined;
  }

  /** A custom element: its shadow root to the scanner if it is new, or the element to the waiting ones if it has none. */
  private look(el: Element): void {
    const shadow = el.shadowRoot;
    if (!shadow) {
      this.waiting.add(el);
      return;
    }
    this.waiting.delete(el);
    if (this.seen.has(shadow)) return;
    this.seen.add(shadow);
    this.onShadowRoot(shadow);
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
