// Driving the extension's own pages (popup, library, article page) in both
// browsers, with one interface. Chromium opens chrome-extension:// URLs
// directly. Firefox's WebDriver BiDi cannot navigate to moz-extension://, but
// a tab the extension opens itself can be driven (its url() reads
// about:blank; evaluate, clicks and typing work): the first one is opened
// through the hover card ("Show all"), and from it browser.tabs.create opens
// any other page of the extension.
import type { BrowserContext, Page as PwPage } from 'playwright-core';
import type { Browser, Page as PpPage } from 'puppeteer-core';
import type { EngineName } from './adapters';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './browsers';
import { countHighlights } from './page-probes';
import type { FixtureServer } from './server';

/** A page of the extension, or a web page, driven the same way in both browsers. */
export interface DrivenPage {
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page (no Function(): extension pages and strict pages forbid it). */
  waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  click(selector: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  keyPress(key: string): Promise<void>;
  setFiles(selector: string, path: string): Promise<void>;
  /** Sets a field's value as typing does (an input event). */
  fill(selector: string, value: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Makes its tab the one shown (a hidden tab paints late: Firefox renders it about once a second). */
  front(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  engine: EngineName;
  /** A web page of the fixture server (a path), or any address (http…), loaded. */
  web(path: string): Promise<DrivenPage>;
  /** A page of the extension ("library.html", "popup.html?tab=3"), loaded. */
  page(path: string): Promise<DrivenPage>;
  /** A typed message to the background, as the extension's pages send it; the raw reply. */
  call(type: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }>;
  /** The id of the tab showing this URL. */
  tabId(url: string): Promise<number>;
  /** The tab that `action` opens, with its URL (Firefox's driver reads about:blank for extension pages: asked in the page). */
  nextPage(action: () => Promise<unknown>): Promise<{ page: DrivenPage; href: string }>;
  chromium?: ChromiumSession;
  firefox?: FirefoxSession;
  close(): Promise<void>;
}

async function poll<A>(evaluate: (fn: (arg: A) => unknown, arg?: A) => Promise<unknown>, fn: (arg: A) => unknown, arg: A | undefined, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await evaluate(fn, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${fn.toString().slice(0, 160)} in vain`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fillIn = ([selector, value]: readonly [string, string]) => {
  const el = document.querySelector(selector) as HTMLInputElement | null;
  if (!el) throw new Error(`no ${selector}`);
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

const clickIn = (selector: string) => {
  const el = document.querySelector(selector) as HTMLElement | null;
  if (!el) throw new Error(`no ${selector}`);
  el.click();
};

export function drivePlaywright(page: PwPage): DrivenPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as never, arg) as Promise<R>;
  return {
    evaluate,
    waitFor: (fn, arg, timeout = 15_000) => poll(evaluate, fn, arg, timeout),
    click: (selector) => page.click(selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    keyPress: (key) => page.keyboard.press(key),
    setFiles: (selector, path) => page.setInputFiles(selector, path),
    fill: (selector, value) => evaluate(fillIn, [selector, value] as const),
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    front: () => page.bringToFront(),
    close: () => page.close(),
  };
}

function drivePuppeteer(page: PpPage): DrivenPage {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as never, arg) as Promise<R>;
  return {
    evaluate,
    waitFor: (fn, arg, timeout = 15_000) => poll(evaluate, fn, arg, timeout),
    click: (selector) => evaluate(clickIn, selector),
    mouseMove: (x, y) => page.mouse.move(x, y),
    keyPress: (key) => page.keyboard.press(key as never),
    async setFiles(selector, path) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
    },
    fill: (selector, value) => evaluate(fillIn, [selector, value] as const),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    front: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** The extension API of an extension page, as evaluate() callbacks use it (they must be self-contained). */
type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; create(p: { url: string }): Promise<{ id?: number }> } };

export async function callFrom(page: DrivenPage, type: string, payload: unknown) {
  return page.evaluate(
    ([t, p]) => ((globalThis as unknown as { browser?: Api; chrome: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  ) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
}

async function tabIdFrom(page: DrivenPage, url: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const id = await page.evaluate(async (u) => {
      const tabs = await ((globalThis as unknown as { browser?: Api; chrome: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome).tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? null;
    }, url);
    if (id !== null) return id;
    if (Date.now() > deadline) throw new Error(`no tab shows ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function chromiumDriver(server: FixtureServer, options: { profile?: string } = {}): Promise<ExtensionDriver> {
  const session = await launchChromium(undefined, options);
  const context: BrowserContext = session.context;
  const page = async (path: string) => {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${session.extensionId}/${path}`);
    return drivePlaywright(p);
  };
  const control = await page('popup.html?view=tab');
  return {
    engine: 'chromium',
    chromium: session,
    async web(path) {
      const p = await context.newPage();
      await p.goto(/^https?:/.test(path) ? path : server.url(path));
      return drivePlaywright(p);
    },
    page,
    call: (type, payload) => callFrom(control, type, payload),
    tabId: (url) => tabIdFrom(control, url),
    async nextPage(action) {
      const opened = context.waitForEvent('page', { timeout: 10_000 });
      await action();
      const p = await opened;
      await p.waitForLoadState();
      return { page: drivePlaywright(p), href: p.url() };
    },
    close: () => session.close(),
  };
}

/** A new page of the browser, once one appears that was not there before. */
async function newPageAfter(browser: Browser, before: Set<PpPage>, action: () => Promise<unknown>): Promise<PpPage> {
  await action();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const fresh = (await browser.pages()).find((p) => !before.has(p));
    if (fresh) return fresh;
    if (Date.now() > deadline) throw new Error('no new tab opened');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the extension's page in this tab has loaded its script (its #app has content). */
async function loaded(page: DrivenPage): Promise<DrivenPage> {
  await page.waitFor(() => location.protocol === 'moz-extension:' && (document.getElementById('app')?.childElementCount ?? 0) > 0);
  return page;
}

/**
 * Firefox: the first tab of the extension, opened through the hover card of
 * `pageUrl` ("Show all" under "Vladimir Putin" in its #p1, as in
 * tests/fixtures/content/en.html), from which the extension's messages are
 * sent and its other pages opened.
 */
export async function firefoxControlTab(browser: Browser, pageUrl: string): Promise<DrivenPage> {
  const web = await browser.newPage();
  await web.goto(pageUrl);
  await web.waitForFunction(countHighlights, { timeout: 15_000 });
  const at = await web.evaluate(() => {
    const t = document.getElementById('p1')!.firstChild as Text;
    const i = t.data.indexOf('Vladimir Putin');
    const r = document.createRange();
    r.setStart(t, i);
    r.setEnd(t, i + 'Vladimir Putin'.length);
    const b = r.getClientRects()[0]!;
    return { x: b.left + 20, y: b.top + b.height / 2, top: b.top, bottom: b.bottom, left: b.left };
  });
  await web.mouse.move(at.x - 3, at.y);
  await web.mouse.move(at.x, at.y);
  const driven = drivePuppeteer(web);
  await driven.waitFor((a) => {
    const host = document.querySelector('newscontext-ui');
    return host !== null && [a.bottom + 120, a.top - 120].some((y) => document.elementFromPoint(a.left + 40, y) === host);
  }, at);
  const control = await loaded(
    drivePuppeteer(
      await newPageAfter(browser, new Set(await browser.pages()), async () => {
        await web.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await web.keyboard.down('Shift');
        await web.keyboard.press('Tab');
        await web.keyboard.up('Shift');
        await web.keyboard.press('Enter');
      }),
    ),
  );
  await web.close();
  return control;
}

export async function firefoxDriver(server: FixtureServer): Promise<ExtensionDriver> {
  const session = await launchFirefox();
  const { browser } = session;
  const control = await firefoxControlTab(browser, server.url('/content/en.html'));
  return {
    engine: 'firefox',
    firefox: session,
    async web(path) {
      const p = await browser.newPage();
      await p.goto(/^https?:/.test(path) ? path : server.url(path));
      return drivePuppeteer(p);
    },
    async page(path) {
      const before = new Set(await browser.pages());
      const opened = await newPageAfter(browser, before, () =>
        control.evaluate((url) => ((globalThis as unknown as { browser: Api }).browser.tabs.create({ url: `/${url}` })), path),
      );
      return loaded(drivePuppeteer(opened));
    },
    call: (type, payload) => callFrom(control, type, payload),
    tabId: (url) => tabIdFrom(control, url),
    async nextPage(action) {
      const page = drivePuppeteer(await newPageAfter(browser, new Set(await browser.pages()), action));
      await page.waitFor(() => document.readyState === 'complete' && location.href !== 'about:blank');
      return { page, href: await page.evaluate(() => location.href) };
    },
    close: () => session.close(),
  };
}

export function extensionDriver(engine: EngineName, server: FixtureServer): Promise<ExtensionDriver> {
  return engine === 'chromium' ? chromiumDriver(server) : firefoxDriver(server);
}
