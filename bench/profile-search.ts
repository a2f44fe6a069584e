// Investigation, not part of npm run bench: where query time goes at library
// scale, and what MiniSearch's own index, which the library used before
// src/core/search-index.ts, costs on the same articles and queries. Usage:
//   node --import tsx bench/profile-search.ts [articles]
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { loadGazetteer } from '../src/build/gazetteer';
import { buildLibrary } from '../src/core/library';
import { createMatcher } from '../src/core/matcher';
import { processTerm, tokenize } from '../src/core/search-options';
import { createCorpus } from './corpus';
import { generateArticles, generateQueries } from './library-gen';
import { ms, percentile } from './stats';

const size = Number(process.argv[2] ?? 10_000);
const matcher = createMatcher(loadGazetteer());
const corpus = createCorpus(matcher);
const articles = generateArticles(corpus, size);
let t = performance.now();
const library = buildLibrary(articles, matcher);
console.log(`${size} articles built in ${ms(performance.now() - t)}`);
const queries = generateQueries(corpus, articles, 200);

/** Single runs, as npm run bench times them, or the median of `runs` (the steady state, without GC pauses). */
function latencies(label: string, run: (q: string) => unknown, runs = 1): void {
  for (const q of queries.slice(0, 20)) run(q);
  const times: Array<[number, string]> = [];
  for (const q of queries) {
    const each: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      run(q);
      each.push(performance.now() - t0);
    }
    times.push([percentile(each, 50), q]);
  }
  const v = times.map((x) => x[0]);
  const slow = times.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([d, q]) => `"${q}" ${ms(d)}`);
  console.log(`${label.padEnd(52)} p50 ${ms(percentile(v, 50)).padStart(8)}  p95 ${ms(percentile(v, 95)).padStart(8)}  slowest: ${slow.join(', ')}`);
}

latencies('library.search, single runs', (q) => library.search(q, { limit: 20 }));
latencies('library.search, median of 15 runs', (q) => library.search(q, { limit: 20 }), 15);

// MiniSearch as the library used it (library version 1): the same text fields,
// plus every name of every entity an article mentions in a field of its own.
interface MiniDocument {
  id: string;
  title: string;
  lead: string;
  body: string;
  entityNames: string;
}
const docs: MiniDocument[] = library.articles().map((a) => {
  const names: string[] = [];
  for (const id of Object.keys(a.entities)) {
    const e = matcher.entity(id);
    if (e) names.push(e.name, ...e.aliases, ...(e.weak ?? []));
  }
  return { id: a.id, title: a.title, lead: a.lead, body: a.paragraphs.join('\n'), entityNames: names.join('\n') };
});
const searchOptions: SearchOptions = {
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 3, entityNames: 2, lead: 1.5 },
  combineWith: 'AND',
};
const options: Options<MiniDocument> = {
  fields: ['title', 'lead', 'body', 'entityNames'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions,
};
t = performance.now();
const mini = new MiniSearch<MiniDocument>(options);
mini.addAll(docs);
console.log(`MiniSearch.addAll: ${ms(performance.now() - t)}`);
const variants: Array<[string, SearchOptions]> = [
  ['MiniSearch, as library version 1 searched', {}],
  ['MiniSearch, exact words only', { prefix: false, fuzzy: false }],
  ['MiniSearch, exact words only, without entityNames', { prefix: false, fuzzy: false, fields: ['title', 'lead', 'body'] }],
];
for (const [label, opts] of variants) latencies(label, (q) => mini.search(q, opts));
