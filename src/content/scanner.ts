// Walks a page's text in slices under a time budget and feeds every text node,
// or block read whole (dom/blocks.ts), to the PageIndex. Roots (the body,
// added subtrees, shadow roots) queue up and are scanned in order; between
// slices the page gets its turn. What a change removed is dropped from the
// index in the same queue, so that a removal and a scan of the same nodes (a
// move) happen in the order the page made them.
import { DropWalk } from './drop-walk';
import { createTextWalk } from './text-walk';
import { readsBlocksWhole } from './dom/walk';
import { afterNextFrame, SLICE_BUDGET_MS, yieldSlice } from './yield';
import { ELEMENT_NODE, TEXT_NODE } from './dom/dom-constants';
import { isInsideExcluded } from './dom/exclusions';
import { leafBlockAround, readsWhole } from './dom/blocks';

/** How many nodes to visit between two looks at the clock. */
const CLOCK_STRIDE = 64;

/**
 * User Timing marks at the start and end of each scan, for the DevTools
 * performance panel and the benchmark (the page's timeline is shared with us).
 * Only the latest of each is kept, so a busy live page does not pile them up.
 */
export const SCAN_START_MARK = 'newscontext-scan-start';
export const SCAN_END_MARK = 'newscontext-scan-end';
/** A User Timing measure per slice of the latest scan: how its time splits between our work and the page's turns. */
export const SCAN_SLICE_MEASURE = 'newscontext-scan-slice';

function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** Measures the slice that began at `start`. */
function measureSlice(start: number): void {
  performance.measure(SCAN_SLICE_MEASURE, { start });
}

/** What the scanner feeds: the page index (page-index.ts), as the scanner sees it. */
export interface ScanTarget {
  /** Matches a text node (its text, if read already); `isNew`: it has no entry yet. */
  scanText(node: Text, data?: string, isNew?: boolean): void;
  /** Matches a block read whole; `isNew`: it has no entry yet. */
  scanBlock(el: Element, data: string, isNew?: boolean): void;
  /** Forgets a text node or a block read whole. */
  drop(node: Node): void;
  nodeCount(): number;
  /** Whether any block is read whole: a removal must then visit elements too. */
  holdsBlocks(): boolean;
}

export interface ScannerHooks {
  /** Our own UI's host, never scanned. */
  ownHost(): Element | null;
  /** An open shadow root found while walking: to be observed for changes. */
  onShadowRoot(root: ShadowRoot): void;
  /** Called when the queue runs dry. */
  onIdle(): void;
}

/**
 * A root to scan (`blockOnly`: only the leaf block it is in, if any: see rootOf),
 * or one whose text to drop (`withHosts`: look for shadow roots in it).
 */
type Job = { node: Node; drop: false; blockOnly: boolean } | { node: Node; drop: true; withHosts: boolean };

export class Scanner {
  private readonly queue: Job[] = [];
  /** When the current slice began. */
  private sliceStart = 0;
  private running = false;
  private stopped = false;
  /** The page changed since the walk last looked: its excluded elements may have too. */
  private changed = false;

  constructor(
    private readonly index: ScanTarget,
    private readonly hooks: ScannerHooks,
  ) {}

  /**
   * Schedules a node (and what it contains) for scanning: the page at start,
   * or what a change added. A scan begins after the page's next frame, so
   * that the page renders what it has first:
   * - a change: started at once, the scan would run inside the page's own
   *   task (a MutationObserver callback is a microtask), and its first look at
   *   where a block is would force the layout of all that was just inserted;
   *   after the frame, that layout is done, by the page, as it would be anyway;
   * - the page at start: at document_idle a large page often has a frame due,
   *   which our first slices would delay.
   */
  enqueue(node: Node): void {
    this.schedule({ node, drop: false, blockOnly: false });
  }

  /**
   * Schedules a node where the page removed something, or that became
   * excluded: if it is in a leaf block (dom/blocks.ts), that block's text
   * changed, and it is read again.
   */
  recheck(node: Node): void {
    // Where no block is read whole (Firefox), a change's own jobs are enough.
    if (readsBlocksWhole) this.schedule({ node, drop: false, blockOnly: true });
  }

  /**
   * Schedules the text under a node the page removed (or that became
   * excluded) to be dropped from the index, after the jobs queued before it.
   * Until then its names stay in the index, and in the highlights, where a
   * detached node's ranges draw nothing.
   */
  drop(node: Node, withHosts: boolean): void {
    this.schedule({ node, drop: true, withHosts });
  }

  private schedule(job: Job): void {
    if (this.stopped) return;
    this.queue.push(job);
    if (!this.running) void this.run();
  }

  /** Called on every change to the page (LiveUpdates), before the changed nodes are enqueued. */
  pageChanged(): void {
    this.changed = true;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      await afterNextFrame();
      if (this.stopped) return;
      mark(SCAN_START_MARK);
      performance.clearMeasures(SCAN_SLICE_MEASURE);
      this.sliceStart = performance.now();
      while (this.queue.length > 0 && !this.stopped) {
        const job = this.queue.shift() as Job;
        if (job.drop) {
          if (!(await this.dropAll(new DropWalk(job.node, job.withHosts, this.index.holdsBlocks())))) return;
          continue;
        }
        const root = this.rootOf(job);
        if (!root) continue;
        if (root.nodeType === TEXT_NODE) {
          this.index.scanText(root as Text);
          continue;
        }
        // An empty index (the page's first scan) has none of this walk's
        // nodes, and the walk meets each once: no lookup for an old entry
        // (one per text node; in Firefox, each hashes a node's wrapper).
        const indexEmpty = this.index.nodeCount() === 0;
        const onShadowRoot = (shadow: ShadowRoot) => {
          this.hooks.onShadowRoot(shadow);
          this.queue.push({ node: shadow, drop: false, blockOnly: false });
        };
        if (root.nodeType === ELEMENT_NODE) {
          // The walks look at what is under their root: a host the page added is a root itself.
          const shadow = (root as Element).shadowRoot;
          if (shadow) onShadowRoot(shadow);
          if (this.scanWhole(root as Element, shadow, indexEmpty)) continue;
        }
        const walk = createTextWalk(
          root,
          this.hooks.ownHost(),
          onShadowRoot,
          // Read whole before, text node by text node now: its old entry goes.
          indexEmpty ? undefined : (block) => this.index.drop(block),
        );
        this.changed = false;
        let visited = 0;
        for (let text = walk.next(); text !== null; text = walk.next()) {
          if (text) {
            if (walk.whole) {
              this.index.scanBlock(text as Element, text.textContent ?? '', indexEmpty);
            } else {
              // Read once: in Firefox each read of a page's string crosses an Xray wrapper and copies it.
              const data = (text as Text).data;
              if (data.length > 2) this.index.scanText(text as Text, data, indexEmpty);
            }
          }
          if (!this.sliceOver(++visited, walk.heavy)) continue;
          const resumeFrom = walk.current;
          if (!(await this.nextSlice())) return;
          // The root itself was removed while we waited: the rest of it is not
          // on the page, and its drop, queued after this, drops what we indexed.
          if (!root.isConnected) break;
          // A node removed while we waited would end the walk early: start the
          // root again (scanning is idempotent) rather than miss the rest of it.
          if (!resumeFrom.isConnected) {
            this.queue.unshift(job);
            break;
          }
          if (this.changed) {
            this.changed = false;
            walk.refresh();
          }
        }
      }
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    measureSlice(this.sliceStart);
    mark(SCAN_END_MARK);
    this.hooks.onIdle();
  }

  /**
   * What a job scans. Where blocks are read whole, a change inside a leaf block
   * (dom/blocks.ts) reads the whole block again, whether it was read whole
   * or text node by text node: the change may have joined or parted its
   * words (a line break added), or made it one kind or the other. Elsewhere,
   * the node itself (a `blockOnly` job: nothing). Null for nothing.
   */
  private rootOf(job: { node: Node; blockOnly: boolean }): Node | null {
    const node = job.node;
    const from = job.blockOnly ? (node as Element) : node.parentElement;
    const block = readsBlocksWhole && from ? leafBlockAround(from) : null;
    if (!block) return job.blockOnly || !node.isConnected ? null : node;
    if (!block.isConnected) return null;
    if (isInsideExcluded(block, this.hooks.ownHost())) {
      this.index.drop(block);
      return null;
    }
    return block;
  }

  /**
   * Scans an element that is a block read whole, as one; true if it was. An
   * element read whole before that is not now loses its entry, and its walk
   * follows. `shadow`: the element's shadow root, read by the caller; a host's
   * light text is walked node by node, as the walk does.
   */
  private scanWhole(el: Element, shadow: ShadowRoot | null, indexEmpty: boolean): boolean {
    if (readsBlocksWhole && !shadow && readsWhole(el)) {
      this.index.scanBlock(el, el.textContent ?? '', indexEmpty);
      return true;
    }
    if (!indexEmpty) this.index.drop(el);
    return false;
  }

  /** Drops the text of a walk; false if the scanner was stopped meanwhile. */
  private async dropAll(walk: DropWalk): Promise<boolean> {
    let visited = 0;
    for (let text = walk.next(); text !== null; text = walk.next()) {
      if (text) this.index.drop(text);
      if (!this.sliceOver(++visited)) continue;
      if (!(await this.nextSlice())) return false;
      walk.checkPlace();
    }
    return true;
  }

  /** Whether the slice has used its budget: the clock is read every CLOCK_STRIDE nodes, and after a step that did much (`heavy`). */
  private sliceOver(visited: number, heavy = false): boolean {
    return (heavy || visited % CLOCK_STRIDE === 0) && performance.now() - this.sliceStart >= SLICE_BUDGET_MS;
  }

  /** Gives the page its turn, and starts the next slice; false if the scanner was stopped meanwhile. */
  private async nextSlice(): Promise<boolean> {
    measureSlice(this.sliceStart);
    await yieldSlice();
    if (this.stopped) return false;
    this.sliceStart = performance.now();
    return true;
  }
}
