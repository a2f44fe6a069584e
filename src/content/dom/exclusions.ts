// Which parts of a page are not text to flag: code, form fields, editors (a
// highlight under the caret would distract whoever is typing) and our own UI.
import { ELEMENT_NODE } from './dom-constants';

const SKIPPED_TAGS = [
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option',
  'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'title', 'code',
];

/**
 * All of it as one selector: one matches() call per element instead of a tag
 * lookup and two attribute reads, which counts in Firefox, where each DOM call
 * from a content script crosses an Xray wrapper. `svg` and `math` match in any
 * namespace, as the type selector ignores the default one.
 */
const EXCLUDED_SELECTORS = [...SKIPPED_TAGS, '[hidden]', '[contenteditable]:not([contenteditable="false" i])'];
export const EXCLUDED_SELECTOR = EXCLUDED_SELECTORS.join(',');

/** How many selectors one query over a whole page holds, at most. */
const SELECTORS_PER_QUERY = 7;

/**
 * Selectors as a few shorter lists, for queries over a whole page that run as
 * steps of their own (two-pass-walk.ts, shadow-hosts.ts). Firefox matches a
 * selector list against every element one selector at a time, so a query's
 * cost grows with its selectors times the page's elements: on a long page one
 * query of all of them would run past a slice's budget (yield.ts).
 */
export function boundedQueries(selectors: readonly string[]): string[] {
  const queries: string[] = [];
  for (let i = 0; i < selectors.length; i += SELECTORS_PER_QUERY) queries.push(selectors.slice(i, i + SELECTORS_PER_QUERY).join(','));
  return queries;
}

/** EXCLUDED_SELECTOR as boundedQueries. */
export const EXCLUDED_QUERIES = boundedQueries(EXCLUDED_SELECTORS);

/** The attributes the selector reads: a change to one may move an element in or out (live-updates.ts). */
export const EXCLUSION_ATTRIBUTES = ['hidden', 'contenteditable'];

/** The elements whose subtree is never scanned; `ownHost` is our UI's host element. */
export function isExcludedElement(el: Element, ownHost: Element | null): boolean {
  return el === ownHost || el.matches(EXCLUDED_SELECTOR);
}

/** True when a node sits inside an excluded element (used for nodes that arrive on their own). */
export function isInsideExcluded(node: Node, ownHost: Element | null): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; ) {
    if (isExcludedElement(el, ownHost)) return true;
    const parent: Element | null = el.parentElement;
    if (parent) {
      el = parent;
    } else {
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return false;
}
