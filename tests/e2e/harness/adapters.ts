// One small interface over playwright-core (Chromium) and puppeteer-core
// (Firefox over BiDi), so that each content-script test is written once and
// run in both browsers.
import { chromium, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Page as PpPage } from 'puppeteer-core';
import { browserPath, launchChromium, launchFirefox } from './browsers';

export type EngineName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates in the child frame whose document has an element matching `selector`. */
  evaluateInFrame<R>(selector: string, fn: () => R | Promise<R>): Promise<R>;
  waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  keyPress(key: string): Promise<void>;
  screenshot(path: string): Promise<Buffer>;
  /**
   * Roles and names from the browser's accessibility tree, which reaches into
   * closed shadow roots as screen readers do; null where the driver cannot
   * read it (Firefox over BiDi).
   */
  accessibilityTree(): Promise<Array<{ role: string; name: string }> | null>;
  /** Uncaught page errors seen so far. */
  errors: string[];
  /** URLs the page requested. */
  requests: string[];
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

/** What playwright's and puppeteer's frames share (method syntax: their signatures differ in detail). */
interface FrameLike {
  evaluate(fn: never, ...args: never[]): Promise<unknown>;
}

/** Evaluates in the child frame whose document has an element matching `selector`. */
async function evaluateInFrame<F extends FrameLike, R>(frames: F[], main: F, selector: string, fn: () => R | Promise<R>): Promise<R> {
  for (const frame of frames) {
    if (frame === main) continue;
    const probe = (sel: string) => document.querySelector(sel) !== null;
    const has = await frame.evaluate(probe as never, selector as never).catch(() => false);
    if (has) return frame.evaluate(fn as never) as Promise<R>;
  }
  throw new Error(`no frame has ${selector}`);
}

function wrapPlaywright(page: PwPage): TestPage {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  return {
    errors,
    requests,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateInFrame: (selector, fn) => evaluateInFrame(page.frames(), page.mainFrame(), selector, fn),
    async waitFor(fn, arg, timeout = 15_000) {
      await page.waitForFunction(fn as never, arg, { timeout, polling: 50 });
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    keyPress: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path }),
    async accessibilityTree() {
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
          nodes: Array<{ ignored?: boolean; role?: { value?: unknown }; name?: { value?: unknown } }>;
        };
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({ role: String(n.role?.value ?? ''), name: String(n.name?.value ?? '') }));
      } finally {
        await cdp.detach();
      }
    },
    close: () => page.close(),
  };
}

function wrapPuppeteer(page: PpPage): TestPage {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('request', (r) => requests.push(r.url()));
  return {
    errors,
    requests,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    evaluateInFrame: (selector, fn) => evaluateInFrame(page.frames(), page.mainFrame(), selector, fn),
    // Polled with evaluate, not waitForFunction: Puppeteer's waitForFunction
    // builds its poller with Function() in the page, which a strict
    // Content-Security-Policy blocks in Firefox 140 (BiDi's own evaluation is
    // exempt).
    async waitFor(fn, arg, timeout = 15_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        if (await page.evaluate(fn as never, arg)) return;
        if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${fn.name || 'a condition'} in vain`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    keyPress: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => Buffer.from(await page.screenshot({ path: path as `${string}.png` })),
    accessibilityTree: async () => null,
    close: () => page.close(),
  };
}

/** A browser with the built extension loaded. */
export async function withExtension(name: EngineName): Promise<Engine> {
  if (name === 'chromium') {
    const session = await launchChromium();
    return { name, newPage: async () => wrapPlaywright(await session.context.newPage()), close: () => session.close() };
  }
  const session = await launchFirefox();
  return { name, newPage: async () => wrapPuppeteer(await session.browser.newPage()), close: () => session.close() };
}

/** The same browser without the extension: the reference for "the page is unchanged". */
export async function withoutExtension(name: EngineName): Promise<Engine> {
  if (name === 'chromium') {
    const browser = await chromium.launch({
      executablePath: browserPath('chromium'),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    return { name, newPage: async () => wrapPlaywright(await browser.newPage()), close: () => browser.close() };
  }
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: browserPath('firefox'), headless: true });
  return { name, newPage: async () => wrapPuppeteer(await browser.newPage()), close: () => browser.close() };
}
