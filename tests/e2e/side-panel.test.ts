// The side panel. In Chromium, opened as a page (as the popup is tested):
// it describes the active tab, follows the reader from one tab to the other
// and the page as it changes, and searches; the popup offers to open it, and
// the toolbar button's menu has its item. In Firefox, where BiDi cannot open
// moz-extension pages, a tab the extension opens is driven instead: the hover
// card's "Show all" opens the entity page, and that page opens the sidebar's
// page in a tab of its own.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser, Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bottomButton, cardBox, cardReady, namePoint } from './harness/card-click';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './harness/browsers';
import { countHighlights } from './harness/page-probes';
import { ROOT } from './harness/paths';
import { startServer, type FixtureServer } from './harness/server';

const SHOTS = resolve(ROOT, 'test-results/screenshots');

/** Runs in the panel: the entity ids of its chips, in order. */
const chips = () => [...document.querySelectorAll('.chip[data-entity]')].map((el) => el.getAttribute('data-entity') ?? '');
/** Runs in the panel: whether its chips include every id of `want` and none of `not`. */
function chipsAre([want, not]: [string[], string[]]): boolean {
  const ids = [...document.querySelectorAll('.chip[data-entity]')].map((el) => el.getAttribute('data-entity'));
  return want.every((id) => ids.includes(id)) && not.every((id) => !ids.includes(id));
}

let server: FixtureServer;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('side panel in Chromium', () => {
  let session: ChromiumSession;
  let panel: Page;
  const ext = (path: string) => `chrome-extension://${session.extensionId}/${path}`;

  beforeAll(async () => {
    session = await launchChromium();
    panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(ext('sidepanel.html'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opened as the active tab, never describes itself: search alone', async () => {
    await panel.waitForSelector('[data-side-panel="none"] input[type="search"]');
    await expect(panel.locator('#page-heading').count()).resolves.toBe(0);
    // A view that stays: no pop-out, no side-panel button of its own.
    await expect(panel.locator('[data-pop-out], [data-open-side-panel]').count()).resolves.toBe(0);
  });

  it('follows the reader from tab to tab, and the page as it changes', async () => {
    const erdogan = await session.context.newPage();
    await erdogan.goto(server.url('/stories/en-erdogan-call.html'));
    await erdogan.waitForFunction(countHighlights);
    const pashinyan = await session.context.newPage();
    await pashinyan.goto(server.url('/stories/ru-pashinyan-appeal.html'));
    await pashinyan.waitForFunction(countHighlights);

    await erdogan.bringToFront();
    await panel.waitForFunction(chipsAre, [['erdogan', 'turkey'], ['pashinyan']] as [string[], string[]], { timeout: 10_000 });
    await panel.waitForSelector('[data-related-article="003_0c0ee4c7a4371c12"]');

    await pashinyan.bringToFront();
    await panel.waitForFunction(chipsAre, [['pashinyan', 'armenia'], ['erdogan']] as [string[], string[]], { timeout: 10_000 });
    const before = await panel.evaluate(chips);
    expect(before).not.toContain('dushanbe');

    // The page changes under the reader: a paragraph naming Dushanbe arrives.
    await pashinyan.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Позже Пашинян прилетел в Душанбе.';
      document.querySelector('main')!.append(p);
    });
    await panel.waitForFunction(chipsAre, [['dushanbe', 'pashinyan'], ['erdogan']] as [string[], string[]], { timeout: 10_000 });

    // And back.
    await erdogan.bringToFront();
    await panel.waitForFunction(chipsAre, [['erdogan'], ['pashinyan', 'dushanbe']] as [string[], string[]], { timeout: 10_000 });
    await erdogan.close();
    await pashinyan.close();
  });

  it('searches the library, beside whatever tab is active', async () => {
    await panel.fill('input[type="search"]', 'Dushanbe');
    await panel.waitForSelector('ul[data-answers="Dushanbe"] [data-search-result="000_4031a0fc8753c09b"]');
    await panel.fill('input[type="search"]', '');
  });

  it('is offered by the popup and by the toolbar button\'s menu', async () => {
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(ext('popup.html'));
    await popup.waitForSelector('[data-open-side-panel]');
    await expect(popup.getAttribute('[data-open-side-panel]', 'aria-label')).resolves.toBe('Open in the side panel');
    await popup.close();
    // The menu item exists: updating it succeeds (it would fail for an unknown id).
    const updated = await session.worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome;
      return chrome.contextMenus.update('open-side-panel', {}).then(
        () => 'ok',
        (e: Error) => e.message,
      );
    });
    expect(updated).toBe('ok');
  });

  it('is captured in light and dark', async () => {
    const story = await session.context.newPage();
    await story.goto(server.url('/stories/en-airliner-admission.html'));
    await story.waitForFunction(countHighlights);
    await story.bringToFront();
    await panel.waitForFunction(chipsAre, [['dushanbe', 'aliyev'], []] as [string[], string[]], { timeout: 10_000 });
    await panel.waitForSelector('[data-related-article]');
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.screenshot({ path: resolve(SHOTS, `side-panel-${scheme}.png`) });
    }
    await story.close();
  });
});

describe('sidebar in Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Waits for a tab that `action` opens; BiDi shows an extension page's URL as about:blank, but drives it. */
  async function nextTab(browser: Browser, action: () => Promise<unknown>): Promise<PpPage> {
    const known = new Set(await browser.pages());
    await action();
    for (let i = 0; i < 100; i++) {
      const fresh = (await browser.pages()).find((p) => !known.has(p));
      if (fresh) return fresh;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no new tab opened');
  }

  async function until<R>(page: PpPage, fn: () => R, accept: (r: R) => boolean, what: string): Promise<R> {
    for (let i = 0; i < 150; i++) {
      const value = (await page.evaluate(fn as never).catch(() => undefined)) as R | undefined;
      if (value !== undefined && accept(value)) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`waited in vain for ${what}`);
  }

  it('opens the entity page from the card, and the sidebar page from there, which follows the active tab', async () => {
    const { browser } = session;
    const story = await browser.newPage();
    await story.goto(server.url('/content/en.html'));
    await until(story, countHighlights, (n) => n > 0, 'highlights');
    const at = await story.evaluate(namePoint, ['p2', 'Putin'] as [string, string]);
    if (!at) throw new Error('"Putin" not found');
    await story.mouse.move(at.x - 4, at.y);
    await story.mouse.move(at.x, at.y);
    await until(story, cardReady, (ready) => ready, 'the card');
    const box = await story.evaluate(cardBox);
    const click = bottomButton(box!);

    const entity = await nextTab(browser, () => story.mouse.click(click.x, click.y));
    const timeline = await until(
      entity,
      () => [...document.querySelectorAll('[data-timeline-article]')].map((el) => el.getAttribute('data-timeline-article')),
      (ids) => ids.length === 5,
      'the timeline',
    );
    expect(timeline[0]).toBe('004_64bb8a77059e5ede');
    expect(await entity.evaluate(() => document.querySelectorAll('figure.chart rect.bar').length)).toBe(5);
    expect(await entity.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Vladimir Putin');

    type WithBrowser = { browser: { tabs: { create(p: { url: string }): Promise<unknown> } } };
    const sidebar = await nextTab(browser, () =>
      entity.evaluate(() => void (globalThis as unknown as WithBrowser).browser.tabs.create({ url: '/sidepanel.html' })),
    );
    // Its own tab is active: search alone, then the story's names once the story is in front.
    await until(sidebar, () => document.querySelector('[data-side-panel] input[type="search"]') !== null, (ok) => ok, 'the sidebar page');
    await story.bringToFront();
    const ids = await until(sidebar, chips, (list) => list.includes('putin') && list.includes('aliyev'), "the story's names");
    expect(ids).toEqual(expect.arrayContaining(['baku', 'dushanbe']));
    await sidebar.screenshot({ path: resolve(SHOTS, 'side-panel-firefox.png') });
  });
});
