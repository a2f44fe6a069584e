// The text a scan visits: every text node under a root except those inside
// excluded elements (dom/exclusions.ts), in document order, and the open
// shadow roots under it, handed out to be scanned in turn.
//
// Two ways to walk, one per kind of browser (dom/walk.ts, throughXrays):
// - where DOM calls are cheap (Chromium), one pass over elements and text,
//   which hands out the blocks read whole instead of their text nodes
//   (one-pass-walk.ts);
// - where each crosses an Xray wrapper (a Firefox content script), two passes
//   with fewer calls, text node by text node (two-pass-walk.ts).
import { OnePassWalk } from './one-pass-walk';
import { TwoPassWalk } from './two-pass-walk';
import { throughXrays, type TextWalk } from './dom/walk';

/**
 * The walk for this browser. `onSplitBlock`: told of each leaf block walked
 * text node by text node, where blocks are read whole (OnePassWalk).
 */
export function createTextWalk(
  root: Node,
  ownHost: Element | null,
  onShadowRoot: (root: ShadowRoot) => void,
  onSplitBlock?: (block: Element) => void,
): TextWalk {
  return throughXrays ? new TwoPassWalk(root, ownHost, onShadowRoot) : new OnePassWalk(root, ownHost, onShadowRoot, true, onSplitBlock);
}
