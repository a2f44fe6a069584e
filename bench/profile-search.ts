// Investigation, not part of npm run bench: where query time goes at library
// scale, and what other search options would cost. Usage:
//   node --import tsx bench/profile-search.ts [articles]
import MiniSearch, { type SearchOptions } from 'minisearch';
import { loadGazetteer } from '../src/build/gazetteer';
import { buildLibrary } from '../src/core/library';
import { createMatcher } from '../src/core/matcher';
import { MINISEARCH_OPTIONS, SEARCH_OPTIONS, type IndexDocument } from '../src/core/search-options';
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

const docs: IndexDocument[] = library.articles().map((a) => {
  const names: string[] = [];
  for (const id of Object.keys(a.entities)) {
    const e = matcher.entity(id);
    if (e) names.push(e.name, ...e.aliases, ...(e.weak ?? []));
  }
  return { id: a.id, title: a.title, lead: a.lead, body: a.paragraphs.join('\n'), entityNames: names.join('\n') };
});
const entityTokens = docs.reduce((n, d) => n + d.entityNames.split(/\s+/).length, 0);
const textTokens = docs.reduce((n, d) => n + `${d.title} ${d.lead} ${d.body}`.split(/\s+/).length, 0);
console.log(`tokens: text ${textTokens}, entityNames ${entityTokens} (${((entityTokens / textTokens) * 100).toFixed(0)}% more)`);

t = performance.now();
const mini = new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS);
mini.addAll(docs);
console.log(`MiniSearch.addAll alone: ${ms(performance.now() - t)}`);

function latencies(label: string, run: (q: string) => unknown): void {
  for (const q of queries.slice(0, 20)) run(q);
  const times: Array<[number, string]> = [];
  for (const q of queries) {
    const t0 = performance.now();
    run(q);
    times.push([performance.now() - t0, q]);
  }
  const v = times.map((x) => x[0]);
  const slow = times.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([d, q]) => `"${q}" ${ms(d)}`);
  console.log(`${label.padEnd(58)} p50 ${ms(percentile(v, 50)).padStart(8)}  p95 ${ms(percentile(v, 95)).padStart(8)}  slowest: ${slow.join(', ')}`);
}

const lastOnly = (_t: string, i: number, terms: string[]) => i === terms.length - 1;
const lastLong = (term: string, i: number, terms: string[]) => i === terms.length - 1 && term.length >= 3;
const tuned: SearchOptions = { prefix: lastLong, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 1 };
const variants: Array<[string, SearchOptions]> = [
  ['MiniSearch, SEARCH_OPTIONS as they are', {}],
  ['prefix on the last word only', { prefix: lastOnly }],
  ['fuzzy only for words of 5+ letters, maxFuzzy 1', { fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 1 }],
  ['both', { prefix: lastOnly, fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false), maxFuzzy: 1 }],
  ['no fuzzy, prefix on the last word', { prefix: lastOnly, fuzzy: false }],
  ['no fuzzy, no prefix', { prefix: false, fuzzy: false }],
  ['as they are, without the entityNames field', { fields: ['title', 'lead', 'body'] }],
  ['prefix on the last word of 3+ letters, fuzzy 5+ letters, maxFuzzy 1', tuned],
];
latencies('library.search (AND, OR fallback, hits)', (q) => library.search(q, { limit: 20 }));
for (const [label, opts] of variants) latencies(label, (q) => mini.search(q, { ...SEARCH_OPTIONS, ...opts }));

// Stop words: terms in more than a fifth of the articles are not indexed (and so not searched).
const df = new Map<string, number>();
for (const d of docs) {
  const seen = new Set<string>();
  for (const w of MINISEARCH_OPTIONS.tokenize!(`${d.title} ${d.lead} ${d.body}`, 'body')) {
    const term = MINISEARCH_OPTIONS.processTerm!(w, 'body');
    if (typeof term === 'string') seen.add(term);
  }
  for (const term of seen) df.set(term, (df.get(term) ?? 0) + 1);
}
const stop = new Set([...df].filter(([, n]) => n > docs.length / 5).map(([term]) => term));
console.log(`${stop.size} terms occur in more than a fifth of the articles, e.g. ${[...stop].slice(0, 12).join(', ')}`);
const baseProcess = MINISEARCH_OPTIONS.processTerm!;
const withStop = new MiniSearch<IndexDocument>({
  ...MINISEARCH_OPTIONS,
  processTerm: (term, field) => {
    const p = baseProcess(term, field);
    return typeof p === 'string' && stop.has(p) && field !== 'entityNames' ? null : p;
  },
});
t = performance.now();
withStop.addAll(docs);
console.log(`index without them: addAll ${ms(performance.now() - t)}`);
latencies('stop words, SEARCH_OPTIONS as they are', (q) => withStop.search(q, SEARCH_OPTIONS));
latencies('stop words + tuned prefix/fuzzy', (q) => withStop.search(q, { ...SEARCH_OPTIONS, ...tuned }));
