// The browsers of the benchmark, behind one small interface: Chromium through
// Playwright (with CDP for heap and trace), Firefox through Puppeteer (WebDriver
// BiDi). Each comes in two kinds: with the extension (our content script runs)
// and plain (for the references, which must not share a page with ours).
// Page-side code is passed as text: tsx's name helpers must not leak into pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import puppeteer, { type Browser, type Page as PPage } from 'puppeteer-core';
import { browserPath, CHROMIUM_ARGS as HARNESS_CHROMIUM_ARGS, FIREFOX_PREFS as HARNESS_FIREFOX_PREFS } from '../tests/e2e/harness/browsers';
import { drivePlaywright, firefoxControlTab, type DrivenPage } from '../tests/e2e/harness/extension-pages';

export type BrowserName = 'chromium' | 'firefox';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, unknown>;
}

/** A V8 CPU profile (CDP Profiler.Profile), as far as bench/investigate/profile-cpu.ts reads it. */
export interface CpuProfile {
  nodes: {
    id: number;
    deoptReason?: string;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
    /** Samples by source line (1-based) of the node's function. */
    positionTicks?: { line: number; ticks: number }[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface BenchPage {
  /** Navigates and waits for the load event. */
  goto(url: string, timeoutMs: number): Promise<void>;
  /** Evaluates an expression in the page's main world; a promise is awaited. */
  evaluate<T>(expression: string): Promise<T>;
  /** Chromium: collects garbage, then the renderer's JS plus Blink (Oilpan) heap in bytes. */
  heap?(): Promise<number>;
  /** Chromium: starts a trace of `categories` (default: NC_TRACE_CATEGORIES, or top-level tasks and user-timing marks). */
  startTrace?(categories?: readonly string[]): Promise<void>;
  stopTrace?(): Promise<TraceEvent[]>;
  /** Chromium: starts V8's sampling profiler, one sample every `intervalUs` µs (it follows same-site navigations). */
  startProfile?(intervalUs: number): Promise<void>;
  stopProfile?(): Promise<CpuProfile>;
  close(): Promise<void>;
}

export interface BenchBrowser {
  name: BrowserName;
  version: string;
  /** Ours is loaded. */
  withExtension: boolean;
  /** Chromium with the extension: its id, for chrome-extension:// pages. */
  extensionId?: string;
  newPage(): Promise<BenchPage>;
  /**
   * Ours: a tab of the extension's own, to send the background messages from
   * as its pages do. Firefox opens it through the hover card of `pageUrl`, a
   * page as tests/fixtures/content/en.html (tests/e2e/harness/extension-pages.ts).
   */
  control?(pageUrl: string): Promise<DrivenPage>;
  close(): Promise<void>;
}

/**
 * The harness's flags (tests/e2e/harness/browsers.ts), plus one: every host
 * but 127.0.0.1 fails to resolve at once. The saved real pages reference
 * scripts, fonts and images elsewhere; on a closed network those requests
 * hang, and the load event would wait 10-20 s for them.
 */
const CHROMIUM_ARGS = [...HARNESS_CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** The harness's Firefox preferences, plus a proxy that refuses every connection (localhost is never proxied). */
const FIREFOX_PREFS = {
  ...HARNESS_FIREFOX_PREFS,
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1, localhost',
};

/**
 * For investigation only, never in a bench run that is reported: one more
 * Chromium flag from the environment, e.g. NC_CHROMIUM_FLAGS=--js-flags=--max-opt=2
 * (no optimizing compiler) with a script of bench/investigate/.
 */
const EXTRA_CHROMIUM_FLAGS = process.env.NC_CHROMIUM_FLAGS ? [process.env.NC_CHROMIUM_FLAGS] : [];

/** Top-level tasks and user-timing marks only: enough for task lengths, light enough not to slow the page. */
const TRACE_CATEGORIES = (process.env.NC_TRACE_CATEGORIES ?? 'toplevel,blink.user_timing,__metadata').split(',');

function playwrightPage(context: BrowserContext, page: Page): BenchPage {
  let cdp: CDPSession | undefined;
  const session = async () => (cdp ??= await context.newCDPSession(page));
  let complete: Promise<string | undefined> | undefined;
  return {
    async goto(url, timeoutMs) {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async heap() {
      const s = await session();
      await s.send('HeapProfiler.collectGarbage');
      const usage = (await s.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
      return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
    },
    async startTrace(categories = TRACE_CATEGORIES) {
      const s = await session();
      complete = new Promise((done) => s.once('Tracing.tracingComplete', (e) => done(e.stream)));
      await s.send('Tracing.start', { traceConfig: { includedCategories: [...categories] }, transferMode: 'ReturnAsStream', streamFormat: 'json' });
    },
    async stopTrace() {
      // A stream read in large chunks: tens of thousands of events as CDP messages would take seconds.
      const s = await session();
      await s.send('Tracing.end');
      const handle = await complete;
      if (!handle) return [];
      let text = '';
      for (;;) {
        const chunk = await s.send('IO.read', { handle, size: 16 << 20 });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await s.send('IO.close', { handle });
      const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
      return Array.isArray(parsed) ? parsed : parsed.traceEvents;
    },
    async startProfile(intervalUs) {
      const s = await session();
      await s.send('Profiler.enable');
      await s.send('Profiler.setSamplingInterval', { interval: intervalUs });
      await s.send('Profiler.start');
    },
    async stopProfile() {
      const { profile } = await (await session()).send('Profiler.stop');
      return profile as CpuProfile;
    },
    async close() {
      await cdp?.detach().catch(() => {});
      await page.close();
    },
  };
}

export interface LaunchOptions {
  /** An unpacked extension to load. */
  extensionDir?: string;
  /** True for ours: wait for its service worker, to learn the extension's id. */
  hasWorker?: boolean;
  /** Script text run in every page before the page's own scripts. */
  initScript?: string;
}

export async function launchBenchChromium(opts: LaunchOptions): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'newscontext-bench-'));
  const extensionArgs = opts.extensionDir ? [`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium'),
    headless: false, // --headless=new in the flags: the old headless mode cannot load extensions
    args: [...CHROMIUM_ARGS, ...extensionArgs, ...EXTRA_CHROMIUM_FLAGS],
  });
  let extensionId: string | undefined;
  if (opts.extensionDir && opts.hasWorker) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }
  if (opts.initScript) await context.addInitScript({ content: opts.initScript });
  // A persistent context opens with one blank page: close it, pages come one at a time.
  for (const p of context.pages()) await p.close();
  const result: BenchBrowser = {
    name: 'chromium',
    version: context.browser()?.version() ?? 'unknown',
    withExtension: Boolean(opts.hasWorker),
    newPage: async () => playwrightPage(context, await context.newPage()),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  if (extensionId) {
    result.extensionId = extensionId;
    result.control = async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html?view=tab`);
      return drivePlaywright(page);
    };
  }
  return result;
}

function puppeteerPage(page: PPage): BenchPage {
  return {
    async goto(url, timeoutMs) {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    },
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    close: () => page.close(),
  };
}

export async function launchBenchFirefox(opts: LaunchOptions): Promise<BenchBrowser> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    extraPrefsFirefox: FIREFOX_PREFS,
    // A hung evaluation costs 90 s, not puppeteer's default three minutes (the longest
    // evaluation, ours on a page, is capped at 60 s: plan.ts oursCapMs).
    protocolTimeout: 90_000,
  });
  try {
    if (opts.extensionDir) await browser.installExtension(opts.extensionDir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return {
    name: 'firefox',
    version: await browser.version(),
    withExtension: Boolean(opts.hasWorker),
    async newPage() {
      const page = await browser.newPage();
      if (opts.initScript) await page.evaluateOnNewDocument(opts.initScript);
      return puppeteerPage(page);
    },
    ...(opts.hasWorker ? { control: (pageUrl: string) => firefoxControlTab(browser, pageUrl) } : {}),
    close: () => browser.close(),
  };
}
