// The content script's start on a small page, with the whole knowledge base
// and 100 followed names (issue "Names that grow with the library"): from the
// script's start to its matcher ready, read from its User Timing marks
// (newscontext-script-start, newscontext-matcher-ready: src/content/index.ts)
// on the page's timeline, which the content script shares. Between the two:
// reading the lit gazetteer from storage, a sample of the page's text for its
// language, and making the (lazy) matcher. The names are followed as a reader
// follows them, through the background's own message, in a browser driven as
// the end-to-end tests drive it (tests/e2e/harness/extension-pages.ts).
import { loadKnowledgeBase } from '../src/build/gazetteer';
import { entitiesNamedIn } from '../src/core/lit';
import type { LibraryArticle } from '../src/core/types';
import { extensionDriver } from '../tests/e2e/harness/extension-pages';
import type { EngineName } from '../tests/e2e/harness/adapters';
import { startServer } from '../tests/e2e/harness/server';
import { median } from './stats';

export interface StartupResult {
  browser: EngineName;
  /** Script start to matcher ready, per load, in ms. */
  loadsMs: number[];
  medianMs: number;
  /** Entities in the lit gazetteer the matcher was made from: the library's and the followed. */
  litEntities: number;
  followed: number;
}

/** The small page: one short English article (tests/fixtures/content/en.html). */
const PAGE = '/content/en.html';

/** Reads, in the page, how long the script took to its matcher; null until both marks are there. */
function readMarks(): number | null {
  const start = performance.getEntriesByName('newscontext-script-start')[0];
  const ready = performance.getEntriesByName('newscontext-matcher-ready')[0];
  return start && ready ? ready.startTime - start.startTime : null;
}

/** `count` entities of the knowledge base that no article of the built library names, the same in every run. */
export function namesToFollow(libraryJson: { articles: LibraryArticle[] }, count: number): string[] {
  const named = entitiesNamedIn(libraryJson.articles);
  return loadKnowledgeBase()
    .entities.map((e) => e.id)
    .filter((id) => !named.has(id))
    .sort()
    .slice(0, count);
}

export async function benchStartup(engine: EngineName, follow: readonly string[], loads: number): Promise<StartupResult> {
  const server = await startServer();
  const driver = await extensionDriver(engine, server);
  try {
    for (const id of follow) {
      const reply = await driver.call('entities/edit', { edit: { kind: 'follow', id } });
      if (!reply.ok) throw new Error(`startup: following ${id}: ${reply.error}`);
    }
    // The lit gazetteer of storage has the followed names once the background has published it.
    let litEntities = 0;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const reply = await driver.call('gazetteer', {});
      litEntities = (reply.value as { entities?: unknown[] } | undefined)?.entities?.length ?? 0;
      if (litEntities >= follow.length) break;
      if (Date.now() > deadline) throw new Error(`startup: the lit gazetteer has ${litEntities} entities, not the ${follow.length} followed`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const loadsMs: number[] = [];
    // The first loads warm the browser (its storage, the extension's start), and are not counted.
    for (let i = 0; i < loads + 2; i++) {
      const page = await driver.web(PAGE);
      let ms: number | null = null;
      const until = Date.now() + 10_000;
      while (ms === null && Date.now() < until) {
        ms = await page.evaluate(readMarks);
        if (ms === null) await new Promise((r) => setTimeout(r, 20));
      }
      await page.close();
      if (ms === null) throw new Error(`startup: no matcher-ready mark on ${PAGE}`);
      if (i >= 2) loadsMs.push(ms);
    }
    return { browser: engine, loadsMs, medianMs: median(loadsMs), litEntities, followed: follow.length };
  } finally {
    await driver.close();
    await server.close();
  }
}
