// The hover card of a name the reader follows that no library article names
// yet, in Chromium (whose accessibility tree reaches into the card's closed
// shadow root): it says so and offers to save the page; saved from there, the
// article joins the card at once.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findNode, waitForNode } from './harness/accessibility';
import { useChromiumWithServer } from './harness/chromium-with-server';
import { namePoint } from './harness/card-click';
import { ROOT } from './harness/paths';
import { isLit } from './harness/page-probes';

const PAGE = '/follow/zorbania.html';
const SHOTS = resolve(ROOT, 'test-results/screenshots');

const shared = useChromiumWithServer();

async function hover(page: Page, id: string, text: string): Promise<void> {
  const at = await page.evaluate(namePoint, [id, text] as [string, string]);
  if (!at) throw new Error(`"${text}" not in #${id}`);
  await page.mouse.move(at.x - 4, at.y);
  await page.mouse.move(at.x, at.y);
}


describe('the card of a followed name with no article', () => {
  let web: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    const entities = await shared.session.context.newPage();
    await entities.goto(`chrome-extension://${shared.session.extensionId}/entities.html`);
    await entities.waitForSelector('[data-entity-row]');
    await entities.fill('[data-follow="name"]', 'Chile');
    await entities.press('[data-follow="name"]', 'Enter');
    await entities.waitForSelector('[data-section="followed"] [data-entity-row="chile"]');
    await entities.close();
    web = await shared.session.context.newPage();
    await web.setViewportSize({ width: 1000, height: 900 });
    await web.goto(shared.server.url(PAGE));
    await web.waitForFunction(isLit, 'Chile');
    cdp = await shared.session.context.newCDPSession(web);
  });

  it('says the reader follows it and no article names it, and offers to save the page', async () => {
    await hover(web, 'p5', 'Chile');
    await waitForNode(cdp, 'dialog', 'NewsContext: Chile');
    await waitForNode(cdp, 'StaticText', 'You follow Chile; no article in your library names it yet.');
    expect(await findNode(cdp, 'button', 'Show all')).toBeNull();
    const save = await waitForNode(cdp, 'button', 'Save this page');
    await web.mouse.move(save.x, save.y);
    await web.mouse.click(save.x, save.y);
    await waitForNode(cdp, 'StaticText', 'Saved to your library: Zorbania opens its grain corridor to Chile');
    // The card asks again: the page it is on is the library's first article naming Chile.
    await waitForNode(cdp, 'StaticText', '1 article in your library');
    await waitForNode(cdp, 'button', 'Zorbania opens its grain corridor to Chile');
    expect(await findNode(cdp, 'StaticText', 'You follow Chile')).toBeNull();
    // The names the article brought (Argentina, Canada) light once the card is closed, not under the pointer.
    expect(await web.evaluate(isLit, 'Argentina')).toBe(false);
    await web.keyboard.press('Escape');
    await web.waitForFunction(isLit, 'Argentina', { timeout: 5000 });
    expect(await findNode(cdp, 'dialog', 'NewsContext: Chile')).toBeNull();
  });

  it('counts the article on the entities page, in light and dark', async () => {
    const entities = await shared.session.context.newPage();
    await entities.setViewportSize({ width: 900, height: 900 });
    await entities.goto(`chrome-extension://${shared.session.extensionId}/entities.html`);
    await entities.waitForSelector('[data-entity-row="chile"] [data-article-count="1"]');
    mkdirSync(SHOTS, { recursive: true });
    await entities.screenshot({ path: resolve(SHOTS, 'entities-light.png') });
    await entities.emulateMedia({ colorScheme: 'dark' });
    await entities.screenshot({ path: resolve(SHOTS, 'entities-dark.png') });
    await entities.close();
  });
});
