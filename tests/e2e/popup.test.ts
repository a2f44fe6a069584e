// The popup in Chromium, opened as a page (`popup.html?tab=<id>`, the pop-out
// contract): for fixture stories in four languages the right seed ranks first,
// searches in several languages find the right articles in order, the keyboard
// walks and opens the list, and each page state says what it should.
// Firefox is left out: moz-extension pages cannot be opened through BiDi.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { ROOT } from './harness/paths';
import { startServer, type FixtureServer } from './harness/server';

const SHOTS = resolve(ROOT, 'test-results/screenshots');
const ALL_SEEDS = ['000_4031a0fc8753c09b', '001_bcffe93f59d1024d', '002_77b0af51f9a38730', '003_0c0ee4c7a4371c12', '004_64bb8a77059e5ede'];
const seed = (prefix: string) => ALL_SEEDS.find((id) => id.startsWith(prefix))!;

/** Fixture stories under tests/fixtures/stories/, the seed they retell, and an entity only that story's seed makes much of. */
const STORIES = [
  { file: 'en-airliner-admission.html', lang: 'English', seed: seed('000'), telling: 'dushanbe' },
  { file: 'ru-pashinyan-appeal.html', lang: 'Russian', seed: seed('001'), telling: 'pashinyan' },
  { file: 'tr-baku-visit.html', lang: 'Turkish', seed: seed('002'), telling: 'south-caucasus' },
  { file: 'en-erdogan-call.html', lang: 'English', seed: seed('003'), telling: 'erdogan' },
  { file: 'id-hollande-isis.html', lang: 'Indonesian', seed: seed('004'), telling: 'hollande' },
] as const;

// The service worker's `chrome`, typed as far as these tests use it.
interface ChromeApi {
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  storage: { local: { get(key: string): Promise<Record<string, { pausedSites?: string[] } | undefined>>; clear(): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { entities: unknown[] } | null }> };
  action: { getBadgeText(q: { tabId: number }): Promise<string> };
}
type WithChrome = { chrome: ChromeApi };

let session: ChromiumSession;
let server: FixtureServer;
/** An extension page kept open to ask the background questions, as the popup does. */
let probe: Page;

const ext = (path: string) => `chrome-extension://${session.extensionId}/${path}`;

async function tabIds(): Promise<number[]> {
  return session.worker.evaluate(async () => {
    const tabs = await (globalThis as unknown as WithChrome).chrome.tabs.query({});
    return tabs.flatMap((t) => (t.id === undefined ? [] : [t.id]));
  });
}

/** A new page and its tab id (the extension has no "tabs" permission, so tabs carry no URL: the new id is the one that appeared). */
async function newTab(): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds());
  const page = await session.context.newPage();
  let fresh: number[] = [];
  for (let i = 0; i < 50 && fresh.length !== 1; i++) {
    fresh = (await tabIds()).filter((id) => !before.has(id));
    if (fresh.length !== 1) await page.waitForTimeout(50);
  }
  expect(fresh).toHaveLength(1);
  return { page, tabId: fresh[0]! };
}

/** Waits until the content script has reported the tab's entities to the background. */
async function waitForReport(tabId: number, minEntities = 1): Promise<void> {
  await probe.waitForFunction(
    async ([id, min]) => {
      const reply = await (globalThis as unknown as WithChrome).chrome.runtime.sendMessage({ type: 'tab/state', payload: { tabId: id } });
      return reply.ok && reply.value != null && reply.value.entities.length >= min;
    },
    [tabId, minEntities] as const,
    { timeout: 20_000, polling: 200 },
  );
}

async function openStory(file: string, minEntities = 1): Promise<{ page: Page; tabId: number }> {
  const tab = await newTab();
  await tab.page.goto(server.url(`/stories/${file}`));
  await waitForReport(tab.tabId, minEntities);
  return tab;
}

async function openPopup(query: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(ext(`popup.html${query}`));
  return page;
}

const idsOf = (page: Page, attribute: 'data-related-article' | 'data-search-result') =>
  page.$$eval(`[${attribute}]`, (els, attr) => els.map((el) => el.getAttribute(attr)!), attribute);

/** Ids of the related list, once it is shown. */
async function relatedIds(page: Page): Promise<string[]> {
  await page.waitForSelector('ul[data-answers="related"] [data-related-article]');
  return idsOf(page, 'data-related-article');
}

/** Types a query into the search field and returns the result ids, once the list answers that query. */
async function searchIds(page: Page, query: string): Promise<string[]> {
  await page.fill('input[type="search"]', query);
  await page.waitForSelector(`ul[data-answers="${query.trim()}"], [data-empty-search]`);
  return idsOf(page, 'data-search-result');
}

async function pausedSites(): Promise<string[]> {
  return session.worker.evaluate(async (): Promise<string[]> => {
    const stored = await (globalThis as unknown as WithChrome).chrome.storage.local.get('settings');
    return stored.settings?.pausedSites ?? [];
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  session = await launchChromium();
  probe = await session.context.newPage();
  await probe.goto(ext('popup.html?view=tab'));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('related in your library', () => {
  it.each(STORIES)('a $lang story ($file) ranks seed $seed first', async ({ file, seed: expected, telling }) => {
    const story = await openStory(file);
    const popup = await openPopup(`?tab=${story.tabId}`);
    const ids = await relatedIds(popup);
    expect(ids[0]).toBe(expected);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ALL_SEEDS.includes(id))).toBe(true);
    // The page's entities are there as chips, the telling one among them with its count.
    const chip = popup.locator(`.chip[data-entity="${telling}"]`);
    await expect(chip.count()).resolves.toBe(1);
    expect(Number(await chip.locator('.chip-count').textContent())).toBeGreaterThan(0);
    // Each item says why it is there.
    expect((await popup.locator(`[data-related-article="${expected}"] .item-reason`).textContent())?.length).toBeGreaterThan(5);
    await popup.close();
    await story.page.close();
  });

  it('narrows the list to the articles naming a chip, in the same order, and back', async () => {
    const story = await openStory('ru-pashinyan-appeal.html');
    const popup = await openPopup(`?tab=${story.tabId}`);
    const all = await relatedIds(popup);

    await popup.click('.chip[data-entity="pashinyan"]');
    await expect(popup.getAttribute('.chip[data-entity="pashinyan"]', 'aria-pressed')).resolves.toBe('true');
    await popup.waitForFunction(() => document.querySelectorAll('[data-related-article]').length === 1);
    expect(await idsOf(popup, 'data-related-article')).toEqual([seed('001')]);

    // Azerbaijan is in 000, 001 and 002: the filtered list keeps their rank order.
    await popup.click('.chip[data-entity="azerbaijan"]');
    await popup.waitForFunction(() => document.querySelectorAll('[data-related-article]').length === 3);
    const narrowed = await idsOf(popup, 'data-related-article');
    expect(narrowed).toEqual(all.filter((id) => [seed('000'), seed('001'), seed('002')].includes(id)));

    await popup.click('[data-clear-filter]');
    await popup.waitForFunction((n) => document.querySelectorAll('[data-related-article]').length === n, all.length);
    expect(await idsOf(popup, 'data-related-article')).toEqual(all);
    await popup.close();
    await story.page.close();
  });
});

describe('search', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPopup('?view=tab');
  });
  afterAll(async () => {
    await page.close();
  });

  it('finds the Putin–Erdoğan call by "Erdoğan", with the name emphasised', async () => {
    expect(await searchIds(page, 'Erdoğan')).toEqual([seed('003')]);
    const marks = await page.$$eval(`[data-search-result="${seed('003')}"] mark`, (els) => els.map((m) => m.textContent ?? ''));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /erdo[gğ]an/i.test(m))).toBe(true);
  });

  it('finds the Turkish drones article by "Turkey drones"', async () => {
    expect(await searchIds(page, 'Turkey drones')).toEqual([seed('003')]);
  });

  it('finds Pashinyan by the start of his name', async () => {
    expect(await searchIds(page, 'Pashin')).toEqual([seed('001')]);
  });

  it('finds the Dushanbe meeting by the place', async () => {
    expect(await searchIds(page, 'Dushanbe')).toEqual([seed('000')]);
  });

  it.each(['Russia', 'Rusia', 'Россия'])('"%s" finds every article about Russia', async (query) => {
    const ids = await searchIds(page, query);
    expect([...ids].sort()).toEqual(ALL_SEEDS);
  });

  it('says so when nothing matches, and shows no stale results', async () => {
    await searchIds(page, 'Dushanbe');
    expect(await searchIds(page, 'qwertyzzz')).toEqual([]);
    await expect(page.locator('[data-empty-search]').textContent()).resolves.toContain('qwertyzzz');
  });

  it('starts with the search it was opened for (?q=)', async () => {
    const opened = await openPopup('?q=Dushanbe&view=tab');
    await opened.waitForSelector('ul[data-answers="Dushanbe"]');
    expect(await idsOf(opened, 'data-search-result')).toEqual([seed('000')]);
    await expect(opened.inputValue('input[type="search"]')).resolves.toBe('Dushanbe');
    await opened.close();
  });

  it('lists the articles naming an entity when opened for it (?entity=, from the entity page)', async () => {
    const opened = await openPopup('?entity=aliyev&view=tab');
    await opened.waitForSelector('ul[data-answers="entity"] [data-search-result]');
    expect((await idsOf(opened, 'data-search-result')).sort()).toEqual([seed('000'), seed('002')]);
    await expect(opened.locator('#list-heading').textContent()).resolves.toContain('Ilham Aliyev');
    // A query then searches within the entity: "Dushanbe" only in the article that names both.
    expect(await searchIds(opened, 'Baku')).toEqual(expect.arrayContaining([seed('000'), seed('002')]));
    expect(await searchIds(opened, 'Dushanbe')).toEqual([seed('000')]);
    await opened.close();
  });
});

describe('keyboard', () => {
  it('focuses the field, walks the results with the arrows, opens with Enter, clears with Escape', async () => {
    const page = await openPopup('?view=tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('search');
    // And tells of the page's own shortcut, with the keys the browser gave it.
    await expect(page.locator('[data-card-shortcut]').textContent()).resolves.toBe(
      'On the page, Alt+Shift+K opens the card of the selected name, or of the next name on screen',
    );

    await page.keyboard.type('Putin');
    await page.waitForSelector('ul[data-answers="Putin"]');
    const ids = await idsOf(page, 'data-search-result');
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const focused = () => page.evaluate(() => document.activeElement?.closest('[data-search-result]')?.getAttribute('data-search-result') ?? document.activeElement?.tagName);

    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(ids[1]);
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(ids[2]);
    await page.keyboard.press('ArrowUp');
    await expect(focused()).resolves.toBe(ids[1]);
    // The focused item shows it: an outline drawn by :focus-visible.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');

    const opened = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('article.html?id=') });
    await page.keyboard.press('Enter');
    const article = await opened;
    expect(new URL(article.url()).searchParams.get('id')).toBe(ids[1]);
    await article.close();

    // Escape from the list clears the query and returns to the field.
    await page.bringToFront();
    await expect(focused()).resolves.toBe(ids[1]);
    await page.keyboard.press('Escape');
    await expect(page.inputValue('input[type="search"]')).resolves.toBe('');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('search');
    await expect(page.locator('[data-search-result]').count()).resolves.toBe(0);

    // Back at the top, ArrowUp from the first item reaches the field, and typing there searches again.
    await page.keyboard.type('Baku');
    await page.waitForSelector('ul[data-answers="Baku"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('search');

    // Typing and Enter at once, before any result is shown: the first result of that query opens.
    await page.keyboard.press('Escape');
    const openedFirst = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('article.html?id=') });
    await page.keyboard.type('Dushanbe');
    await page.keyboard.press('Enter');
    const firstArticle = await openedFirst;
    expect(new URL(firstArticle.url()).searchParams.get('id')).toBe(seed('000'));
    await firstArticle.close();
    await page.close();
  });
});

describe('page states', () => {
  it('says when the page names nothing in the library', async () => {
    const story = await openStory('en-no-names.html', 0);
    const popup = await openPopup(`?tab=${story.tabId}`);
    await popup.waitForSelector('[data-page-status="empty"]');
    await expect(popup.locator('[data-related-article]').count()).resolves.toBe(0);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-empty-page-light.png'), fullPage: true });
    await popup.close();
    await story.page.close();
  });

  it('lists nothing for a page that names a place once in passing, and says why', async () => {
    const story = await openStory('en-passing-mention.html', 1);
    const popup = await openPopup(`?tab=${story.tabId}`);
    await popup.waitForSelector('[data-no-related="passing"]');
    await expect(popup.locator('[data-related-article]').count()).resolves.toBe(0);
    await popup.close();
    await story.page.close();
  });

  it('says when the browser keeps extensions out of the page', async () => {
    const tab = await newTab();
    await tab.page.goto('chrome://version/');
    const popup = await openPopup(`?tab=${tab.tabId}`);
    await popup.waitForSelector('[data-page-status="unavailable"]', { timeout: 10_000 });
    await expect(popup.locator('.chip').count()).resolves.toBe(0);
    // The search still works there.
    expect(await searchIds(popup, 'Pashin')).toEqual([seed('001')]);
    await popup.close();
    await tab.page.close();
  });

  it('pauses highlighting on the site, and resumes it', async () => {
    const story = await openStory('en-erdogan-call.html');
    const popup = await openPopup(`?tab=${story.tabId}`);
    await relatedIds(popup);
    const toggle = popup.locator('input[data-pause-site]');
    await expect(toggle.getAttribute('data-pause-site')).resolves.toBe('127.0.0.1');
    await expect(toggle.isChecked()).resolves.toBe(false);

    const ours = () => [...CSS.highlights.keys()].filter((k) => k.startsWith('newscontext-')).length;
    expect(await story.page.evaluate(ours)).toBe(3);

    // Clicked as a reader does, on the switch's label. The open page follows without a reload.
    await popup.click('label.toggle:has([data-pause-site])');
    await popup.waitForSelector('[data-page-status="paused"]');
    await expect(toggle.isChecked()).resolves.toBe(true);
    expect(await pausedSites()).toEqual(['127.0.0.1']);
    await story.page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('newscontext-')), undefined, { timeout: 5_000 });

    await popup.click('label.toggle:has([data-pause-site])');
    await popup.waitForSelector('.chip[data-entity="erdogan"]', { timeout: 10_000 });
    expect(await pausedSites()).toEqual([]);
    await story.page.waitForFunction(() => CSS.highlights.has('newscontext-person') && (CSS.highlights.get('newscontext-person')?.size ?? 0) > 0, undefined, { timeout: 5_000 });
    await popup.close();
    await story.page.close();
  });

  it('turns the toolbar badge off and on', async () => {
    const story = await openStory('en-erdogan-call.html');
    const badge = () =>
      session.worker.evaluate((tabId) => (globalThis as unknown as WithChrome).chrome.action.getBadgeText({ tabId }), story.tabId);
    await expect.poll(badge, { timeout: 5_000 }).toMatch(/^[1-9]\d*$/);
    const count = await badge();
    const popup = await openPopup(`?tab=${story.tabId}`);
    const toggle = popup.locator('input[data-setting="badge"]');
    await expect(toggle.isChecked()).resolves.toBe(true);
    await popup.click('label.toggle:has([data-setting="badge"])');
    await expect.poll(badge, { timeout: 5_000 }).toBe('');
    await popup.click('label.toggle:has([data-setting="badge"])');
    await expect.poll(badge, { timeout: 5_000 }).toBe(count);
    await popup.close();
    await story.page.close();
  });

  it('pops out into a tab for the same page (popup.html?tab=<id>)', async () => {
    // Opened without ?tab=, the popup describes the active tab: here, itself.
    const own = await newTab();
    await own.page.setViewportSize({ width: 380, height: 600 });
    await own.page.goto(ext('popup.html'));
    await own.page.waitForSelector('[data-page-status="unavailable"]', { timeout: 10_000 });
    const popped = session.context.waitForEvent('page', { predicate: (p) => p.url().includes('popup.html?tab=') });
    await own.page.click('[data-pop-out]');
    const tab = await popped;
    expect(new URL(tab.url()).searchParams.get('tab')).toBe(String(own.tabId));
    // A popped-out view has no pop-out button of its own.
    await tab.waitForSelector('input[type="search"]');
    await expect(tab.locator('[data-pop-out]').count()).resolves.toBe(0);
    await tab.close();
  });
});

describe('screenshots', () => {
  it('of the popup, light and dark, related list and search results', async () => {
    const story = await openStory('en-airliner-admission.html');
    const popup = await openPopup(`?tab=${story.tabId}`);
    await relatedIds(popup);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.fill('input[type="search"]', '');
      await relatedIds(popup);
      await popup.screenshot({ path: resolve(SHOTS, `popup-related-${scheme}.png`) });
      await searchIds(popup, 'Turkey drones');
      await popup.screenshot({ path: resolve(SHOTS, `popup-search-${scheme}.png`) });
      await searchIds(popup, 'qwertyzzz');
      await popup.screenshot({ path: resolve(SHOTS, `popup-no-results-${scheme}.png`) });
    }
    // Popped out into a wide tab: the same view as a centred column.
    await popup.setViewportSize({ width: 1000, height: 760 });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.fill('input[type="search"]', '');
    await relatedIds(popup);
    await popup.screenshot({ path: resolve(SHOTS, 'popup-tab-light.png') });
    await popup.close();
    await story.page.close();
  });
});
