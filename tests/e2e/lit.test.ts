/// <reference types="chrome" />
// What is lit, live: the setting that lights every known name reaches an open
// tab at once, without a reload, and so does turning it off (src/core/lit.ts,
// src/shared/lit-gazetteer.ts). Chromium, where a test can write the
// extension's settings from its service worker.
import { describe, expect, it } from 'vitest';
import { useChromiumWithServer } from './harness/chromium-with-server';
import { probeHighlights } from './harness/page-probes';

const shared = useChromiumWithServer();

const setLightAll = (on: boolean) =>
  shared.session.worker.evaluate(async (lightAll) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings ?? {}), lightAll } });
  }, on);

describe('lighting every known name', () => {
  it('is off by default, and turns on and off on an open tab without a reload', async () => {
    const page = await shared.session.context.newPage();
    await page.goto(shared.server.url('/content/unlit.html'));
    const names = async () => Object.values((await page.evaluate(probeHighlights)).texts).flat().sort();
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('newscontext-')));
    await expect.poll(names).toEqual(['Putin']);

    await setLightAll(true);
    await expect.poll(names, { timeout: 2000 }).toEqual(expect.arrayContaining(['Putin', 'Sochi', 'Sochi', 'Syria']));

    await setLightAll(false);
    await expect.poll(names, { timeout: 2000 }).toEqual(['Putin']);
    await page.close();
  });

  it('is the popup\'s switch, off by default', async () => {
    const page = await shared.session.context.newPage();
    await page.goto(shared.server.url('/content/unlit.html'));
    const names = async () => Object.values((await page.evaluate(probeHighlights)).texts).flat().sort();
    await expect.poll(names).toEqual(['Putin']);
    const popup = await shared.session.context.newPage();
    await popup.goto(`chrome-extension://${shared.session.extensionId}/popup.html?view=tab`);
    const toggle = popup.locator('input[data-setting="light-all"]');
    await expect(toggle.isChecked()).resolves.toBe(false);
    await popup.click('label.toggle:has([data-setting="light-all"])');
    await expect.poll(names, { timeout: 2000 }).toEqual(expect.arrayContaining(['Putin', 'Sochi', 'Syria']));
    await popup.click('label.toggle:has([data-setting="light-all"])');
    await expect.poll(names, { timeout: 2000 }).toEqual(['Putin']);
    await popup.close();
    await page.close();
  });
});
