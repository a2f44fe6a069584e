// Runs in the page's main world, in a browser WITHOUT the extension: the
// references (the floor, mark.js, advanced-mark.js), the expected count of
// mentions, and a breakdown of our own pipeline (walk, match, ranges) run
// synchronously. Bundled into one IIFE by bench/bundle.ts; window.__ncProbe.
import AdvancedMark from 'advanced-mark.js';
import MarkJs from 'mark.js';
import { BlockText, spanRange } from '../../src/content/dom/block-text';
import { isExcludedElement } from '../../src/content/dom/exclusions';
import { OnePassWalk } from '../../src/content/one-pass-walk';
import type { TextWalk } from '../../src/content/dom/walk';
import { TwoPassWalk } from '../../src/content/two-pass-walk';
import { blockOf } from '../../src/content/dom/blocks';
import { createMatcher, type Matcher } from '../../src/core/matcher';
import type { CompiledGazetteer, EntityType, Mention } from '../../src/core/types';

let matcher: Matcher | undefined;
const types = new Map<string, EntityType>();

export function setup(gazetteer: CompiledGazetteer): void {
  matcher = createMatcher(gazetteer);
  for (const e of gazetteer.entities) types.set(e.id, e.type);
}

function need(): Matcher {
  if (!matcher) throw new Error('probe: setup() first');
  return matcher;
}

/**
 * The texts the content script's scanner reads, in its order (its own walk:
 * same exclusions, same blocks read whole, same length filter): each text
 * node's, or a block's read whole.
 */
function scannerWalk(root: Node, visit: (holder: Text | Element, data: string) => void): void {
  const walk = scannersWalk(root);
  for (let t = walk.next(); t !== null; t = walk.next()) {
    if (!t) continue;
    const data = walk.whole ? (t.textContent ?? '') : (t as Text).data;
    if (data.length > 2) visit(t, data);
  }
}

/**
 * The walk of this browser's content script (text-walk.ts), in whichever
 * world the probe runs: Firefox's content script walks text node by text node
 * (its Xray wrappers), which the page's own world would not tell.
 */
function scannersWalk(root: Node): TextWalk {
  const noShadow = () => {};
  return /\bFirefox\//.test(navigator.userAgent) ? new TwoPassWalk(root, null, noShadow) : new OnePassWalk(root, null, noShadow, true);
}

/** The ranges of what a text names: those of the content script's painter. */
function rangesOf(holder: Text | Element, mentions: readonly Mention[]): Array<[Mention, StaticRange]> {
  const out: Array<[Mention, StaticRange]> = [];
  const block = holder.nodeType === Node.TEXT_NODE ? null : BlockText.of(holder as Element);
  for (const m of mentions) {
    const at = block ? block.rangeOf(m) : spanRange(holder, m);
    if (at) out.push([m, new StaticRange(at)]);
  }
  return out;
}

/** The walk the scanner had before: a filter callback per node. */
function callbackWalk(root: Node, visit: (t: Text) => void): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : isExcludedElement(node as Element, null)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length > 2) visit(n as Text);
}

export interface PageCensus {
  mentions: number;
  textNodes: number;
  chars: number;
  elements: number;
}

/** What the content script should find under `selector` (default: the body). */
export function census(selector?: string): PageCensus {
  const root = selector ? document.querySelector(selector) : document.body;
  if (!root) throw new Error(`probe: no ${selector}`);
  return censusOf(root);
}

function censusOf(root: Element): PageCensus {
  const m = need();
  const out: PageCensus = { mentions: 0, textNodes: 0, chars: 0, elements: root.getElementsByTagName('*').length };
  scannerWalk(root, (t, data) => {
    out.textNodes += t.nodeType === Node.TEXT_NODE ? 1 : BlockText.of(t as Element).nodes.length;
    out.chars += data.length;
    out.mentions += m.find(data).length;
  });
  return out;
}

/**
 * Mentions the content script should paint at a scroll position: those in text
 * nodes whose block (the painter's blockOf: the nearest non-inline element) has
 * a box within a viewport's height above or below the screen
 * (src/content/viewport-painter.ts: an IntersectionObserver with rootMargin
 * '100% 0px 100% 0px'). Scrolls there first.
 */
export async function censusNear(where: 'top' | 'bottom'): Promise<number> {
  const m = need();
  window.scrollTo(0, where === 'top' ? 0 : document.documentElement.scrollHeight);
  await frame();
  const h = window.innerHeight;
  const w = window.innerWidth;
  const near = new Map<Element, boolean>();
  let mentions = 0;
  scannerWalk(document.body, (t, data) => {
    const el = t.nodeType === Node.TEXT_NODE ? blockOf(t as Text) : (t as Element);
    if (!el) return;
    let yes = near.get(el);
    if (yes === undefined) {
      const r = el.getBoundingClientRect();
      yes = el.getClientRects().length > 0 && r.bottom >= -h && r.top <= 2 * h && r.right >= 0 && r.left <= w;
      near.set(el, yes);
    }
    if (yes) mentions += m.find(data).length;
  });
  window.scrollTo(0, 0);
  await frame();
  return mentions;
}

/** What the content script should find in `html` once it is added to the page (the live-update batch). */
export function censusHtml(html: string): PageCensus {
  const root = document.createElement('section');
  root.innerHTML = html;
  return censusOf(root);
}

export interface Timed {
  ms: number;
  count: number;
  /** Set when the run was stopped at the time cap: the share of the work done, and the time projected for all of it. */
  done?: number;
  projectedMs?: number;
}

/** The floor: a bare TreeWalker over the body's text with one precompiled regex, counting matches. */
export function floor(source: string, flags: string): Timed {
  const re = new RegExp(source, flags);
  // V8 compiles a regex on first use and tiers it up after a few: do that before the clock starts.
  const sample = 'Vladimir Putin met Recep Tayyip Erdoğan and Ильхам Алиев in Baku. '.repeat(4);
  for (let i = 0; i < 20; i++) {
    re.lastIndex = 0;
    while (re.test(sample));
  }
  let count = 0;
  const t = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    re.lastIndex = 0;
    while (re.test(data)) count++;
  }
  return { ms: performance.now() - t, count };
}

const LIMITERS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¡¿«»“”‘’„—–…'];

class Stop extends Error {}

/**
 * mark.js 8 with the same names, whole words ("exactly"), diacritics and case
 * folded. Mutates the DOM. mark.js makes one pass over the page per name; when
 * `capMs` runs out it is stopped (by throwing from its filter callback) and the
 * full time is projected from the share of names done.
 */
export function markJs(aliases: string[], capMs: number): Timed {
  // mark.js sorts the names longest first (a stable sort): the order of its passes.
  const order = new Map([...aliases].sort((a, b) => b.length - a.length).map((a, i) => [a, i]));
  let count = -1;
  let at = 0;
  const t = performance.now();
  const check = (term: string) => {
    at = Math.max(at, order.get(term) ?? 0);
    if (performance.now() - t > capMs) throw new Stop();
  };
  try {
    new MarkJs(document.body).mark(aliases, {
      accuracy: { value: 'exactly', limiters: LIMITERS },
      separateWordSearch: false,
      diacritics: true,
      caseSensitive: false,
      filter: (_node: Text, term: string) => (check(term), true),
      noMatch: (term: string) => check(term),
      done: (n: number) => (count = n),
    });
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const ms = performance.now() - t;
    const done = Math.max(at, 1) / order.size;
    return { ms, count, done, projectedMs: ms / done };
  }
  return { ms: performance.now() - t, count };
}

/**
 * advanced-mark.js with the same options, plus its documented speed-ups: all
 * names in one pattern (combinePatterns: Infinity, one pass) and cached text
 * nodes. Stopped at `capMs` through its own abort flag, the full time then
 * projected from the share of text nodes done.
 */
export function advancedMark(aliases: string[], capMs: number): Timed {
  const index = new Map<Node, number>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) index.set(n, index.size);
  let count = -1;
  let at = 0;
  let stopped = false;
  const t = performance.now();
  new AdvancedMark(document.body).mark(aliases, {
    accuracy: { value: 'exactly', limiters: LIMITERS },
    separateWordSearch: false,
    diacritics: true,
    caseSensitive: false,
    combinePatterns: Infinity as unknown as boolean,
    cacheTextNodes: true,
    filter: (node, _term, _n, _m, info) => {
      at = Math.max(at, index.get(node) ?? 0);
      if (performance.now() - t > capMs) {
        info.execution.abort = true;
        stopped = true;
        return false;
      }
      return true;
    },
    done: (n: number) => (count = n),
  });
  const ms = performance.now() - t;
  if (!stopped) return { ms, count };
  const done = Math.max(at, 1) / index.size;
  return { ms, count, done, projectedMs: ms / done };
}

export interface Breakdown {
  /** The scanner's TreeWalker (with its exclusion filter) alone. */
  walk: number;
  /**
   * An alternative walk to the same text nodes: SHOW_TEXT with no filter
   * callback, exclusions checked with one closest() per distinct parent.
   */
  walkCallback: number;
  /** The bare walk: SHOW_TEXT, no exclusions at all (the floor's walk). */
  walkBare: number;
  /** Plus matcher.find on every text node. */
  walkMatch: number;
  /** Plus a StaticRange per mention, added to three registered Highlights. */
  walkMatchHighlight: number;
  /** The frame after registering the highlights (style, layout, paint of the ranges). */
  firstFrame: number;
  /** The frame after a one-node DOM change elsewhere on the page, with all the ranges registered... */
  mutationFrameWith: number;
  /** ...and with none. */
  mutationFrameWithout: number;
  /** Matcher alone, on the text collected beforehand. */
  matchOnly: number;
  /** StaticRange construction and Highlight.add alone, on mentions found beforehand. */
  highlightOnly: number;
  mentions: number;
}

const frame = () => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())));

/** Our pipeline's parts, each timed in one synchronous pass (no yielding): where the time goes. */
export async function breakdown(): Promise<Breakdown> {
  const m = need();
  const body = document.body;
  let sink = 0;
  scannerWalk(body, (_, data) => (sink += data.length)); // warm the walker and the DOM

  // Each part runs twice and keeps the faster run: the first may still be compiling.
  const best = (fn: () => void): number => {
    let min = Infinity;
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      fn();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  const walk = best(() => scannerWalk(body, (_, data) => (sink += data.length)));
  const walkCallback = best(() => callbackWalk(body, (n) => (sink += n.data.length)));
  const walkBare = best(() => {
    const w = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) sink += (n as Text).data.length;
  });
  const walkMatch = best(() => scannerWalk(body, (_, data) => (sink += m.find(data).length)));

  const holders: Array<Text | Element> = [];
  const texts: string[] = [];
  scannerWalk(body, (n, data) => {
    holders.push(n);
    texts.push(data);
  });
  let found: Mention[][] = [];
  const matchOnly = best(() => (found = texts.map((data) => m.find(data))));

  const fresh = (): Map<EntityType, Highlight> => new Map((['person', 'place', 'organisation'] as const).map((k) => [k, new Highlight()]));
  const highlightOnly = best(() => {
    const hl = fresh();
    holders.forEach((holder, i) => {
      for (const [mention, range] of rangesOf(holder, found[i]!)) hl.get(types.get(mention.entityId) ?? 'place')!.add(range);
    });
  });

  let hl = fresh();
  let mentions = 0;
  const walkMatchHighlight = best(() => {
    hl = fresh();
    mentions = 0;
    scannerWalk(body, (holder, data) => {
      for (const [mention, range] of rangesOf(holder, m.find(data))) {
        hl.get(types.get(mention.entityId) ?? 'place')!.add(range);
        mentions++;
      }
    });
  });

  await frame();
  const before = performance.now();
  for (const [k, h] of hl) CSS.highlights.set('bench-' + k, h);
  const firstFrame = (await frame()) - before;

  // A page that changes one node (a clock, a counter) while our ranges are registered.
  const ticker = document.body.appendChild(document.createElement('span'));
  const tick = async (): Promise<number> => {
    await frame();
    const t0 = performance.now();
    ticker.textContent = String(t0);
    return (await frame()) - t0;
  };
  await tick();
  const mutationFrameWith = Math.min(await tick(), await tick());
  for (const k of hl.keys()) CSS.highlights.delete('bench-' + k);
  await tick();
  const mutationFrameWithout = Math.min(await tick(), await tick());
  ticker.remove();
  if (sink < 0) console.log(sink);
  return { walk, walkCallback, walkBare, walkMatch, walkMatchHighlight, firstFrame, mutationFrameWith, mutationFrameWithout, matchOnly, highlightOnly, mentions };
}

export interface FrameCost {
  /** Ranges registered. */
  ranges: number;
  /** The frame after registering them all at once. */
  register: number;
  /** With them registered: the frame after adding 500 more (one scanner slice's worth). */
  add500: number;
  /** With them registered: the frame after a one-node DOM change elsewhere. */
  mutation: number;
}

/** How the browser's cost per frame grows with the number of registered ranges (for bench/profile.ts). */
export async function frameCosts(sizes: number[]): Promise<FrameCost[]> {
  const m = need();
  const all: StaticRange[] = [];
  scannerWalk(document.body, (holder, data) => {
    for (const [, range] of rangesOf(holder, m.find(data))) all.push(range);
  });
  const ticker = document.body.appendChild(document.createElement('span'));
  const timeFrame = async (change: () => void): Promise<number> => {
    await frame();
    const t = performance.now();
    change();
    return (await frame()) - t;
  };
  const out: FrameCost[] = [];
  for (const size of sizes) {
    const n = Math.min(size, all.length - 500);
    const h = new Highlight(...all.slice(0, n));
    const register = await timeFrame(() => CSS.highlights.set('bench-frames', h));
    const add500 = await timeFrame(() => {
      for (const r of all.slice(n, n + 500)) h.add(r);
    });
    const mutation = Math.min(await timeFrame(() => (ticker.textContent = String(Math.random()))), await timeFrame(() => (ticker.textContent = String(Math.random()))));
    CSS.highlights.delete('bench-frames');
    await frame();
    out.push({ ranges: n, register, add500, mutation });
  }
  ticker.remove();
  return out;
}

/**
 * The removal baseline, without the extension: the page's task that removes
 * the article, to a task after it (poller.js, removeArticle, with it).
 * Mutates the page: call last.
 */
export function removalBaseline(): Promise<number> {
  return new Promise((resolve) => {
    const start = performance.now();
    (document.querySelector('article') ?? document.body).remove();
    setTimeout(() => resolve(performance.now() - start), 0);
  });
}

/**
 * The live-update baseline, without the extension: the same paragraphs
 * inserted at the top of the article, until the frame after (the page's own
 * style and layout). Mutates the page: call last.
 */
export async function insertBaseline(html: string): Promise<number> {
  const section = document.createElement('section');
  section.innerHTML = html;
  const article = document.querySelector('article') ?? document.body;
  await frame();
  const start = performance.now();
  article.insertBefore(section, article.firstChild);
  await frame();
  await new Promise<void>((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(0);
  });
  return performance.now() - start;
}
