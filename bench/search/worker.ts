// Search at library scale, in a child process of its own (started by
// bench/search/run.ts with --expose-gc and a large heap), so that heap figures
// are the library's and nothing else's. Prints one JSON line: SearchResult.
//
// For each size, two libraries over the same generated articles:
// - before: the library as it was (legacy.ts: an entityNames field, prefix
//   and fuzzy on every word), built and queried;
// - now: buildLibrary (src/core/library.ts), its full-text index packed
//   (what the background persists) and loaded into a library of entries, as
//   the background loads one, then queried.
// Both answer the same query mix and the same known-item queries.
import { deserialize, serialize } from 'node:v8';
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import type { PackedCatalog } from '../../src/core/catalog-pack';
import { FullText, type PackedFullText } from '../../src/core/full-text';
import { buildLibrary, emptyLibrary, type Library } from '../../src/core/library';
import { createMatcher } from '../../src/core/matcher';
import type { LibraryEntry } from '../../src/core/types';
import { createCorpus } from '../corpus';
import { percentile } from '../stats';
import { knownItemQueries, scoreKnownItems, type KnownItemScore } from './known-item';
import { buildLegacyLibrary } from './legacy';
import { generateArticles, generateQueries } from './library-gen';

const workerStart = performance.now();
const log = (line: string) => console.error(`        search [${((performance.now() - workerStart) / 1000).toFixed(0)} s]: ${line}`);

export interface SearchOptions {
  sizes: number[];
  queries: number;
  /** Articles sampled for the known-item test. */
  knownItems: number;
  /** Sizes whose projected time would end after this budget are skipped. */
  budgetMs: number;
}

export interface QueryTimes {
  p50: number;
  p95: number;
  max: number;
  /** Queries that matched nothing with AND and fell back to OR. */
  fallbackShare: number;
  /** The three slowest queries and their times. */
  slowest: Array<[string, number]>;
  /** The p95 of the warm-up pass: another mix of the same kind, each query the first the engine sees of its kind (information). */
  firstPassP95: number;
}

export interface SearchRow {
  articles: number;
  words: number;
  before: QueryTimes & { buildMs: number; heapBytes: number; known: KnownItemScore };
  now: QueryTimes & {
    /** Profiling and indexing every article (buildLibrary). */
    buildMs: number;
    /** Packing the index into arrays, as the background persists it. */
    packMs: number;
    packedBytes: number;
    /** Reading back the packed catalog and index (deserializing them) and loading them, as the background does. */
    loadMs: number;
    /** The loaded catalog and index (JS heap and array buffers): what the background holds. */
    heapBytes: number;
    known: KnownItemScore;
    /** Of the ten first hits before, the share the new search returns in its ten first (same queries). */
    topTenKept: number;
  };
}

export interface SearchResult {
  rows: SearchRow[];
  skipped: Array<{ articles: number; reason: string }>;
  queries: string[];
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
/** The JS heap and the array buffers' memory outside it (a packed index lives there), after GC. */
const heapUsed = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Warm means the library loaded and the engine settled: one pass of another
 * query mix of the same kind (its own seed, so no query is timed twice) runs
 * first, its p95 kept as information; then each query of the mix is timed once.
 */
function timeQueries(search: (q: string) => { partial: boolean }, warmUp: readonly string[], queries: readonly string[]): QueryTimes {
  const first: number[] = [];
  for (const q of warmUp) {
    const t = performance.now();
    search(q);
    first.push(performance.now() - t);
  }
  gc();
  const latencies: number[] = [];
  const slowest: Array<[string, number]> = [];
  let fallbacks = 0;
  for (const q of queries) {
    const t = performance.now();
    const r = search(q);
    const ms = performance.now() - t;
    latencies.push(ms);
    slowest.push([q, ms]);
    if (r.partial) fallbacks++;
  }
  slowest.sort((a, b) => b[1] - a[1]);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), fallbackShare: fallbacks / queries.length, slowest: slowest.slice(0, 3), firstPassP95: percentile(first, 95) };
}

function packedBytes(p: PackedFullText): number {
  const i = p.index;
  return i.fieldLengths.byteLength + i.fieldMasks.byteLength + i.counts.byteLength + i.docs.byteLength + i.freqs.byteLength + 2 * i.labels.length + i.shape.byteLength + p.versions.byteLength + i.ids.reduce((n, id) => n + id.length * 2, 0);
}

async function main(opts: SearchOptions): Promise<SearchResult> {
  const started = performance.now();
  const matcher = createMatcher(loadKnowledgeBase());
  const corpus = createCorpus(matcher);
  const result: SearchResult = { rows: [], skipped: [], queries: [] };
  let msPerArticle = 0;

  for (const size of opts.sizes) {
    const remaining = opts.budgetMs - (performance.now() - started);
    const projected = msPerArticle * size;
    if (msPerArticle > 0 && projected > remaining) {
      result.skipped.push({
        articles: size,
        reason: `projected ${Math.round(projected / 1000)} s exceeds the time left (${Math.max(0, Math.round(remaining / 1000))} s); \`npm run bench -- --only=search --search-sizes=${size} --budget=900\` measures it`,
      });
      continue;
    }
    const sizeStart = performance.now();
    log(`${size} articles`);
    const articles = generateArticles(corpus, size);
    const words = articles.reduce((n, a) => n + [a.title, a.lead, ...a.paragraphs].join(' ').split(/\s+/).length, 0);
    const queries = generateQueries(corpus, articles, opts.queries);
    const warmUp = generateQueries(corpus, articles, opts.queries, 99);
    if (result.queries.length === 0) result.queries = queries.slice(0, 12);
    const known = knownItemQueries(articles, matcher, opts.knownItems);

    // Before. No destructuring of big results: a stale register would keep them alive through the heap figures.
    let heap0 = heapUsed();
    let t = performance.now();
    let legacy: ReturnType<typeof buildLegacyLibrary> | undefined = buildLegacyLibrary(articles, matcher);
    const legacyBuildMs = performance.now() - t;
    const legacyHeap = heapUsed() - heap0;
    log(`  before: built in ${(legacyBuildMs / 1000).toFixed(1)} s`);
    const legacyTimes = timeQueries((q) => {
      const ids = legacy!.search(q, 20);
      return { partial: ids.length > 0 && legacy!.mini.search(q).length === 0 };
    }, warmUp, queries);
    const legacyTop = queries.map((q) => legacy!.search(q, 10));
    const legacyKnown = scoreKnownItems(known, (q) => legacy!.search(q, 10));
    legacy = undefined;
    log('  before: queried');

    // Now: built, packed, then loaded as the background loads it.
    t = performance.now();
    let built: Library | undefined = buildLibrary(articles, matcher);
    const buildMs = performance.now() - t;
    t = performance.now();
    let packed: PackedFullText | undefined = (built as ReturnType<typeof buildLibrary>).fullText!.pack();
    const packMs = performance.now() - t;
    // The catalog as the background keeps it: the entries put into a library that holds no text, packed.
    let entries: LibraryEntry[] | undefined = built.articles();
    built = undefined;
    let unpacked: ReturnType<typeof emptyLibrary> | undefined = emptyLibrary(matcher);
    for (const e of entries) unpacked.put(e);
    entries = undefined;
    let catalog: PackedCatalog | undefined = unpacked.packCatalog('bench', 0);
    unpacked = undefined;
    log(`  now: built in ${(buildMs / 1000).toFixed(1)} s, packed in ${packMs.toFixed(0)} ms`);
    const bytes = packedBytes(packed);
    // Serialized as IndexedDB keeps them, and read back as it hands them over: the heap figure is
    // what the loaded library holds (the arrays it reads from included), the serialized copy not.
    let serialized: Buffer | undefined = serialize({ catalog, packed });
    catalog = undefined;
    packed = undefined;
    heap0 = heapUsed() - serialized.byteLength;
    t = performance.now();
    let stored: { catalog: PackedCatalog; packed: PackedFullText } | undefined = deserialize(serialized) as { catalog: PackedCatalog; packed: PackedFullText };
    let library: ReturnType<typeof emptyLibrary> | undefined = emptyLibrary(matcher);
    library.unpackCatalog(stored.catalog);
    library.attach(FullText.load(stored.packed));
    const loadMs = performance.now() - t;
    stored = undefined;
    serialized = undefined;
    const heapBytes = heapUsed() - heap0;
    const nowTimes = timeQueries((q) => ({ partial: library!.search(q, { limit: 20 })[0]?.partial ?? false }), warmUp, queries);
    let kept = 0;
    let of = 0;
    queries.forEach((q, i) => {
      const mine = new Set(library!.search(q, { limit: 10 }).map((h) => h.id));
      of += legacyTop[i]!.length;
      kept += legacyTop[i]!.filter((id) => mine.has(id)).length;
    });
    const nowKnown = scoreKnownItems(known, (q) => library!.search(q, { limit: 10 }).map((h) => h.id));
    library = undefined;
    log('  now: queried');
    result.rows.push({
      articles: size,
      words,
      before: { ...legacyTimes, buildMs: legacyBuildMs, heapBytes: legacyHeap, known: legacyKnown },
      now: { ...nowTimes, buildMs, packMs, packedBytes: bytes, loadMs, heapBytes, known: nowKnown, topTenKept: of === 0 ? NaN : kept / of },
    });
    msPerArticle = (performance.now() - sizeStart) / size;
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
