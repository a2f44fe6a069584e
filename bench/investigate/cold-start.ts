// The cold starts of the library-at-scale benchmark, alone and repeatable:
// a Chromium profile kept in /tmp/nc-prof-<N> with N saved articles (put in
// through the import messages on the first run, then reused), the service
// worker stopped before each measure, and the three timed in turn (the
// popup's related list, a hover card, a search). Rebuild with npm run build;
// delete the profile after a change to the background (Chromium keeps the
// service worker's script of an unpacked extension).
//   npx tsx bench/investigate/cold-start.ts [articles] [runs] [query]
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { createMatcher } from '../../src/core/matcher';
import { chromiumDriver } from '../../tests/e2e/harness/extension-pages';
import { countHighlights } from '../../tests/e2e/harness/page-probes';
import { startServer } from '../../tests/e2e/harness/server';
import { createCorpus } from '../corpus';
import { articlePage } from '../save';
import { ensureSavedArticles } from './harness';
import { coldCard, coldRelated, coldSearch } from '../scale/cold';
import { SEEN_SCRIPT } from '../scale/page-fns';

const N = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
const profile = `/tmp/nc-prof-${N}`;
const matcher = createMatcher(loadKnowledgeBase());
const corpus = createCorpus(matcher);
const virtual = new Map<string, string>();
const server = await startServer(virtual);
const d = await chromiumDriver(server, { profile });
try {
  const { context, extensionId } = d.chromium!;
  await context.addInitScript({ content: SEEN_SCRIPT });
  await ensureSavedArticles(d, corpus, N);
  virtual.set('/news.html', articlePage(corpus, 600, 7).html);
  const news = await context.newPage();
  await news.goto(server.origin + '/news.html');
  await news.waitForFunction(countHighlights);
  const tabId = await d.tabId(server.origin + '/news.html');
  const c = { context, extensionId, news, tabId, query: process.argv[4] ?? 'Putin rusia' };
  for (let run = 0; run < runs; run++) {
    const t = { related: await coldRelated(c), card: await coldCard(c), search: await coldSearch(c) };
    console.log(`run ${run + 1}: related ${t.related.toFixed(0)} ms, card ${t.card.toFixed(0)} ms, search ${t.search.toFixed(0)} ms`);
  }
} finally {
  await d.close();
  await server.close();
}
