// Search at library scale, in a child process of its own (started by
// bench/search.ts with --expose-gc and a large heap), so that heap figures are
// the library's and nothing else's. Prints one JSON line: SearchResult.
//
// For each size: build with buildLibrary (the real options: profiles and the
// MiniSearch index), serialize, load the way the background does
// (loadLibrary(JSON.parse(...))), load the index alone with MiniSearch.loadJSON
// and loadJSONAsync, rebuild it from the documents, then time queries.
import MiniSearch from 'minisearch';
import { loadKnowledgeBase } from '../src/build/gazetteer';
import { buildLibrary, loadLibrary, type Library, type SerializedLibrary } from '../src/core/library';
import { createMatcher, type Matcher } from '../src/core/matcher';
import { MINISEARCH_OPTIONS, type IndexDocument } from '../src/core/search-options';
import type { LibraryArticle } from '../src/core/types';
import { createCorpus } from './corpus';
import { generateArticles, generateQueries } from './library-gen';
import { median, percentile } from './stats';

const workerStart = performance.now();
const log = (line: string) => console.error(`        search [${((performance.now() - workerStart) / 1000).toFixed(0)} s]: ${line}`);

export interface SearchOptions {
  sizes: number[];
  queries: number;
  loadRuns: number;
  /** Sizes whose projected build time would end after this budget are skipped. */
  budgetMs: number;
}

export interface SearchRow {
  articles: number;
  words: number;
  buildMs: number;
  serializeMs: number;
  /** library.json-like: articles and index. NaN when it could not be made (see serializeError). */
  serializedBytes: number;
  serializeError?: string;
  indexBytes: number;
  /** JSON.parse + loadLibrary, as the background does. */
  loadLibraryMs: number;
  loadJsonMs: number;
  loadJsonAsyncMs: number;
  rebuildMs?: number;
  p50: number;
  p95: number;
  max: number;
  /** Queries that matched nothing with AND and fell back to OR. */
  fallbackShare: number;
  /** Distinct terms in the index. */
  terms: number;
  /** The three slowest queries and their times. */
  slowest: Array<[string, number]>;
  heapBuiltBytes: number;
  heapLoadedBytes: number;
}

export interface SearchResult {
  rows: SearchRow[];
  skipped: Array<{ articles: number; reason: string }>;
  queries: string[];
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapUsed = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

/** What library.ts indexes for an article (its private toDocument), mirrored to time a rebuild from documents. */
function toDocument(a: LibraryArticle, matcher: Matcher): IndexDocument {
  const names: string[] = [];
  for (const id of Object.keys(a.entities)) {
    const e = matcher.entity(id);
    if (e) names.push(e.name, ...e.aliases, ...(e.weak ?? []));
  }
  return { id: a.id, title: a.title, lead: a.lead, body: a.paragraphs.join('\n'), entityNames: names.join('\n') };
}

function runQueries(lib: Library, queries: readonly string[]): Pick<SearchRow, 'p50' | 'p95' | 'max' | 'fallbackShare' | 'slowest'> {
  for (const q of queries.slice(0, 20)) lib.search(q, { limit: 20 }); // warm up
  const latencies: number[] = [];
  const slowest: Array<[string, number]> = [];
  let fallbacks = 0;
  for (const q of queries) {
    const [hits, ms] = timed(() => lib.search(q, { limit: 20 }));
    latencies.push(ms);
    slowest.push([q, ms]);
    if (hits[0]?.partial) fallbacks++;
  }
  slowest.sort((a, b) => b[1] - a[1]);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    fallbackShare: fallbacks / queries.length,
    slowest: slowest.slice(0, 3),
  };
}

async function main(opts: SearchOptions): Promise<SearchResult> {
  const started = performance.now();
  const matcher = createMatcher(loadKnowledgeBase());
  const corpus = createCorpus(matcher);
  const result: SearchResult = { rows: [], skipped: [], queries: [] };
  let msPerArticle = 0;

  for (const size of opts.sizes) {
    const remaining = opts.budgetMs - (performance.now() - started);
    // The build, then serializing, loading and querying: about one and a half builds in all.
    const projected = msPerArticle * size * 1.5;
    if (msPerArticle > 0 && projected > remaining) {
      result.skipped.push({
        articles: size,
        reason: `projected ${Math.round(projected / 1000)} s (build ${((msPerArticle * size) / 1000).toFixed(0)} s) exceeds the time left (${Math.max(0, Math.round(remaining / 1000))} s); \`npm run bench -- --only=search --search-sizes=${size} --budget=900\` measures it`,
      });
      continue;
    }
    log(`${size} articles`);
    const articles = generateArticles(corpus, size);
    const words = articles.reduce((n, a) => n + [a.title, a.lead, ...a.paragraphs].join(' ').split(/\s+/).length, 0);

    // No destructuring of big results: in an async function a stale register
    // holding the temporary array would keep the library alive through the heap figures.
    let t = performance.now();
    let library: Library | undefined = buildLibrary(articles, matcher);
    const buildMs = performance.now() - t;
    msPerArticle = buildMs / size;
    log(`  built in ${(buildMs / 1000).toFixed(1)} s`);
    t = performance.now();
    let serialized: SerializedLibrary | undefined = library.toJSON();
    // A large library can exceed the longest string V8 makes (~512 MB): then
    // there is no library.json to load, and the built library is queried.
    let json: string | undefined;
    let serializeError: string | undefined;
    try {
      json = JSON.stringify(serialized);
    } catch (e) {
      serializeError = (e as Error).message;
    }
    const serializeMs = performance.now() - t;
    let indexJson: string | undefined;
    try {
      indexJson = JSON.stringify(serialized.index);
    } catch (e) {
      serializeError ??= (e as Error).message;
    }
    serialized = undefined;
    const libraryArticles = library.articles();
    // What the built library holds beyond its input articles: what letting it go frees.
    const heapWithBuilt = heapUsed();
    let kept: Library | undefined = json === undefined ? library : undefined;
    library = undefined;
    const heapBuiltBytes = kept ? NaN : heapWithBuilt - heapUsed();

    // Large libraries load once: a load takes seconds, and the budget is five minutes.
    const loadRuns = size >= 10_000 ? 1 : opts.loadRuns;
    log(serializeError ? `  not serialized: ${serializeError}` : '  serialized');
    const loads: number[] = [];
    let loaded: Library | undefined;
    for (let r = 0; json !== undefined && r < loadRuns; r++) {
      loaded = undefined;
      gc();
      t = performance.now();
      loaded = loadLibrary(JSON.parse(json), matcher);
      loads.push(performance.now() - t);
    }
    log('  loaded');
    const jsonLoads: number[] = [];
    const asyncLoads: number[] = [];
    let terms = 0;
    for (let r = 0; indexJson !== undefined && r < loadRuns; r++) {
      t = performance.now();
      terms = MiniSearch.loadJSON(indexJson, MINISEARCH_OPTIONS).termCount;
      jsonLoads.push(performance.now() - t);
      t = performance.now();
      await MiniSearch.loadJSONAsync(indexJson, MINISEARCH_OPTIONS);
      asyncLoads.push(performance.now() - t);
    }
    let rebuildMs: number | undefined;
    // A rebuild costs most of a build; then the queries. Only if both fit.
    if (performance.now() - started + msPerArticle * size * 1.3 < opts.budgetMs) {
      const docs = libraryArticles.map((a) => toDocument(a, matcher));
      t = performance.now();
      new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS).addAll(docs);
      rebuildMs = performance.now() - t;
    }

    log('  loadJSON, loadJSONAsync, rebuild');
    const queries = generateQueries(corpus, articles, opts.queries);
    if (result.queries.length === 0) result.queries = queries.slice(0, 12);
    const q = runQueries((loaded ?? kept)!, queries);
    log('  queried');
    // The loaded library (articles and index, as the background holds it): what letting it go frees.
    const heapWithLoaded = heapUsed();
    loaded = undefined;
    kept = undefined;
    const heapLoadedBytes = heapWithLoaded - heapUsed();
    result.rows.push({
      articles: size,
      words,
      buildMs,
      serializeMs,
      serializedBytes: json === undefined ? NaN : Buffer.byteLength(json),
      indexBytes: indexJson === undefined ? NaN : Buffer.byteLength(indexJson),
      ...(serializeError ? { serializeError } : {}),
      loadLibraryMs: median(loads),
      loadJsonMs: median(jsonLoads),
      loadJsonAsyncMs: median(asyncLoads),
      rebuildMs,
      ...q,
      terms,
      heapBuiltBytes,
      heapLoadedBytes,
    });
  }
  return result;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as SearchOptions;
main(opts).then(
  (r) => process.stdout.write('\n' + JSON.stringify(r) + '\n'),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
