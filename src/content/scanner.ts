// Walks a page's text in slices under a time budget and feeds every text node
// to the PageIndex. Roots (the body, added subtrees, shadow roots) queue up and
// are scanned in order; between slices the page gets its turn.
import { isExcludedElement } from './exclusions';
import type { PageIndex } from './page-index';
import { SLICE_BUDGET_MS, yieldToPage } from './yield';

/** How many nodes to visit between two looks at the clock. */
const CLOCK_STRIDE = 64;

export interface ScannerHooks {
  /** Our own UI's host, never scanned. */
  ownHost(): Element | null;
  /** An open shadow root found while walking: to be observed for changes. */
  onShadowRoot(root: ShadowRoot): void;
  /** Called when the queue runs dry. */
  onIdle(): void;
}

export class Scanner {
  private readonly queue: Node[] = [];
  private running = false;
  private stopped = false;
  /** Longest slice so far, in ms (read by tests and the benchmark). */
  longestSlice = 0;

  constructor(
    private readonly index: PageIndex,
    private readonly hooks: ScannerHooks,
  ) {}

  /** Schedules a node (and what it contains) for scanning. */
  enqueue(node: Node): void {
    if (this.stopped) return;
    this.queue.push(node);
    if (!this.running) void this.run();
  }

  get busy(): boolean {
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      let sliceStart = performance.now();
      while (this.queue.length > 0 && !this.stopped) {
        const root = this.queue.shift() as Node;
        if (root.nodeType === Node.TEXT_NODE) {
          if (root.isConnected) this.index.scanText(root as Text);
          continue;
        }
        const walker = this.walkerFor(root);
        let visited = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node as Text;
          if (text.data.length > 2) this.index.scanText(text);
          if (++visited % CLOCK_STRIDE !== 0) continue;
          const elapsed = performance.now() - sliceStart;
          if (elapsed < SLICE_BUDGET_MS) continue;
          this.longestSlice = Math.max(this.longestSlice, elapsed);
          const resumeFrom = walker.currentNode;
          await yieldToPage();
          if (this.stopped) return;
          sliceStart = performance.now();
          // A node removed while we waited would end the walk early: start the
          // root again (scanning is idempotent) rather than miss the rest of it.
          if (!resumeFrom.isConnected && root.isConnected) {
            this.queue.unshift(root);
            break;
          }
        }
      }
      this.longestSlice = Math.max(this.longestSlice, performance.now() - sliceStart);
    } finally {
      this.running = false;
    }
    if (!this.stopped) this.hooks.onIdle();
  }

  private walkerFor(root: Node): TreeWalker {
    const ownHost = this.hooks.ownHost();
    const doc = root.ownerDocument ?? (root as Document);
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (isExcludedElement(el, ownHost)) return NodeFilter.FILTER_REJECT;
        if (el.shadowRoot) {
          this.hooks.onShadowRoot(el.shadowRoot);
          this.queue.push(el.shadowRoot);
        }
        return NodeFilter.FILTER_SKIP;
      },
    });
  }
}
