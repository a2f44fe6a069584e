// Highlighting one page in one browser: our content script (in the browser
// with the extension), and, on fresh loads in the plain browser, the floor
// (in the page's world and in a content script's), advanced-mark.js and
// mark.js, plus the census (how many mentions the content script must
// highlight), a breakdown of our pipeline's parts and, in Firefox, the page's
// own frame gaps after its load.
import type { BenchBrowser, BenchPage, BrowserName } from './browsers';
import type { Breakdown, PageCensus, Timed } from './browser/probe';
import { callInContentScript } from './probe-extension';
import type { RunLimits } from './plan';
import { longest, mainThreadTasks } from './trace';
import { median } from './stats';

export interface PageSpec extends RunLimits {
  id: string;
  label: string;
  url: string;
  bytes: number;
  /** Generated pages: how many paragraphs. */
  paragraphs?: number;
  /** Live updates: HTML appended after the initial scan. */
  live?: { html: string; paragraphs: number };
}

export interface OursRun {
  /** From the content script's start to the end of its scan, and the frame after. */
  ms: number;
  /** From the start to the last change of the painted ranges (the viewport's mentions lit). */
  litMs: number;
  /** From the start to the first ranges painted. */
  firstLitMs: number;
  complete: boolean;
  /** Ranges painted at the end (those near the viewport). */
  count: number;
  /** Scrolled to the bottom after the scan: ranges painted there. */
  bottomCount?: number;
  /**
   * Chromium: the longest main-thread task while we worked: from a trace with
   * --trace, else from the Long Tasks API (which only sees tasks over 50 ms: 0 = none).
   */
  longestTask?: number;
  /** Chromium: how many tasks over 50 ms; the longest animation frame over 50 ms, and its style/layout/paint part (Long Animation Frames). */
  longTasks?: number;
  longestFrame?: number;
  longestFrameRender?: number;
  /** Longest gap between two animation frames while we worked. */
  frameGap: number;
  /** Chromium: heap (JS + Blink) after the scan, over the same page without the extension. */
  heapDelta?: number;
  live?: LiveRun;
  /** After the live update: the page's task that removed the article (our drop of its text is in it, or after it). */
  removalMs?: number;
}

/**
 * A live update: once the initial scan is done, paragraphs arrive at the top
 * of the article, where the reader is; the content script's MutationObserver
 * rescans the added subtree, and the rest is painted when scrolled to. The
 * page-side half is __ncBench.append in bench/browser/poller.js.
 */
export interface LiveRun {
  /** From the insertion to the end of the content script's scan of it, and the frame after. */
  ms: number;
  /** From the insertion to the last change of the painted ranges: the new names in view lit. */
  litMs: number;
  /** Ranges painted before and after. */
  before: number;
  after: number;
}

export interface RefRun extends Timed {
  heapDelta?: number;
}

export interface PageResult {
  browser: BrowserName;
  spec: Omit<PageSpec, 'live' | 'url'> & { liveParagraphs?: number };
  census?: PageCensus;
  /** Mentions near the viewport at the top and at the bottom of the page: what should be painted there. */
  nearTop?: number;
  nearBottom?: number;
  /** Without the extension: inserting the live-update paragraphs, to the frame after. */
  liveBaselineMs?: number;
  /** Without the extension: the page's task that removed the article, after the live-update paragraphs came. */
  removalBaselineMs?: number;
  /**
   * Without the extension, on fresh loads: the page's own longest gap between
   * two frames over as long after its load as our scans took. A browser busy
   * with a big page after its load (Firefox: layout, paint, GC) leaves gaps
   * that ours, measured over the same span, cannot tell from its own.
   */
  pageAloneGaps: number[];
  liveMentions?: number;
  ours: OursRun[];
  /** The floor in the page's own world. */
  floor: Timed[];
  /**
   * The floor run as a content script runs (the probe extension): where ours
   * must run. In Firefox its every DOM call and string read crosses an Xray
   * wrapper, so the same walk and regex take longer there than in the page's
   * world; in Chromium the two are alike.
   * Missing from results saved before it was measured.
   */
  floorContentScript?: Timed[];
  advancedMark: RefRun[];
  markJs: RefRun[];
  breakdown?: Breakdown;
  /** The same breakdown, run in a content script's world (the probe extension). */
  breakdownContentScript?: Breakdown;
  notes: string[];
}

export interface HighlightContext {
  ext: BenchBrowser;
  plain: BenchBrowser;
  /** The probe bundle (bench/browser/probe.ts), as script text. */
  probe: string;
  gazetteerJson: string;
  aliasesJson: string;
  floorSourceJson: string;
  /** Chromium: time tasks exactly from a trace (slower: a trace of a busy page takes seconds to collect). */
  trace: boolean;
  log(line: string): void;
}

const LOAD_TIMEOUT = 180_000;

interface PollState {
  t0: number;
  t1: number;
  seen: number;
  lastChange: number;
  firstChange: number;
  count: number;
  ref: number;
  frameGap: number;
  /** Long tasks and long animation frames overlapping the run; null where the APIs do not exist. */
  longTasks: number[] | null;
  longFrames: Array<[number, number]> | null;
}

async function withPage<T>(browser: BenchBrowser, fn: (page: BenchPage) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close().catch(() => {});
  }
}

async function loadWithProbe(ctx: HighlightContext, page: BenchPage, url: string): Promise<number | undefined> {
  await page.goto(url, LOAD_TIMEOUT);
  const base = page.heap ? await page.heap() : undefined;
  await page.evaluate(ctx.probe);
  await page.evaluate(`__ncProbe.setup(${ctx.gazetteerJson})`);
  return base;
}

/**
 * After the names in view are lit, the content script goes on scanning the rest
 * of the page in slices; tasks and frame gaps are watched this much longer.
 */
const SCAN_TAIL_MS = 3000;

/**
 * In-page source, for ours and for the page alone: the longest gap between two
 * frames that ends at or after `from` and begins at or before `to`; a gap that
 * began before `from` is counted from it.
 */
const LONGEST_GAP = `((frames, from, to) => {
  let gap = 0;
  for (let i = 1; i < frames.length; i++) {
    if (frames[i] >= from && frames[i - 1] <= to) gap = Math.max(gap, frames[i] - Math.max(frames[i - 1], from));
  }
  return gap;
})`;

async function runOurs(ctx: HighlightContext, spec: PageSpec, liveMentions: number | undefined, baseHeap: number | undefined): Promise<OursRun> {
  // Which step a failed run was at: Firefox now and then hangs in one evaluation (see the notes).
  let step = 'loading the page';
  return withPage(ctx.ext, async (page) => {
    if (ctx.trace) await page.startTrace?.();
    await page.goto(`${spec.url}#nc-bench`, LOAD_TIMEOUT);
    step = 'waiting for the scan';
    const st = await page.evaluate<PollState>(
      `Promise.race([__ncBench.done, new Promise((r) => setTimeout(r, ${spec.oursCapMs}))])
      // Performance observers deliver a little later: give them a moment.
      .then(() => new Promise((r) => setTimeout(r, 300)))
      .then(() => {
        const s = __ncBench, end = s.painted >= 0 ? s.painted : performance.now();
        // A gap that began before ours started is counted from our start: the
        // page's own loading before it (often 50 ms and more in Firefox) is not ours.
        let gap = ${LONGEST_GAP}(s.frames, s.t0, end);
        if (s.frames.length && s.painted < 0) gap = Math.max(gap, end - s.frames[s.frames.length - 1]);
        const within = (list) => list.filter(([start, d]) => start + d >= s.t0 && start <= end);
        const supported = PerformanceObserver.supportedEntryTypes || [];
        return {
          t0: s.t0, t1: s.painted, seen: s.seen, lastChange: s.lastChange, firstChange: s.firstChange, count: s.count, ref: s.ref, frameGap: gap,
          longTasks: supported.includes('longtask') ? within(s.longTasks).map((t) => t[1]) : null,
          longFrames: supported.includes('long-animation-frame') ? within(s.longFrames).map((f) => [f[1], f[2]]) : null,
        };
      })`,
    );
    const complete = st.t1 >= 0;
    const end = complete ? st.t1 : st.seen >= 0 ? st.t0 + spec.oursCapMs : NaN;
    const run: OursRun = {
      ms: complete ? st.t1 - st.t0 : NaN,
      litMs: st.lastChange >= 0 ? st.lastChange - st.t0 : NaN,
      firstLitMs: st.firstChange >= 0 ? st.firstChange - st.t0 : NaN,
      complete,
      count: st.count,
      frameGap: st.frameGap,
    };
    if (st.longTasks) {
      run.longTasks = st.longTasks.length;
      run.longestTask = Math.max(0, ...st.longTasks);
    }
    if (st.longFrames?.length) {
      const worst = st.longFrames.reduce((a, b) => (b[0] > a[0] ? b : a));
      run.longestFrame = worst[0];
      run.longestFrameRender = worst[1];
    }
    if (ctx.trace && page.stopTrace) run.longestTask = longest(mainThreadTasks(await page.stopTrace(), st.ref, st.t0, end));
    if (page.heap && baseHeap !== undefined) run.heapDelta = (await page.heap()) - baseHeap;
    step = 'the live update';
    if (spec.live && complete && liveMentions !== undefined) run.live = await page.evaluate<LiveRun>(`__ncBench.append(${JSON.stringify(spec.live.html)})`);
    step = 'scrolling to the bottom';
    if (complete) run.bottomCount = await page.evaluate<number>('__ncBench.scrollToBottom()');
    step = 'the removal';
    if (run.live) run.removalMs = await page.evaluate<number>('__ncBench.removeArticle()');
    return run;
  }).catch((error: unknown) => {
    throw new Error(`${step}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Fresh loads of the page alone, for its own frame gaps after its load. */
const PAGE_ALONE_RUNS = 3;

/**
 * Without the extension: the longest gap between two frames from the page's
 * load on, for `spanMs`, as the poller measures ours (performance.now() in a
 * requestAnimationFrame callback, frames recorded from the document's start by
 * browser/frames.js; a gap that began before the load counts from the load).
 */
async function runPageAlone(ctx: HighlightContext, spec: PageSpec, spanMs: number): Promise<number> {
  return withPage(ctx.plain, async (page) => {
    await page.goto(`${spec.url}#nc-alone`, LOAD_TIMEOUT);
    return page.evaluate<number>(`new Promise((done) => {
      const from = performance.getEntriesByType('navigation')[0].loadEventEnd;
      const to = from + ${Math.ceil(spanMs)};
      const read = () => {
        const frames = window.__ncFrames;
        if (performance.now() < to + 50) return setTimeout(read, 20);
        done(${LONGEST_GAP}(frames, from, to));
      };
      read();
    })`);
  });
}

async function runFloor(ctx: HighlightContext, spec: PageSpec): Promise<Timed> {
  return withPage(ctx.plain, async (page) => {
    await loadWithProbe(ctx, page, spec.url);
    return page.evaluate<Timed>(`__ncProbe.floor(${ctx.floorSourceJson}, 'giu')`);
  });
}

/** The floor in a content script's world, on a fresh load: the probe extension runs it. */
async function runFloorContentScript(ctx: HighlightContext, spec: PageSpec): Promise<Timed> {
  return withPage(ctx.plain, async (page) => {
    await page.goto(spec.url, LOAD_TIMEOUT);
    return callInContentScript<Timed>(page, 'floor', [JSON.parse(ctx.floorSourceJson), 'giu']);
  });
}

async function runReference(ctx: HighlightContext, spec: PageSpec, fn: 'markJs' | 'advancedMark', capMs: number, baseHeap?: number): Promise<RefRun> {
  return withPage(ctx.plain, async (page) => {
    await loadWithProbe(ctx, page, spec.url);
    const run: RefRun = await page.evaluate<Timed>(`__ncProbe.${fn}(${ctx.aliasesJson}, ${capMs})`);
    if (page.heap && baseHeap !== undefined) run.heapDelta = (await page.heap()) - baseHeap;
    return run;
  });
}

/** Measures one page; a failing part is a note in the result, never the end of the benchmark. */
export async function measurePage(ctx: HighlightContext, spec: PageSpec): Promise<PageResult> {
  const { live, url: _url, ...rest } = spec;
  const floorContentScript: Timed[] = [];
  const result: PageResult = {
    browser: ctx.ext.name,
    spec: { ...rest, ...(live ? { liveParagraphs: live.paragraphs } : {}) },
    ours: [],
    floor: [],
    floorContentScript,
    advancedMark: [],
    markJs: [],
    pageAloneGaps: [],
    notes: [],
  };
  const attempt = async (what: string, fn: () => Promise<void>) => {
    const t = performance.now();
    try {
      await fn();
      ctx.log(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (e) {
      const message = (e as Error).message.split('\n')[0]!;
      result.notes.push(`${what}: ${message}`);
      ctx.log(`  ! ${ctx.ext.name} ${spec.id} ${what}: ${message}`);
    }
  };

  // First plain load: the census (what ours must find), the baseline heap, one floor run, the breakdown.
  let baseHeap: number | undefined;
  await attempt('census', () =>
    withPage(ctx.plain, async (page) => {
      baseHeap = await loadWithProbe(ctx, page, spec.url);
      result.floor.push(await page.evaluate<Timed>(`__ncProbe.floor(${ctx.floorSourceJson}, 'giu')`));
      result.census = await page.evaluate<PageCensus>('__ncProbe.census()');
      result.nearTop = await page.evaluate<number>(`__ncProbe.censusNear('top')`);
      if (live) result.liveMentions = (await page.evaluate<PageCensus>(`__ncProbe.censusHtml(${JSON.stringify(live.html)})`)).mentions;
      if (spec.breakdown) {
        result.breakdown = await page.evaluate<Breakdown>('__ncProbe.breakdown()');
        await callInContentScript(page, 'setup', [JSON.parse(ctx.gazetteerJson)]);
        result.breakdownContentScript = await callInContentScript<Breakdown>(page, 'breakdown', []);
      }
      result.nearBottom = await page.evaluate<number>(`__ncProbe.censusNear('bottom')`);
      if (live) {
        result.liveBaselineMs = await page.evaluate<number>(`__ncProbe.insertBaseline(${JSON.stringify(live.html)})`);
        result.removalBaselineMs = await page.evaluate<number>('__ncProbe.removalBaseline()');
      }
    }),
  );
  const census = result.census;
  if (!census) return result;

  // Ours and the floor in either world, alternating, each on a fresh load.
  for (let r = 0; r < spec.runs; r++) {
    await attempt(`ours run ${r + 1}`, async () => {
      const run = await runOurs(ctx, spec, result.liveMentions, baseHeap);
      result.ours.push(run);
      if (!run.complete) result.notes.push(`ours run ${r + 1}: the scan had not ended after ${spec.oursCapMs / 1000} s`);
    });
    if (r > 0) await attempt(`floor run ${r + 1}`, async () => void result.floor.push(await runFloor(ctx, spec)));
    await attempt(`floor run ${r + 1}, content script`, async () => void floorContentScript.push(await runFloorContentScript(ctx, spec)));
  }
  // The page alone over as long as ours took: a few loads, in the browser where frame gaps are the only measure.
  const span = median(result.ours.filter((x) => x.complete).map((x) => x.ms));
  if (ctx.ext.name === 'firefox' && Number.isFinite(span)) {
    for (let r = 0; r < Math.min(spec.runs, PAGE_ALONE_RUNS); r++) {
      await attempt(`page alone ${r + 1}`, async () => void result.pageAloneGaps.push(await runPageAlone(ctx, spec, span)));
    }
  }
  for (let r = 0; r < spec.refRuns; r++) {
    await attempt('advanced-mark.js', async () => void result.advancedMark.push(await runReference(ctx, spec, 'advancedMark', spec.advCapMs, baseHeap)));
  }
  if (spec.markCapMs > 0) {
    await attempt('mark.js', async () => void result.markJs.push(await runReference(ctx, spec, 'markJs', spec.markCapMs, baseHeap)));
  }
  return result;
}
