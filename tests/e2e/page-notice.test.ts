// The notice a page shows of what an action from it did (a save, a follow),
// in Chromium, whose accessibility tree reaches into the closed shadow root,
// and in Firefox:
// the action usually lights new names, and the page lights anew under the
// notice; the notice stays for its time left, and then goes.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNode, waitForNode } from './harness/accessibility';
import { useChromiumWithServer } from './harness/chromium-with-server';
import { extensionDriver, type DrivenPage, type ExtensionDriver } from './harness/extension-pages';
import { isLit } from './harness/page-probes';

const shared = useChromiumWithServer();


type Api = {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> };
};

describe('a notice on the page', () => {
  let web: Page;
  let control: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    web = await shared.session.context.newPage();
    await web.goto(shared.server.url('/follow/zorbania.html'));
    await web.waitForFunction(isLit, 'Vladimir Putin');
    cdp = await shared.session.context.newCDPSession(web);
    control = await shared.session.context.newPage();
    await control.goto(`chrome-extension://${shared.session.extensionId}/popup.html?view=tab`);
  });

  it('stays through the relighting that the action causes, for its time left', async () => {
    const url = web.url();
    const shownAt = Date.now();
    // What the background sends a tab after "Follow “…”" on its selection.
    await control.evaluate(async (pageUrl) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
      await api.tabs.sendMessage(tab!.id!, { type: 'notice/page', text: 'You follow Chile now.', ok: true }, { frameId: 0 });
    }, url);
    await waitForNode(cdp, 'StaticText', 'You follow Chile now.');
    expect(await web.evaluate(isLit, 'Chile')).toBe(false);
    const reply = (await control.evaluate(
      () => (globalThis as unknown as { chrome: Api }).chrome.runtime.sendMessage({ type: 'entities/edit', payload: { edit: { kind: 'follow', id: 'chile' } } }),
    )) as { ok: boolean };
    expect(reply.ok).toBe(true);
    // The page lit anew (Chile is followed now), and the notice is still there.
    await web.waitForFunction(isLit, 'Chile', { timeout: 5000 });
    await web.waitForTimeout(300);
    expect(await findNode(cdp, 'StaticText', 'You follow Chile now.')).not.toBeNull();
    // It goes when its six seconds are over, counted from when it first came.
    await web.waitForTimeout(Math.max(0, shownAt + 6500 - Date.now()));
    expect(await findNode(cdp, 'StaticText', 'You follow Chile now.')).toBeNull();
  });
});

// Firefox: no accessibility tree over WebDriver BiDi; the notice is found as
// the card's host at its place on screen (top right), which nothing of the
// page's own covers.
describe('a notice on the page, in Firefox', () => {
  let driver: ExtensionDriver;
  let web: DrivenPage;
  let control: DrivenPage;

  beforeAll(async () => {
    driver = await extensionDriver('firefox', shared.server);
    web = await driver.web('/follow/zorbania.html');
    await web.waitFor(isLit, 'Vladimir Putin');
    await web.front();
    control = await driver.page('popup.html?view=tab');
  });
  afterAll(async () => {
    await driver?.close();
  });

  const noticeShown = () => document.elementFromPoint(innerWidth - 30, 20)?.localName === 'newscontext-ui';

  it('stays through the relighting that the action causes, for its time left', async () => {
    const tabId = await driver.tabId(shared.server.url('/follow/zorbania.html'));
    const shownAt = Date.now();
    await control.evaluate(async (id) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      await api.tabs.sendMessage(id, { type: 'notice/page', text: 'You follow Chile now.', ok: true }, { frameId: 0 });
    }, tabId);
    await web.front();
    await web.waitFor(noticeShown);
    expect(await web.evaluate(isLit, 'Chile')).toBe(false);
    expect((await driver.call('entities/edit', { edit: { kind: 'follow', id: 'chile' } })).ok).toBe(true);
    await web.waitFor(isLit, 'Chile', 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await web.evaluate(noticeShown)).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, shownAt + 6500 - Date.now())));
    expect(await web.evaluate(noticeShown)).toBe(false);
  });
});
