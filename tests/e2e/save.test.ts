// Saving what the reader reads, in Chromium and Firefox: an article saved
// from the popup (`popup.html?tab=<id>`) is in the hover card of its names on
// another tab and found by search at once; saving again keeps one copy; a
// search-results page is no article; a corrupt import changes nothing; text
// from a hostile page or file shows as text and runs nothing; an export
// imported into a fresh profile gives the same articles. Chromium also keeps
// them through a service-worker stop and a relaunch on the same profile.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineName } from './harness/adapters';
import { chromiumDriver, extensionDriver, type DrivenPage, type ExtensionDriver } from './harness/extension-pages';
import { countHighlights } from './harness/page-probes';
import { ROOT } from './harness/paths';
import { startServer, type FixtureServer } from './harness/server';

const SHOTS = resolve(ROOT, 'test-results/screenshots');
const ARTICLE = '/save/erdogan-baku-corridor.html';
const TITLE = 'Erdoğan and Aliyev open the Kars pomegranate corridor';
const CANONICAL = 'https://ledger.example/world/2024/09/erdogan-aliyev-corridor';

interface Row {
  id: string;
  title: string;
  url?: string;
  saved: boolean;
}
interface Saved {
  id: string;
  url: string;
  title: string;
  date: string;
  lead: string;
  paragraphs: string[];
}

let server: FixtureServer;
let work: string;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'newscontext-save-'));
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function value<T>(driver: ExtensionDriver, type: string, payload: unknown = {}): Promise<T> {
  const reply = await driver.call(type, payload);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value as T;
}

const savedRows = async (driver: ExtensionDriver) => (await value<Row[]>(driver, 'library/list')).filter((r) => r.saved);

/** Every saved article in full, in id order, as the export reads them. */
async function savedArticles(driver: ExtensionDriver): Promise<Saved[]> {
  return (await value<{ articles: Saved[] }>(driver, 'library/export-page', { limit: 100 })).articles;
}

/** Opens the web page and the popup for its tab. */
async function popupFor(driver: ExtensionDriver, path: string): Promise<{ web: DrivenPage; popup: DrivenPage }> {
  const web = await driver.web(path);
  const popup = await driver.page(`popup.html?tab=${await driver.tabId(server.url(path))}`);
  await popup.waitFor(() => document.querySelector('[data-action="save-page"]') !== null);
  return { web, popup };
}

const statusOf = (popup: DrivenPage) => popup.evaluate(() => document.querySelector('[data-save-status]')?.textContent ?? '');

/** Nothing from a saved page or file ran, or became an element, in this extension page. */
async function expectInert(page: DrivenPage, literal: string): Promise<void> {
  const found = await page.evaluate((text) => ({
    pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
    injected: document.querySelectorAll('img[src="x"], b[onmouseover], script:not([src]), [onerror]').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    shown: document.body.textContent?.includes(text) ?? false,
  }), literal);
  expect(found).toEqual({ pwned: null, injected: 0, javascriptLinks: 0, shown: true });
}

/** Runs in a web page: the texts our highlights cover. */
function litTexts(): string[] {
  const texts: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('newscontext-')) continue;
    for (const r of h as Iterable<AbstractRange>) texts.push(String(r.startContainer.nodeValue).slice(r.startOffset, r.endOffset));
  }
  return texts;
}

/** A file the test writes, to import. */
function file(name: string, content: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function importFile(library: DrivenPage, path: string): Promise<string> {
  await library.setFiles('input[type="file"][data-action="import"]', path);
  await library.waitFor(() => ['done', 'error'].includes(document.querySelector('[data-import-status]')?.getAttribute('data-import-status') ?? ''), undefined, 30_000);
  return library.evaluate(() => `${document.querySelector('[data-import-status]')!.getAttribute('data-import-status')}: ${document.querySelector('[data-import-status]')!.textContent}`);
}

/** The export the library page writes, caught where it would be downloaded. */
async function exportFrom(library: DrivenPage): Promise<{ name: string; text: string }> {
  await library.evaluate(() => {
    const w = window as unknown as { __download?: { name: string; text?: string } };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const caught = { name: this.download } as { name: string; text?: string };
      w.__download = caught;
      void fetch(this.href).then((r) => r.text()).then((t) => (caught.text = t));
    };
  });
  await library.click('[data-action="export"]');
  await library.waitFor(() => typeof (window as unknown as { __download?: { text?: string } }).__download?.text === 'string');
  return library.evaluate(() => (window as unknown as { __download: { name: string; text: string } }).__download);
}

for (const engine of ['chromium', 'firefox'] as EngineName[]) {
  describe(`saving in ${engine}`, () => {
    let driver: ExtensionDriver;
    let savedId = '';
    beforeAll(async () => {
      driver = await extensionDriver(engine, server);
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('saves the article from the popup, says so, and saving again updates the one copy', async () => {
      // Open before the save: it names Ankara, which no article of the library names yet.
      const other = await driver.web('/save/other-tab.html');
      await other.waitFor(countHighlights);
      expect(await other.evaluate(litTexts)).not.toContain('Ankara');
      const { web, popup } = await popupFor(driver, ARTICLE);
      await popup.click('[data-action="save-page"]');
      await popup.waitFor(() => document.querySelector('[data-save-status="saved"]') !== null);
      // The saved article names Ankara: the open tab lights it, with no reload.
      await expect.poll(() => other.evaluate(litTexts), { timeout: 5_000 }).toContain('Ankara');
      await other.close();
      expect(await statusOf(popup)).toBe(`Saved to your library: ${TITLE}`);
      const rows = await savedRows(driver);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ title: TITLE, url: CANONICAL });
      savedId = rows[0]!.id;
      const [stored] = await savedArticles(driver);
      expect(stored).toMatchObject({ date: '2024-09-12', lead: expect.stringMatching(/^Turkish President Recep Tayyip Erdoğan and Azerbaijani President Ilham Aliyev/) });
      expect(stored!.paragraphs.join(' ')).not.toMatch(/Most read|Subscribe|Privacy/);

      await popup.click('[data-action="save-page"]');
      await popup.waitFor(() => document.querySelector('[data-save-status="updated"]') !== null);
      expect(await statusOf(popup)).toBe(`Already in your library, now updated: ${TITLE}`);
      expect((await savedRows(driver)).map((r) => r.id)).toEqual([savedId]);
      // An unpacked or temporary add-on: the popup warns that the article is in no export yet.
      await popup.waitFor(() => document.querySelector('[data-temporary-warning]') !== null);
      if (engine === 'chromium') await popup.screenshot(resolve(SHOTS, 'popup-saved-light.png'));
      await popup.close();
      await web.close();
    });

    it('finds it by search at once, marked as saved', async () => {
      const search = await driver.page('popup.html?view=tab');
      await search.fill('input[type="search"]', 'pomegranate');
      await search.waitFor(() => document.querySelector('ul[data-answers="pomegranate"]') !== null);
      const found = await search.evaluate(() =>
        [...document.querySelectorAll('[data-search-result]')].map((el) => ({ id: el.getAttribute('data-search-result'), saved: el.querySelector('[data-saved-marker]') !== null })),
      );
      expect(found).toEqual([{ id: savedId, saved: true }]);
      await search.close();
    });

    it('lists it in the hover card of its names on another tab', async () => {
      const other = await driver.web('/save/other-tab.html');
      await other.waitFor(countHighlights);
      const tabId = await driver.tabId(server.url('/save/other-tab.html'));
      // What the card shows for Erdoğan on that tab, asked as the content script asks it.
      let state: { entities: unknown[] } | null = null;
      await expect.poll(async () => (state = await value<{ entities: unknown[] } | null>(driver, 'tab/state', { tabId }))?.entities.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
      const card = await value<{ articles: Array<{ id: string; saved: boolean }> }>(driver, 'card', { entityId: 'erdogan', page: state!.entities });
      expect(card.articles[0]).toMatchObject({ id: savedId, saved: true });
      // And as the reader gets there: hover the name, Tab from the page's last link into the card, Enter on its first article.
      const at = await other.evaluate(() => {
        const t = document.getElementById('p1')!.firstChild as Text;
        const r = document.createRange();
        r.setStart(t, t.data.indexOf('Erdoğan'));
        r.setEnd(t, t.data.indexOf('Erdoğan') + 7);
        const b = r.getClientRects()[0]!;
        return { x: b.left + 10, y: b.top + b.height / 2, left: b.left, top: b.top, bottom: b.bottom };
      });
      await other.mouseMove(at.x - 3, at.y);
      await other.mouseMove(at.x, at.y);
      await other.waitFor((a) => {
        const host = document.querySelector('newscontext-ui');
        return host !== null && [a.bottom + 100, a.top - 100].some((y) => document.elementFromPoint(a.left + 40, y) === host);
      }, at);
      await other.evaluate(() => (document.getElementById('last') as HTMLElement).focus());
      const opened = await driver.nextPage(async () => {
        await other.keyPress('Tab');
        await other.keyPress('Enter');
      });
      expect(new URL(opened.href).searchParams.get('id')).toBe(savedId);
      await opened.page.waitFor(() => document.querySelector('main[data-article-status="ready"]') !== null);
      expect(await opened.page.evaluate(() => ({ title: document.querySelector('h1')?.textContent, saved: document.querySelector('[data-saved-marker]') !== null, original: document.querySelector<HTMLAnchorElement>('[data-original-link]')?.href }))).toEqual({
        title: TITLE,
        saved: true,
        original: CANONICAL,
      });
      await opened.page.close();
      await other.close();
    });

    it('tells a search-results page it is not an article, and saves nothing', async () => {
      const { web, popup } = await popupFor(driver, '/save/search-results.html');
      await popup.click('[data-action="save-page"]');
      await popup.waitFor(() => document.querySelector('[data-save-status="not-article"]') !== null);
      expect(await statusOf(popup)).toMatch(/^This page is not an article, so nothing was saved\./);
      expect((await savedRows(driver)).map((r) => r.id)).toEqual([savedId]);
      await popup.close();
      await web.close();
    });

    it('refuses a corrupt import whole, saying what and where, and changes nothing', async () => {
      const before = await savedArticles(driver);
      const library = await driver.page('library.html');
      await library.waitFor(() => document.querySelector('[data-library-article]') !== null);
      const good = { id: 'x', url: 'https://ok.example/a', kind: 'article', title: 'Fine', source: 'ok', date: '2024-01-01', dateKnown: true, lang: 'en', savedAt: 1, lead: 'A lead.', paragraphs: [] };
      const cases: Array<[string, unknown, RegExp]> = [
        ['truncated.json', '{"format":"newscontext-saved-articles","version":1,"articles":[{"title"', /^error: Nothing was imported, and your library is unchanged\. The file is not valid JSON/],
        ['other.json', { format: 'bookmarks', items: [] }, /This is not a NewsContext export: its "format" is "bookmarks"/],
        ['newer.json', { format: 'newscontext-saved-articles', version: 9, articles: [] }, /version 9, made by a newer NewsContext/],
        ['bad-article.json', { format: 'newscontext-saved-articles', version: 1, articles: [good, { ...good, url: 'https://ok.example/b', title: 12 }] }, /Article #2: title is not a string\./],
        ['javascript.json', { format: 'newscontext-saved-articles', version: 1, articles: [{ ...good, url: "javascript:window.__pwned='import-url'" }] }, /Article #1 \("Fine"\): url is not an http\(s\) URL\./],
      ];
      for (const [name, content, message] of cases) expect(await importFile(library, file(name, content)), name).toMatch(message);
      expect(await savedArticles(driver)).toEqual(before);
      await library.close();
    });

    it('shows hostile text as text and runs none of it, saved from a page or imported from a file', async () => {
      const { web, popup } = await popupFor(driver, '/save/hostile.html');
      await popup.click('[data-action="save-page"]');
      await popup.waitFor(() => document.querySelector('[data-save-status="saved"]') !== null);
      const titleText = `<img src=x onerror="window.__pwned='title'"> Erdoğan <script>window.__pwned='title-script'</script> in Baku`;
      await expectInert(popup, titleText);
      await popup.close();
      await web.close();

      const payload = `<img src=x onerror="window.__pwned='import'"><script>window.__pwned='import-script'</script>`;
      const library = await driver.page('library.html');
      await library.waitFor(() => document.querySelector('[data-library-article]') !== null);
      const hostileFile = {
        format: 'newscontext-saved-articles',
        version: 1,
        exportedAt: new Date().toISOString(),
        articles: [
          {
            id: 'anything',
            url: 'https://hostile.example/imported',
            kind: 'article',
            title: `Imported ${payload}`,
            source: `<b onmouseover="window.__pwned='source'">Hostile</b>`,
            date: '2024-05-05',
            dateKnown: true,
            lang: 'en',
            savedAt: Date.now(),
            lead: `Erdoğan in Baku ${payload}`,
            paragraphs: [`javascript:window.__pwned='paragraph'`],
          },
        ],
      };
      expect(await importFile(library, file('hostile.json', hostileFile))).toBe('done: Imported: 1 new, 0 updated, 0 already in your library.');
      await library.waitFor(() => document.querySelectorAll('[data-library-article][data-origin="saved"]').length === 3);
      await expectInert(library, `Imported ${payload}`);
      await expectInert(library, titleText);
      const rows = await savedRows(driver);
      const imported = rows.find((r) => r.url === 'https://hostile.example/imported')!;
      const page = await driver.page(`article.html?id=${encodeURIComponent(imported.id)}`);
      await page.waitFor(() => document.querySelector('main[data-article-status="ready"]') !== null);
      await expectInert(page, `Erdoğan in Baku ${payload}`);
      await page.close();
      await library.close();
    });

    it('exports one dated file, and a fresh profile that imports it has the same articles', async () => {
      const library = await driver.page('library.html');
      await library.waitFor(() => document.querySelector('[data-library-article]') !== null);
      const exported = await exportFrom(library);
      expect(exported.name).toMatch(/^newscontext-\d{4}-\d{2}-\d{2}\.json$/);
      await library.waitFor(() => document.querySelector('[data-export-status="done"]') !== null);
      const original = await savedArticles(driver);
      expect(JSON.parse(exported.text).articles).toEqual(original);
      expect(await value(driver, 'library/status')).toEqual({ saved: 3, unexported: 0 });
      await library.close();

      const fresh = await extensionDriver(engine, server);
      try {
        const other = await fresh.page('library.html');
        await other.waitFor(() => document.querySelector('[data-library-article]') !== null);
        expect(await savedRows(fresh)).toEqual([]);
        expect(await importFile(other, file('export.json', exported.text))).toBe('done: Imported: 3 new, 0 updated, 0 already in your library.');
        expect(await savedArticles(fresh)).toEqual(original);
        // Importing it again changes nothing.
        expect(await importFile(other, file('export.json', exported.text))).toBe('done: Imported: 0 new, 0 updated, 3 already in your library.');
        await other.waitFor((id) => document.querySelector(`[data-library-article="${id}"] [data-saved-marker]`) !== null, savedId);
        if (engine === 'chromium') await other.screenshot(resolve(SHOTS, 'library-light.png'));
      } finally {
        await fresh.close();
      }
    });

    // Last: it leaves 2,000 articles in the library.
    it("shows an import's progress to the end, and cancels one before it is applied, changing nothing", async () => {
      const before = await savedArticles(driver);
      const many = Array.from({ length: 2000 }, (_, i) => ({
        id: `x${i}`,
        url: `https://many.example/${i}`,
        kind: 'article',
        title: `Story ${i} about Aliyev in Baku`,
        source: 'many.example',
        date: '2024-01-01',
        dateKnown: true,
        lang: 'en',
        savedAt: 1000 + i,
        lead: `Lead ${i}: Erdoğan and Aliyev met in Baku.`,
        paragraphs: [`Paragraph of story ${i}, naming Azerbaijan and Turkey.`],
      }));
      const path = file('many.json', { format: 'newscontext-saved-articles', version: 1, exportedAt: new Date().toISOString(), articles: many });
      const library = await driver.page('library.html');
      await library.waitFor(() => document.querySelector('[data-library-article]') !== null);
      // Cancelled as soon as it can be: the file read and checked, or its parts on their way.
      const watch = () => {
        const w = window as unknown as { __phases: string[] };
        w.__phases = [];
        new MutationObserver(() => {
          const phase = document.querySelector('[data-import-progress]')?.getAttribute('data-import-progress');
          if (phase && w.__phases.at(-1) !== phase) w.__phases.push(phase);
          (document.querySelector('[data-action="import-cancel"]') as HTMLElement | null)?.click();
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      };
      await library.evaluate(watch);
      await library.setFiles('input[type="file"][data-action="import"]', path);
      await library.waitFor(() => ['done', 'error', 'cancelled'].includes(document.querySelector('[data-import-status]')?.getAttribute('data-import-status') ?? ''), undefined, 30_000);
      expect(await library.evaluate(() => document.querySelector('[data-import-status]')!.textContent)).toBe('Import cancelled: nothing was written, and your library is unchanged.');
      expect(await savedArticles(driver)).toEqual(before);
      await library.close();

      // Imported to the end: read, checked, sent, written, indexed, each shown on its way.
      const again = await driver.page('library.html');
      await again.waitFor(() => document.querySelector('[data-library-article]') !== null);
      await again.evaluate(() => {
        const w = window as unknown as { __phases: string[] };
        w.__phases = [];
        new MutationObserver(() => {
          const phase = document.querySelector('[data-import-progress]')?.getAttribute('data-import-progress');
          if (phase && w.__phases.at(-1) !== phase) w.__phases.push(phase);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      expect(await importFile(again, path)).toBe('done: Imported: 2000 new, 0 updated, 0 already in your library.');
      const phases = await again.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
      expect(phases).toEqual(expect.arrayContaining(['checking', 'sending', 'indexing']));
      expect(phases.indexOf('indexing')).toBeGreaterThan(phases.indexOf('sending'));
      expect((await value<{ saved: number }>(driver, 'library/status', {})).saved).toBe(before.length + 2000);
      const hits = await value<Array<{ id: string }>>(driver, 'search', { query: 'Story 1999', limit: 3 });
      expect(hits.length).toBeGreaterThan(0);
      await again.close();
    });
  });
}

/** Runs in an extension page: the ids in the store's snapshots (catalog, full-text index), read from IndexedDB. */
async function keptIds(): Promise<{ catalog: string[]; fullText: string[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('newscontext');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const read = (key: string) =>
    new Promise<{ ids?: string[]; index?: { ids: string[] } } | undefined>((resolve, reject) => {
      const r = db.transaction('snapshots').objectStore('snapshots').get(key);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const [catalog, fullText] = [await read('catalog'), await read('fulltext')];
  db.close();
  return { catalog: catalog?.ids ?? [], fullText: fullText?.index?.ids ?? [] };
}

describe('saved articles in Chromium', () => {
  it('start again from the kept catalog and index after a service-worker stop: related, card and search answer from them', async () => {
    const driver = await chromiumDriver(server);
    try {
      const web = await driver.web(ARTICLE);
      const { id } = await value<{ id: string }>(driver, 'save', { tabId: await driver.tabId(server.url(ARTICLE)) });
      await web.close();
      const library = await driver.page('library.html');
      // The full-text snapshot follows a few seconds after the last change.
      await expect
        .poll(async () => {
          const kept = await library.evaluate(keptIds);
          return kept.catalog.includes(id) && kept.fullText.includes(id);
        }, { timeout: 20_000, interval: 250 })
        .toBe(true);
      const before = await library.evaluate(keptIds);

      const session = driver.chromium!;
      const cdp = await session.context.newCDPSession(session.context.pages()[0]!);
      type Targets = { targetInfos: Array<{ type: string; targetId: string }> };
      const workers = async () => ((await cdp.send('Target.getTargets')) as Targets).targetInfos.filter((t) => t.type === 'service_worker');
      for (const w of await workers()) await cdp.send('Target.closeTarget', { targetId: w.targetId });
      await expect.poll(async () => (await workers()).length, { timeout: 5_000 }).toBe(0);
      await cdp.detach();

      const page = [{ id: 'erdogan', count: 3, weakCount: 0, prominent: true }, { id: 'baku', count: 2, weakCount: 0, prominent: true }];
      const related = await value<Array<{ id: string }>>(driver, 'related', { entities: page });
      expect(related.map((r) => r.id)).toContain(id);
      const card = await value<{ articles: Array<{ id: string }>; articleCount: number }>(driver, 'card', { entityId: 'erdogan', page });
      expect(card.articles.map((a) => a.id)).toContain(id);
      expect((await value<Array<{ id: string }>>(driver, 'search', { query: 'pomegranate' })).map((r) => r.id)).toEqual([id]);
      // Nothing was made again: the snapshots are as they were.
      expect(await library.evaluate(keptIds)).toEqual(before);
      await library.close();
    } finally {
      await driver.close();
    }
  });

  it('survive a service-worker stop and a relaunch of the browser on the same profile', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'newscontext-kept-'));
    try {
      let driver = await chromiumDriver(server, { profile });
      const web = await driver.web(ARTICLE);
      const outcome = await value<{ status: string; id: string }>(driver, 'save', { tabId: await driver.tabId(server.url(ARTICLE)) });
      expect(outcome.status).toBe('saved');
      await web.close();

      // Stop the worker as Chrome does when it is idle (closing its target ends it).
      const session = driver.chromium!;
      const cdp = await session.context.newCDPSession(session.context.pages()[0]!);
      type Targets = { targetInfos: Array<{ type: string; targetId: string }> };
      const workers = async () => ((await cdp.send('Target.getTargets')) as Targets).targetInfos.filter((t) => t.type === 'service_worker');
      const [worker] = await workers();
      await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
      await expect.poll(async () => (await workers()).length, { timeout: 5_000 }).toBe(0);
      await cdp.detach();
      const search = async (d: ExtensionDriver) => (await value<Array<{ id: string }>>(d, 'search', { query: 'pomegranate' })).map((r) => r.id);
      expect(await search(driver)).toEqual([outcome.id]);
      await driver.close();

      driver = await chromiumDriver(server, { profile });
      try {
        expect(await search(driver)).toEqual([outcome.id]);
        expect((await savedRows(driver)).map((r) => r.title)).toEqual([TITLE]);
      } finally {
        await driver.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
