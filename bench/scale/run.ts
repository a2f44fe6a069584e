// The library at scale, in the browsers, with the built extension: 10,000
// saved articles put in the way a reader's come (an export file imported on
// the library page: read and checked in its worker, staged, written in one
// transaction, profiled and indexed), then, in Chromium, the service worker
// stopped and timed until the library answers (cold.ts), and its heap; in
// both browsers, searches from an extension page with the library warm, and
// saving one more article until search finds it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_TAIL, exportArticles, exportHead } from '../../src/core/saved-export';
import type { LibraryMatcher } from '../../src/core/library';
import { extensionDriver, type DrivenPage, type ExtensionDriver } from '../../tests/e2e/harness/extension-pages';
import { countHighlights } from '../../tests/e2e/harness/page-probes';
import { startServer } from '../../tests/e2e/harness/server';
import type { BrowserName } from '../browsers';
import type { Corpus } from '../corpus';
import { articlePage, savedRecords } from '../save';
import { knownItemQueries } from '../search/known-item';
import { generateQueries } from '../search/library-gen';
import { coldCard, coldRelated, coldSearch, workerHeap, stopWorker, type ColdContext, type WorkerHeap } from './cold';
import { importState, saveUntilFound, SEEN_SCRIPT, snapshotState, timeSearches } from './page-fns';

export interface ScaleOptions {
  articles: number;
  browsers: BrowserName[];
  /** Cold starts of each kind (Chromium). */
  coldRuns: number;
  saveRuns: number;
  /** Queries of the warm search timing. */
  queries: number;
}

export interface ScaleResult {
  browser: BrowserName;
  version?: string;
  articles: number;
  /** The file chosen until the page says it is done (ms), and the time spent in each phase the page showed. */
  importMs: number;
  importPhases: Record<string, number>;
  importStatus: string;
  /** From the import done until the store's snapshots hold every article (ms). */
  snapshotMs: number;
  cold?: { related: number[]; card: number[]; search: number[] };
  heap?: { idle: WorkerHeap; ready: WorkerHeap };
  /** Warm searches from an extension page, each message's round trip with its snippets (ms). */
  warmSearch: number[];
  saves: { saveMs: number[]; totalMs: number[] };
  notes: string[];
}

/** Bundled articles in library.json: the full-text index holds them beside the saved ones. */
const BUNDLED = 5;

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${what} in vain`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function importFile(library: DrivenPage, path: string, result: ScaleResult, log: (l: string) => void): Promise<void> {
  const started = Date.now();
  let phase = 'choosing';
  let since = started;
  await library.setFiles('input[type="file"][data-action="import"]', path);
  for (;;) {
    const s = await library.evaluate(importState);
    const now = Date.now();
    const current = s.status === 'busy' ? (s.phase ?? 'busy') : s.status;
    if (current !== phase) {
      result.importPhases[phase] = (result.importPhases[phase] ?? 0) + now - since;
      log(`${result.browser}: import ${current} (${s.text})`);
      phase = current;
      since = now;
    }
    if (s.status === 'done' || s.status === 'error' || s.status === 'cancelled') {
      result.importMs = now - started;
      result.importStatus = s.text;
      return;
    }
    if (now - started > 600_000) throw new Error('the import took more than ten minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Until the library is at rest, as a reader's is a few seconds after a
 * change: the snapshots the last change scheduled (library-store.ts: the
 * catalog a second after it, the full-text index five) written.
 */
async function untilAtRest(control: DrivenPage): Promise<void> {
  await until('the snapshots of the last change', 60_000, async () => {
    const s = await control.evaluate(snapshotState);
    return s.catalogGeneration === s.generation && s.fullTextDocs >= s.catalogEntries + BUNDLED ? s : undefined;
  });
}

/** Each save is one more article on a library at rest, not one packed in the middle of the snapshots of the save before. */
async function measureSaves(driver: ExtensionDriver, control: DrivenPage, corpus: Corpus, virtual: Map<string, string>, origin: string, opts: ScaleOptions, result: ScaleResult): Promise<void> {
  for (let run = 0; run < opts.saveRuns; run++) {
    await untilAtRest(control);
    const { html, token } = articlePage(corpus, 1500, 100 + run);
    const path = `/scale/save-${result.browser}-${run}.html`;
    virtual.set(path, html);
    const page = await driver.web(path);
    try {
      const tabId = await driver.tabId(origin + path);
      const t = await control.evaluate(saveUntilFound, [tabId, token] as const);
      if (t.status !== 'saved' || !t.found) result.notes.push(`save ${run + 1}: the save said "${t.status}"${t.found ? '' : ' and search did not find the article'}`);
      else {
        result.saves.saveMs.push(t.save);
        result.saves.totalMs.push(t.total);
      }
    } finally {
      await page.close().catch(() => undefined);
    }
  }
}

async function measureCold(driver: ExtensionDriver, corpus: Corpus, virtual: Map<string, string>, origin: string, query: string, opts: ScaleOptions, result: ScaleResult, log: (l: string) => void): Promise<void> {
  const session = driver.chromium!;
  const { context, extensionId } = session;
  const { html } = articlePage(corpus, 600, 7);
  virtual.set('/scale/news.html', html);
  const news = await context.newPage();
  await news.goto(origin + '/scale/news.html');
  await news.waitForFunction(countHighlights, undefined, { timeout: 30_000 });
  const control = await driver.page('popup.html?view=tab');
  const tabId = await driver.tabId(origin + '/scale/news.html');
  const c: ColdContext = { context, extensionId, news, tabId, query };
  const cold = { related: [] as number[], card: [] as number[], search: [] as number[] };
  const kinds = [
    ['related', coldRelated],
    ['card', coldCard],
    ['search', coldSearch],
  ] as const;
  for (let run = 0; run < opts.coldRuns; run++) {
    // Each run in another order: a kind measured right after another pays no other's leftovers.
    for (let k = 0; k < kinds.length; k++) {
      const [kind, measure] = kinds[(k + run) % kinds.length]!;
      try {
        cold[kind].push(await measure(c));
      } catch (e) {
        result.notes.push(`cold ${kind}, run ${run + 1}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    log(`chromium: cold start ${run + 1}/${opts.coldRuns}: related ${cold.related.at(-1)?.toFixed(0)} ms, card ${cold.card.at(-1)?.toFixed(0)} ms, search ${cold.search.at(-1)?.toFixed(0)} ms`);
  }
  result.cold = cold;
  // The heap: the worker started by a message that needs no library, then with the library ready.
  await stopWorker(context, news, extensionId);
  await driver.call('tab/state', { tabId });
  const idle = await workerHeap(context, news, extensionId);
  await driver.call('search', { query, limit: 20 });
  await new Promise((r) => setTimeout(r, 500));
  const ready = await workerHeap(context, news, extensionId);
  result.heap = { idle, ready };
  await control.close();
  await news.close();
}

export async function runScaleBench(opts: ScaleOptions, corpus: Corpus, matcher: LibraryMatcher, log: (line: string) => void): Promise<ScaleResult[]> {
  const records = savedRecords(corpus, opts.articles);
  const dir = mkdtempSync(join(tmpdir(), 'newscontext-scale-'));
  const file = join(dir, 'newscontext-export.json');
  writeFileSync(file, exportHead(new Date(Date.UTC(2025, 0, 1))) + exportArticles(records, true) + EXPORT_TAIL);
  const query = knownItemQueries(records, matcher, 40).find((q) => q.kind === 'words')?.query ?? 'Putin';
  const queries = generateQueries(corpus, records, opts.queries, 41);
  const virtual = new Map<string, string>();
  const server = await startServer(virtual);
  const results: ScaleResult[] = [];
  try {
    for (const browser of opts.browsers) {
      const result: ScaleResult = { browser, articles: records.length, importMs: NaN, importPhases: {}, importStatus: '', snapshotMs: NaN, warmSearch: [], saves: { saveMs: [], totalMs: [] }, notes: [] };
      log(`${browser}: importing ${records.length.toLocaleString('en-US')} articles from an export file`);
      const driver = await extensionDriver(browser, server);
      try {
        await driver.chromium?.context.addInitScript({ content: SEEN_SCRIPT });
        const library = await driver.page('library.html');
        await importFile(library, file, result, log);
        const done = Date.now();
        await until('the snapshots', 300_000, async () => {
          const s = await library.evaluate(snapshotState);
          return s.catalogEntries >= records.length && s.catalogGeneration === s.generation && s.fullTextDocs >= records.length + BUNDLED ? s : undefined;
        });
        result.snapshotMs = Date.now() - done;
        log(`${browser}: imported in ${(result.importMs / 1000).toFixed(1)} s; snapshots written ${(result.snapshotMs / 1000).toFixed(1)} s later`);
        await library.close();
        const control = await driver.page('popup.html?view=tab');
        await control.evaluate(timeSearches, queries.slice(0, 10));
        result.warmSearch = await control.evaluate(timeSearches, queries);
        await measureSaves(driver, control, corpus, virtual, server.origin, opts, result);
        log(`${browser}: warm search and ${result.saves.totalMs.length} saves measured`);
        // A worker stopped as an idle one is, 30 s after the reader's last save, not in the second after it.
        await untilAtRest(control);
        await control.close();
        if (browser === 'chromium') await measureCold(driver, corpus, virtual, server.origin, query, opts, result, log);
      } catch (e) {
        result.notes.push((e as Error).message.split('\n')[0]!);
        log(`${browser}: failed: ${(e as Error).message}`);
      } finally {
        await driver.close().catch(() => undefined);
      }
      results.push(result);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
