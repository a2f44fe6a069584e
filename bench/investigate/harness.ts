// What the investigation scripts beside this file share: a generated page
// served locally, and a browser with a build of ours (NC_FOLLOWED=N: with N
// names followed).
import { resolve } from 'node:path';
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { litGazetteerOfBuild } from '../lit-gazetteer';
import { createMatcher } from '../../src/core/matcher';
import type { CompiledGazetteer } from '../../src/core/types';
import { launchBenchChromium, launchBenchFirefox, type BenchBrowser, type BenchPage, type BrowserName } from '../browsers';
import { initScripts } from '../bundle';
import { createCorpus } from '../corpus';
import { generatePage } from '../pages';
import { startBenchServer } from '../server';
import { readFileSync } from 'node:fs';
import { callFrom } from '../../tests/e2e/harness/extension-pages';
import { followNames, namesToFollow } from '../followed';
import type { ExtensionDriver } from '../../tests/e2e/harness/extension-pages';
import type { Corpus } from '../corpus';
import { savedRecords } from '../save';

export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/**
 * A generated page of `paragraphs` paragraphs (bench/pages.ts), served from
 * 127.0.0.1. `flat`: without its sections and lists, all paragraphs siblings
 * in one container (the painter's windows, block-window.ts).
 */
export async function serveGeneratedPage(paragraphs: number, gazetteer: CompiledGazetteer = litGazetteerOfBuild(loadKnowledgeBase(), resolve(DIST, 'chrome')), flat = false): Promise<ServedPage> {
  const corpus = createCorpus(createMatcher(gazetteer));
  const server = await startBenchServer();
  let html = generatePage(corpus, paragraphs);
  if (flat) html = html.replace(/<\/?(?:section|ul|ol)>/g, '');
  return { url: server.add('page', html), close: () => server.close() };
}

/** The build `npm run build` writes: chrome/ and firefox/. */
const DIST = resolve(import.meta.dirname, '../../dist');

/**
 * A browser with the build of ours in dist/ loaded, and the poller that times
 * its scans; NC_FOLLOWED=N follows N names first, as npm run bench does (its
 * --followed).
 */
export async function launchOurs(name: BrowserName): Promise<BenchBrowser> {
  const opts = { extensionDir: resolve(DIST, name === 'chromium' ? 'chrome' : 'firefox'), hasWorker: true, initScript: initScripts() };
  const browser = await (name === 'chromium' ? launchBenchChromium(opts) : launchBenchFirefox(opts));
  const followed = Number(process.env.NC_FOLLOWED ?? 0);
  if (followed > 0) {
    const ids = namesToFollow(JSON.parse(readFileSync(resolve(DIST, 'chrome/library.json'), 'utf8')), followed);
    const server = await startBenchServer();
    const control = await browser.control!(server.add('follow-control', readFileSync(resolve(DIST, '../tests/fixtures/content/en.html'), 'utf8')));
    try {
      await followNames((type, payload) => callFrom(control, type, payload), ids);
    } finally {
      await control.close();
      await server.close();
    }
  }
  return browser;
}

/**
 * One fresh load of a generated page in Chromium with ours, profiled: `start`
 * runs just before it, `stop` once its scan is over, on the same page. A first
 * load puts the page's site in its renderer; the profiled reload stays there,
 * and V8's profilers follow same-site navigations.
 */
export async function profiledScan<T>(paragraphs: number, start: (page: BenchPage) => Promise<void>, stop: (page: BenchPage) => Promise<T>): Promise<T> {
  const { url, close: closeServer } = await serveGeneratedPage(paragraphs);
  const browser = await launchOurs('chromium');
  try {
    const page = await browser.newPage();
    await page.goto(`${url}#warm`, 120_000);
    await start(page);
    await page.goto(`${url}?profiled#nc-bench`, 120_000);
    await page.evaluate('__ncBench.done');
    return await stop(page);
  } finally {
    await browser.close();
    await closeServer();
  }
}

/**
 * Puts `n` generated saved articles into a kept profile's library through the
 * import messages, unless it holds them already; then lets the background
 * load it and write the snapshots a first start after a change makes.
 */
export async function ensureSavedArticles(d: ExtensionDriver, corpus: Corpus, n: number): Promise<void> {
  if (((await d.call('library/status', {})).value as { saved: number }).saved < n) {
    const records = savedRecords(corpus, n);
    const { importId } = (await d.call('library/import-begin', { total: n })).value as { importId: string };
    for (let i = 0; i < n; i += 200) await d.call('library/import-part', { importId, articles: records.slice(i, i + 200) });
    console.log(await d.call('library/import-commit', { importId }));
  }
  await d.call('search', { query: 'warm', limit: 1 });
  await new Promise((r) => setTimeout(r, 12_000));
}
