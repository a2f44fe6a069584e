// The content script's start on a small page, with the whole knowledge base
// and 100 followed names (issue "Names that grow with the library"): from the
// script's start to its matcher ready, read from its User Timing marks
// (newscontext-script-start, newscontext-matcher-ready: src/content/index.ts)
// on the page's timeline, which the content script shares. Between the two:
// taking the lit gazetteer from storage (its read begun at document_start by
// content-start.js; newscontext-gazetteer-read once in hand), a sample of the
// page's text for its language, and making the (lazy) matcher. The names are
// followed as followed.ts follows them, in a browser driven as the end-to-end
// tests drive it (tests/e2e/harness/extension-pages.ts).
import { extensionDriver } from '../tests/e2e/harness/extension-pages';
import type { EngineName } from '../tests/e2e/harness/adapters';
import { startServer } from '../tests/e2e/harness/server';
import { followNames } from './followed';
import { median } from './stats';

export interface StartupResult {
  browser: EngineName;
  /** Script start to matcher ready, per load, in ms. */
  loadsMs: number[];
  medianMs: number;
  /** Script start to the lit gazetteer in hand, median; absent from results saved before it was measured. */
  readMedianMs?: number;
  /** Entities in the lit gazetteer the matcher was made from: the library's and the followed. */
  litEntities: number;
  followed: number;
}

/** The small page: one short English article (tests/fixtures/content/en.html). */
const PAGE = '/content/en.html';

/** Reads, in the page, how long the script took to the gazetteer and to its matcher; null until the marks are there. */
function readMarks(): { readMs: number; readyMs: number } | null {
  const start = performance.getEntriesByName('newscontext-script-start')[0];
  const read = performance.getEntriesByName('newscontext-gazetteer-read')[0];
  const ready = performance.getEntriesByName('newscontext-matcher-ready')[0];
  return start && read && ready ? { readMs: read.startTime - start.startTime, readyMs: ready.startTime - start.startTime } : null;
}

export async function benchStartup(engine: EngineName, follow: readonly string[], loads: number): Promise<StartupResult> {
  const server = await startServer();
  const driver = await extensionDriver(engine, server);
  try {
    const litEntities = (await followNames(driver.call, follow)).entities.length;
    const loadsMs: number[] = [];
    const readsMs: number[] = [];
    // The first loads warm the browser (its storage, the extension's start), and are not counted.
    for (let i = 0; i < loads + 2; i++) {
      const page = await driver.web(PAGE);
      let marks: ReturnType<typeof readMarks> = null;
      const until = Date.now() + 10_000;
      while (marks === null && Date.now() < until) {
        marks = await page.evaluate(readMarks);
        if (marks === null) await new Promise((r) => setTimeout(r, 20));
      }
      await page.close();
      if (marks === null) throw new Error(`startup: no gazetteer-read or matcher-ready mark on ${PAGE}`);
      if (i >= 2) {
        loadsMs.push(marks.readyMs);
        readsMs.push(marks.readMs);
      }
    }
    return { browser: engine, loadsMs, medianMs: median(loadsMs), readMedianMs: median(readsMs), litEntities, followed: follow.length };
  } finally {
    await driver.close();
    await server.close();
  }
}
