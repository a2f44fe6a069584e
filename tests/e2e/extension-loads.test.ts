/// <reference types="chrome" />
// Issue 2's promise: both built folders load in their browsers, the content
// script runs on a page, and the background answers it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './harness/browsers';
import { countHighlights, probeHighlights } from './harness/page-probes';
import { DIST_CHROME, DIST_FIREFOX } from './harness/paths';
import { startServer, type FixtureServer } from './harness/server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('built manifests', () => {
  const chrome = JSON.parse(readFileSync(resolve(DIST_CHROME, 'manifest.json'), 'utf8'));
  const firefox = JSON.parse(readFileSync(resolve(DIST_FIREFOX, 'manifest.json'), 'utf8'));

  it('gives Chrome a service worker only, and no Gecko settings', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('gives Firefox background scripts only, a Gecko id and no data collection', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('asks for storage, scripting, the context menu and (in Chrome) the side panel, and host access only where its content script already runs', () => {
    expect(chrome.permissions).toEqual(['storage', 'scripting', 'contextMenus', 'sidePanel']);
    expect(firefox.permissions).toEqual(['storage', 'scripting', 'contextMenus']);
    for (const m of [chrome, firefox]) {
      // Chrome does not count content-script matches for scripting.executeScript (README, Permissions).
      expect(m.host_permissions).toEqual(['<all_urls>']);
      for (const script of m.content_scripts) expect(script.matches).toEqual(m.host_permissions);
    }
  });

  it('runs content-start.js at document_start, before content.js at document_idle, in every frame', () => {
    for (const m of [chrome, firefox]) {
      const scripts = m.content_scripts.map((s: { js: string[]; run_at: string; all_frames: boolean }) => [s.js, s.run_at, s.all_frames]);
      expect(scripts).toEqual([
        [['content-start.js'], 'document_start', true],
        [['content.js'], 'document_idle', true],
      ]);
    }
  });

  it('starts the popup and the side panel with popup-wake.js, before their modules', () => {
    for (const page of ['popup.html', 'sidepanel.html']) {
      const scripts = [...readFileSync(resolve(DIST_CHROME, page), 'utf8').matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts[0], page).toBe('<script src="./popup-wake.js"></script>'.replace('</script>', ''));
      expect(scripts.slice(1).every((tag) => /type="module"/.test(tag)), page).toBe(true);
    }
  });

  it("gives each browser its own side panel key: Chrome's side_panel, Firefox's sidebar_action", () => {
    expect(chrome.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(chrome.sidebar_action).toBeUndefined();
    expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(firefox.side_panel).toBeUndefined();
  });

  it('ships the content scripts, the background and popup-wake.js as classic scripts with no import', () => {
    // An import or export statement (a method named import, as the library's, is none).
    const statement = /\bimport\s*(?:[{*][^;]*?from\s*|\w+\s+from\s*)?["'`]|\bexport\s*[{*]/;
    for (const file of ['content.js', 'content-start.js', 'background.js', 'popup-wake.js']) {
      expect(readFileSync(resolve(DIST_CHROME, file), 'utf8'), file).not.toMatch(statement);
    }
    expect(readFileSync(resolve(DIST_CHROME, 'popup.js'), 'utf8'), 'a module page, for comparison').toMatch(statement);
  });
});

describe('Chromium loads dist/chrome', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs the content script on a page and the background keeps what it reported', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('/smoke.html'));
    await page.waitForFunction(countHighlights, undefined, { timeout: 15_000 });
    const probe = await page.evaluate(probeHighlights);
    expect(probe.texts.person).toEqual(expect.arrayContaining(['Recep Tayyip Erdoğan', 'Vladimir Putin', 'Putin']));
    expect(probe.texts.place).toEqual(expect.arrayContaining(['Baku']));
    expect(Object.values(probe.texts).flat()).not.toContain('turkey');

    // The background stored the tab's entities and shows their count on the badge.
    const seen = async (url: string) =>
      session.worker.evaluate(async (pageUrl) => {
        const all = await chrome.storage.session.get(null);
        for (const [key, value] of Object.entries(all)) {
          const state = value as { url: string; frames: Record<string, Array<{ id: string; count: number }>> };
          if (!key.startsWith('tab:') || state.url !== pageUrl) continue;
          const tabId = Number(key.slice(4));
          const entities = Object.values(state.frames).flat();
          const ids = entities.map((e) => e.id);
          const named = entities.filter((e) => e.count > 0).length;
          return { ids, named, badge: await chrome.action.getBadgeText({ tabId }) };
        }
        return null;
      }, url);
    await expect.poll(() => seen(page.url()), { timeout: 10_000 }).not.toBeNull();
    const stored = await seen(page.url());
    expect(stored?.ids).toEqual(expect.arrayContaining(['erdogan', 'putin', 'kremlin', 'nato', 'baku', 'aliyev']));
    // "Turkish" is a demonym: Turkey is on the page, but the badge counts names only.
    expect(stored?.ids).toContain('turkey');
    expect(stored?.badge).toBe(String(stored?.named));
    expect(stored?.named).toBe(7);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Firefox loads dist/firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs the content script on a page', async () => {
    const page = await session.browser.newPage();
    await page.goto(server.url('/smoke.html'));
    await page.waitForFunction(countHighlights, { timeout: 15_000 });
    const probe = await page.evaluate(probeHighlights);
    expect(probe.texts.person).toEqual(expect.arrayContaining(['Recep Tayyip Erdoğan', 'Vladimir Putin']));
    expect(Object.values(probe.texts).flat()).not.toContain('turkey');
    await page.close();
  });
});
