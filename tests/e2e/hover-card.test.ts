// The hover card as a reader uses it, in Chromium, whose accessibility tree
// reaches into the card's closed shadow root and gives each node's box: the
// card stays open while the pointer moves into it, an article opens in the
// extension's article page, "show all" opens the entity's page,
// and moving away closes it. And by the keyboard: the shortcut's message (sent
// as the background sends it; a headless browser has no way to press a
// browser-level shortcut) opens the card of the selected name, or steps
// through the names on screen, with the focus in the card.
/// <reference types="chrome" />
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findNode, waitForNode, type AXNode } from './harness/accessibility';
import { useChromiumWithServer } from './harness/chromium-with-server';
import { countHighlights } from './harness/page-probes';

const shared = useChromiumWithServer();

async function hoverName(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate(
    ([elId, name]) => {
      const t = document.getElementById(elId)?.firstChild as Text;
      const i = t.data.indexOf(name);
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + name.length);
      const b = r.getClientRects()[0] as DOMRect;
      return { x: b.left + Math.min(20, b.width / 2), y: b.top + b.height / 2 };
    },
    [id, text] as const,
  );
  await page.mouse.move(at.x - 4, at.y);
  await page.mouse.move(at.x, at.y);
  return at;
}

async function nextPage(context: BrowserContext, action: () => Promise<void>): Promise<Page> {
  const opened = context.waitForEvent('page', { timeout: 10_000 });
  await action();
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

/** What the background does on the keyboard shortcut (src/background/commands.ts), to the active tab. */
async function pressShortcut(): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    try {
      await shared.session.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        await chrome.tabs.sendMessage(tab!.id!, { type: 'command/show-card' });
      });
      return;
    } catch (error) {
      // The content script is not listening yet.
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function selectText(page: Page, id: string, text: string): Promise<void> {
  await page.evaluate(
    ([elId, name]) => {
      const t = document.getElementById(elId)?.firstChild as Text;
      const i = t.data.indexOf(name);
      const selection = getSelection()!;
      selection.removeAllRanges();
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + name.length);
      selection.addRange(r);
    },
    [id, text] as const,
  );
}

/** A fresh page at `path`, in front (the shortcut goes to the active tab), and a CDP session on it for its accessibility tree. */
async function openInFront(path: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await shared.session.context.newPage();
  await page.goto(shared.server.url(path));
  await page.bringToFront();
  return { page, cdp: await shared.session.context.newCDPSession(page) };
}

/** Runs in the page: the name the keyboard's card is marked on, as "parent id:text" ('' for none). */
function currentName(): string {
  const ranges = [...(CSS.highlights.get('newscontext-current') ?? [])];
  return ranges.map((r) => `${r.startContainer.parentElement?.id ?? ''}:${String(r.startContainer.nodeValue).slice(r.startOffset, r.endOffset)}`).join(' ');
}

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.localName ?? null);

describe('hover card in Chromium', () => {
  it('stays open on the way into it, opens an article, shows all, and closes when left', async () => {
    const page = await shared.session.context.newPage();
    await page.goto(shared.server.url('/content/en.html'));
    await page.waitForFunction(countHighlights);
    const cdp = await shared.session.context.newCDPSession(page);

    // Only after the hover-intent delay.
    const start = await hoverName(page, 'p1', 'Ilham Aliyev');
    await page.waitForTimeout(120);
    expect(await findNode(cdp, 'dialog', 'NewsContext: Ilham Aliyev')).toBeNull();
    const title = await waitForNode(cdp, 'button', 'Putin mengakui pertahanan udara Rusia');

    // The pointer travels from the name into the card: the card stays.
    for (let i = 1; i <= 8; i++) await page.mouse.move(start.x + ((title.x - start.x) * i) / 8, start.y + ((title.y - start.y) * i) / 8);
    await page.waitForTimeout(600);
    expect(await findNode(cdp, 'dialog', 'NewsContext: Ilham Aliyev')).not.toBeNull();

    // Clicking an article opens it in the extension's article page.
    const article = await nextPage(shared.session.context, () => page.mouse.click(title.x, title.y));
    expect(article.url()).toBe(`chrome-extension://${shared.session.extensionId}/article.html?id=000_4031a0fc8753c09b`);
    await expect(article.locator('h1').textContent()).resolves.toBe(
      'Putin mengakui pertahanan udara Rusia menembak jatuh pesawat Azerbaijan, menewaskan 38 orang',
    );
    await article.close();

    // "Show all" opens the entity page: every article naming Putin, on its timeline.
    await page.bringToFront();
    await page.mouse.move(10, 10);
    await page.waitForTimeout(400);
    await hoverName(page, 'p2', 'Putin');
    const showAll = await waitForNode(cdp, 'button', 'Show all 5');
    const entityPage = await nextPage(shared.session.context, () => page.mouse.click(showAll.x, showAll.y));
    expect(entityPage.url()).toBe(`chrome-extension://${shared.session.extensionId}/entity.html?id=putin`);
    await entityPage.waitForSelector('[data-timeline-article]');
    expect(await entityPage.$$eval('[data-timeline-article]', (els) => els.length)).toBe(5);
    await entityPage.close();

    // Moving away closes it.
    await page.bringToFront();
    await hoverName(page, 'p2', 'Moscow');
    await waitForNode(cdp, 'dialog', 'NewsContext: Moscow');
    await page.mouse.move(5, 700);
    await page.waitForTimeout(800);
    expect(await findNode(cdp, 'dialog', 'NewsContext: Moscow')).toBeNull();
    await cdp.detach();
    await page.close();
  });

  it('opens from the keyboard shortcut: the selected name, then the next names on screen, with the focus in it', async () => {
    const { page, cdp } = await openInFront('/content/en.html');
    await page.waitForFunction(countHighlights);

    // The selected name ("Baku", at the end of p2), focus in the card.
    await selectText(page, 'p2', 'Baku.');
    await pressShortcut();
    await waitForNode(cdp, 'dialog', 'NewsContext: Baku');
    expect(await focusedTag(page)).toBe('newscontext-ui');
    // The name is marked on the page, apart from the other names.
    expect(await page.evaluate(currentName)).toBe('p2:Baku');

    // Tab reaches the card's first article, Enter opens it.
    await waitForNode(cdp, 'button', '');
    await page.keyboard.press('Tab');
    const article = await nextPage(shared.session.context, () => page.keyboard.press('Enter'));
    expect(article.url()).toMatch(new RegExp(`^chrome-extension://${shared.session.extensionId}/article\\.html\\?id=`));
    await article.close();
    await page.bringToFront();

    // Escape closes it and gives the focus back to the page.
    await page.keyboard.press('Escape');
    await expect.poll(() => findNode(cdp, 'dialog', 'NewsContext: Baku')).toBeNull();
    expect(await focusedTag(page)).toBe('body');
    expect(await page.evaluate(currentName)).toBe('');
    expect(await page.evaluate(() => CSS.highlights.has('newscontext-current'))).toBe(false);

    // No selection: the first name on screen (the headline's Putin), then the next one, and so on.
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await pressShortcut();
    await waitForNode(cdp, 'dialog', 'NewsContext: Vladimir Putin');
    await pressShortcut();
    await waitForNode(cdp, 'dialog', 'NewsContext: Russia');
    expect(await page.evaluate(currentName)).toBe(':Russian');
    expect(await findNode(cdp, 'dialog', 'NewsContext: Vladimir Putin')).toBeNull();

    // A card the keyboard opened stays while the pointer wanders, and closes when the focus goes back to the page.
    await page.mouse.move(5, 700);
    await page.waitForTimeout(800);
    expect(await findNode(cdp, 'dialog', 'NewsContext: Russia')).not.toBeNull();
    await page.focus('#field');
    await expect.poll(() => findNode(cdp, 'dialog', 'NewsContext: Russia')).toBeNull();

    // Or when Tab goes on past its last button.
    await selectText(page, 'p2', 'Baku.');
    await pressShortcut();
    await waitForNode(cdp, 'dialog', 'NewsContext: Baku');
    let tabs = 0;
    while ((await findNode(cdp, 'dialog', 'NewsContext: Baku')) !== null && tabs < 8) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await findNode(cdp, 'dialog', 'NewsContext: Baku')).toBeNull();
    expect(tabs).toBeGreaterThan(1);
    await cdp.detach();
    await page.close();
  });

  it('steps through a right-to-left line in the order of its text, from the right', async () => {
    const { page, cdp } = await openInFront('/content/en.html');
    await page.waitForFunction(countHighlights);
    // An Arabic line naming three people and places in Latin letters, above the headline.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'rtl';
      p.dir = 'rtl';
      p.lang = 'ar';
      p.textContent = 'التقى Putin بالرئيس Erdoğan في Baku اليوم';
      document.querySelector('article')!.prepend(p);
    });
    await page.waitForFunction(() => [...(CSS.highlights.get('newscontext-place') ?? [])].some((r) => r.startContainer.parentElement?.id === 'rtl'));
    // Baku is leftmost on screen, and read last.
    const lefts = await page.evaluate(() => {
      const t = document.getElementById('rtl')!.firstChild as Text;
      return ['Putin', 'Erdoğan', 'Baku'].map((name) => {
        const r = document.createRange();
        r.setStart(t, t.data.indexOf(name));
        r.setEnd(t, t.data.indexOf(name) + name.length);
        return r.getBoundingClientRect().left;
      });
    });
    expect(lefts[2]).toBeLessThan(lefts[1]!);
    expect(lefts[1]).toBeLessThan(lefts[0]!);
    for (const name of ['Vladimir Putin', 'Recep Tayyip Erdoğan', 'Baku']) {
      await pressShortcut();
      await waitForNode(cdp, 'dialog', `NewsContext: ${name}`);
    }
    expect(await page.evaluate(currentName)).toBe('rtl:Baku');
    await cdp.detach();
    await page.close();
  });

  it('says so when the shortcut finds no name on screen', async () => {
    const { page, cdp } = await openInFront('/content/no-names.html');
    await pressShortcut();
    await waitForNode(cdp, 'dialog', 'NewsContext');
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    expect(nodes.some((n) => String(n.name?.value ?? '').startsWith('No name is highlighted on screen'))).toBe(true);
    expect(await focusedTag(page)).toBe('newscontext-ui');
    await page.keyboard.press('Escape');
    await expect.poll(() => findNode(cdp, 'dialog', 'NewsContext')).toBeNull();
    await cdp.detach();
    await page.close();
  });
});
