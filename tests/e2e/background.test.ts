/// <reference types="chrome" />
// The background and the extension's life cycle: malformed messages are
// refused with a reason, per-tab state survives the service worker being
// stopped, and reloading or removing the extension under an open page leaves
// no error behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, type ChromiumSession } from './harness/browsers';
import { countHighlights } from './harness/page-probes';
import { startServer, type FixtureServer } from './harness/server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('background in Chromium', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('answers typed messages and refuses malformed ones with a reason', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html?view=tab`);
    const replies = await page.evaluate(async () => {
      const ask = (m: unknown) => chrome.runtime.sendMessage(m);
      return {
        search: await ask({ type: 'search', payload: { query: 'Pashinyan', limit: 3 } }),
        article: await ask({ type: 'article', payload: { id: '003_0c0ee4c7a4371c12' } }),
        missing: await ask({ type: 'article', payload: { id: 'nope' } }),
        unknown: await ask({ type: 'drop-tables', payload: {} }),
        malformed: await ask({ type: 'search', payload: { query: ['x'] } }),
        shapeless: await ask('hello'),
      };
    });
    expect(replies.search).toMatchObject({ ok: true, value: [{ id: '001_bcffe93f59d1024d' }] });
    expect(replies.article).toMatchObject({ ok: true, value: { title: 'Putin dan Erdogan Janji Tingkatkan Hubungan Rusia-Turki Usai Bersitegang' } });
    expect(replies.missing).toEqual({ ok: true, value: null });
    expect(replies.unknown).toEqual({ ok: false, error: 'NewsContext: unknown message type "drop-tables"' });
    expect(replies.malformed).toEqual({ ok: false, error: 'NewsContext: malformed payload for "search"' });
    expect(replies.shapeless).toEqual({ ok: false, error: 'NewsContext: a message must be an object' });
    await page.close();
  });

  it('forgets what a removed web component named, on a page too long for one sweep of the index', async () => {
    const page = await session.context.newPage();
    const url = server.url('/content/component-long.html');
    await page.goto(url);
    const named = () =>
      session.worker.evaluate(async (pageUrl) => {
        const all = await chrome.storage.session.get(null);
        // Stored per frame (src/background/tab-state.ts): this page has one.
        const state = Object.values(all).find((v) => (v as { url?: string }).url === pageUrl) as { frames: Record<string, Array<{ id: string }>> } | undefined;
        return Object.values(state?.frames ?? {}).flat().map((e) => e.id).sort();
      }, url);
    await expect.poll(named, { timeout: 10_000 }).toEqual(['baku', 'kazakhstan']);
    // No record comes from inside a removed host's shadow root: the removal itself must reach it.
    await page.evaluate(() => document.getElementById('quote')?.remove());
    await expect.poll(named, { timeout: 5_000 }).toEqual(['baku']);
    await page.close();
  });

  it('keeps what a tab names when the service worker is stopped and started again', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/smoke.html'));
    await page.waitForFunction(countHighlights);
    const stateOf = (url: string) =>
      session.worker.evaluate(async (pageUrl) => {
        const all = await chrome.storage.session.get(null);
        const entry = Object.entries(all).find(([k, v]) => k.startsWith('tab:') && (v as { url: string }).url === pageUrl);
        return entry ? Number(entry[0].slice(4)) : null;
      }, url);
    await expect.poll(() => stateOf(page.url()), { timeout: 10_000 }).not.toBeNull();
    const tabId = (await stateOf(page.url())) as number;

    // Stop the worker as Chrome does when it is idle (closing its target ends it), and check it is gone.
    const cdp = await session.context.newCDPSession(page);
    type Targets = { targetInfos: Array<{ type: string; targetId: string }> };
    const workers = async () => ((await cdp.send('Target.getTargets')) as Targets).targetInfos.filter((t) => t.type === 'service_worker');
    const [worker] = await workers();
    expect(worker).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: worker!.targetId });
    await expect.poll(async () => (await workers()).length, { timeout: 5_000 }).toBe(0);
    await cdp.detach();

    // The popup asks the restarted worker.
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?view=tab`);
    const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'tab/state', payload: { tabId: id } }), tabId);
    expect(reply).toMatchObject({ ok: true, value: { url: page.url() } });
    expect((reply as { value: { entities: Array<{ id: string }> } }).value.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['erdogan', 'putin', 'nato', 'baku']),
    );
    await popup.close();
    await page.close();
  });

  // Runs last: an unpacked extension reloaded this way does not come back under --load-extension.
  it('cleans up quietly when the extension is reloaded under an open page', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto(server.url('/smoke.html'));
    await page.waitForFunction(countHighlights);
    // The worker dies with the reload, so its evaluate() may never answer.
    void session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1_000);
    // The page changes after the reload: the orphaned content script notices and lets go.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Aliyev spoke.' })));
    await page.mouse.move(100, 100);
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('newscontext-')), undefined, { timeout: 10_000 });
    expect(errors).toEqual([]);
    expect(consoleErrors.filter((e) => /context invalidated|newscontext/i.test(e))).toEqual([]);
    await page.close();
  });
});

describe('background in Firefox', () => {
  it('leaves no error when the add-on is removed under an open page', async () => {
    const session = await launchFirefox();
    try {
      const page = await session.browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
      await page.goto(server.url('/smoke.html'));
      await page.waitForFunction(countHighlights, { timeout: 15_000 });
      await session.browser.uninstallExtension(session.extensionId);
      await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'Aliyev spoke.' })));
      await page.mouse.move(100, 100);
      await new Promise((r) => setTimeout(r, 500));
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await session.close();
    }
  });
});
