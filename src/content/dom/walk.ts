// What every text walk shares: its interface, the browser's kind of walk, and
// stepping past a subtree. The walks themselves are one-pass-walk.ts (where DOM
// calls are cheap) and two-pass-walk.ts (where each crosses an Xray wrapper);
// text-walk.ts picks one.

export interface TextWalk {
  /**
   * The next text node to scan, or block to scan whole (blocks.ts);
   * `undefined` for a step that found none (the caller's turn to look at the
   * clock); null at the end.
   */
  next(): Text | Element | undefined | null;
  /** The node next() last handed out is a block to read whole (known without a DOM call, which costs in Firefox). */
  readonly whole: boolean;
  /** The last step ran a query over the whole root (two-pass-walk.ts): the caller looks at the clock now, not at its usual stride. */
  readonly heavy: boolean;
  /** Where the walk is: for the caller to check that it is still in the document after a wait. */
  readonly current: Node;
  /** The page changed during a wait: look again at what is excluded. */
  refresh(): void;
}

/** Whether this script sees the page through Xray wrappers (a Firefox content script), where every DOM call costs. */
export const throughXrays = typeof window !== 'undefined' && 'wrappedJSObject' in window;

/**
 * Whether blocks are read whole here, by the walk and by the scanner for a
 * block it is given as such. Not through Xrays: knowing the blocks takes a
 * look at every element, or native queries and a call per block found, each
 * a crossing that costs more than reading whole saves.
 */
export const readsBlocksWhole = !throughXrays;

/** The node after the walker's current node and all it contains, within the walker's root. */
export function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
