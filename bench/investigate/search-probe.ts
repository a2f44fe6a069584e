// Where search time goes, query by query: a generated library of N articles
// built, its index packed and loaded as the background loads it, then the
// query mix timed once cold (as npm run bench times it) and each query at its
// best of five, the slowest listed with how the query was shaped (names in
// brackets, * the word matched as a prefix).
//   node --expose-gc --max-old-space-size=8000 --import tsx bench/investigate/search-probe.ts [articles]
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { buildLibrary, emptyLibrary } from '../../src/core/library';
import { FullText } from '../../src/core/full-text';
import { createMatcher } from '../../src/core/matcher';
import { shapeQuery } from '../../src/core/query';
import { createCorpus } from '../corpus';
import { generateArticles, generateQueries } from '../search/library-gen';

const size = Number(process.argv[2] ?? 1000);
const matcher = createMatcher(loadKnowledgeBase());
const corpus = createCorpus(matcher);
const articles = generateArticles(corpus, size);
let built: ReturnType<typeof buildLibrary> | undefined = buildLibrary(articles, matcher);
const stored = structuredClone({ entries: built.articles(), packed: built.fullText!.pack() });
built = undefined;
const lib = emptyLibrary(matcher);
for (const e of stored.entries) lib.put(e);
lib.attach(FullText.load(stored.packed));
(globalThis as { gc?: () => void }).gc?.();
{
  const once: number[] = [];
  for (const q of generateQueries(corpus, articles, 400, 99)) { const t = performance.now(); lib.search(q, { limit: 20 }); once.push(performance.now() - t); }
  once.sort((a, b) => a - b);
  console.log('single pass, cold: p50', once[200]!.toFixed(2), 'p95', once[380]!.toFixed(2));
}
const queries = generateQueries(corpus, articles, 400);
for (let r = 0; r < 2; r++) for (const q of queries) lib.search(q, { limit: 20 });
const times: Array<[string, number, number]> = [];
for (const q of queries) {
  let best = Infinity;
  let n = 0;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    n = lib.search(q, { limit: 20 }).length;
    best = Math.min(best, performance.now() - t);
  }
  times.push([q, best, n]);
}
const sorted = times.map((x) => x[1]).sort((a, b) => a - b);
console.log('p50', sorted[200]!.toFixed(2), 'p95', sorted[380]!.toFixed(2));
times.sort((a, b) => b[1] - a[1]);
for (const [q, ms, n] of times.slice(0, 30)) {
  const plan = shapeQuery(q, (t) => matcher.find(t));
  console.log(ms.toFixed(2).padStart(7), String(n).padStart(3), JSON.stringify(q), plan.words.map((w) => (w.entities.length ? `[${w.entities}]` : w.terms[0] + (w.prefix ? '*' : ''))).join(' '));
}
