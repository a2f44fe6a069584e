// The library's interface: what the build, the background and the benchmark
// call (library.ts implements it), and the checked reading of library.json.
// An outdated library.json is refused, loudly: it must never become an empty
// library.
import type { ArticleText, Article, LibraryArticle, LibraryEntry } from './types';
import type { Matcher } from './matcher';
import type { FullText } from './full-text';
import { describe, isObject } from './guards';
import type { SearchHit, SearchOpts } from './library-search';
import type { PageWeightInput } from './ranking';
import type { Snippet } from './snippet';
import type { PackedCatalog } from './catalog-pack';

export const LIBRARY_FORMAT = 'newscontext-library';
/** Bump when the article shape or the profile change. */
export const LIBRARY_VERSION = 2;

export interface SerializedLibrary {
  format: typeof LIBRARY_FORMAT;
  version: number;
  articles: LibraryArticle[];
}

/** What the library needs of the matcher: mentions to profile articles and to read names in queries. */
export interface LibraryMatcher extends Pick<Matcher, 'find' | 'entity'> {
  /**
   * The matcher for an article in this language when it is not this one: an
   * Azerbaijani article writes case endings onto names ("Əliyevin"), which
   * only a matcher made for it takes (MatcherOptions.endingsOnNames).
   */
  forLanguage?(lang: string): Pick<Matcher, 'find'>;
}

/** An article ranked for a page: its score, and the entities it shares with the page, most telling first. */
export interface RankedEntry {
  item: LibraryEntry;
  score: number;
  shared: string[];
}

/** Reads the text of articles whose text the library does not hold (saved articles, from IndexedDB). */
export type TextSource = (ids: readonly string[]) => Promise<ReadonlyMap<string, ArticleText>>;

export interface Library {
  readonly size: number;
  /** Whether the full-text index is there: until it is, search() throws. */
  readonly searchable: boolean;
  search(query: string, opts?: SearchOpts): SearchHit[];
  /** An excerpt of the hit's article around its best match, with marks. */
  snippetFor(hit: SearchHit, maxLen?: number): Promise<Snippet>;
  /** snippetFor for several hits, their texts read together. */
  snippetsFor(hits: readonly SearchHit[], maxLen?: number): Promise<Snippet[]>;
  /** The article's entry: all but its text. */
  get(id: string): LibraryEntry | undefined;
  /** Every entry, in the order they were added (the build adds seeds by file name). */
  articles(): LibraryEntry[];
  /** The article's lead and paragraphs, read where they are kept. */
  text(id: string): Promise<ArticleText | undefined>;
  /** The article whole: its entry and its text. */
  article(id: string): Promise<LibraryArticle | undefined>;
  /** Several articles whole, in the order asked; those not in the library are left out. */
  articlesWithText(ids: readonly string[]): Promise<LibraryArticle[]>;
  /** Profiles and indexes an article at run time (a saved page); refuses an id already present. */
  add(article: Article): LibraryEntry;
  /** Adds the article, or puts it in the place of the one with its id (a page saved again): no rebuild. */
  upsert(article: Article): LibraryEntry;
  /** Takes the article out of the lists and the index; false when there was none with this id. */
  remove(id: string): boolean;
  /** Articles that mention the entity: named in title or lead first, then by how often; the first `limit` (all when absent). */
  withEntity(entityId: string, limit?: number): LibraryEntry[];
  /**
   * The articles most related to a page, as rankByEntities ranks them
   * (ranking.ts), read from the entity lists: only the articles returned are
   * made into entries.
   */
  related(page: readonly PageWeightInput[], opts: { limit: number; exclude?: string }): Array<RankedEntry>;
  /** The articles naming the entity, as rankForEntity ranks them for a page, the first `limit`; and how many name it. */
  aboutEntity(entityId: string, page: readonly PageWeightInput[], limit: number): { count: number; ranked: RankedEntry[] };
  /** How many articles mention the entity. */
  entityDocFrequency(entityId: string): number;
  /** How many articles mention each entity, kept up to date as articles come and go; its keys are the entities the library names. */
  documentFrequencies(): ReadonlyMap<string, number>;
  /** The whole library with its texts (library.json); only for a library that holds every text. */
  toJSON(): SerializedLibrary;
}

/** What the background's loading adds: entries put in as they were persisted, and a full-text index attached and caught up. */
export interface LoadableLibrary extends Library {
  /** Puts an entry in as it is, already profiled (library.json, a persisted catalog), with its text if the library is to hold it. */
  put(entry: LibraryEntry, text?: ArticleText): void;
  /** An entry's version: when it was saved, or a hash of a bundled article's text. */
  version(id: string): number | undefined;
  /** How many saved articles were saved after `at` (ms): read from their versions, which are when they were saved. */
  savedSince(at: number): number;
  /** The saved articles' catalog, packed for a snapshot (catalog-pack.ts). */
  packCatalog(profileKey: string, generation: number): PackedCatalog;
  /** Puts in the articles of a packed catalog, checked (catalogProblem), before any other article. */
  unpackCatalog(packed: PackedCatalog): void;
  /** The full-text index, once attached. */
  readonly fullText: FullText | undefined;
  /**
   * Attaches an index (empty, or persisted): drops from it what the library
   * no longer has, indexes the held texts it lacks, and returns the ids of the
   * other articles it lacks or holds in an older version, for catchUp.
   */
  attach(fullText: FullText): string[];
  /** Indexes the given articles' current text, read in batches; `pause` runs between batches, so that the caller stays responsive. */
  catchUp(ids: readonly string[], opts?: { batch?: number; pause?: () => Promise<void>; onProgress?: (done: number) => void }): Promise<void>;
}

/**
 * The articles of a serialized library (parsed library.json), checked: their
 * entries and texts. Refuses, saying what to do, a file of another format or
 * version.
 */
export function readSerializedLibrary(json: unknown): LibraryArticle[] {
  if (!isObject(json) || json.format !== LIBRARY_FORMAT) {
    throw new Error(`Not a NewsContext library (format ${describe(isObject(json) ? json.format : json)}): rebuild the extension (npm run build)`);
  }
  if (json.version !== LIBRARY_VERSION) {
    throw new Error(`Library version ${describe(json.version)}, expected ${LIBRARY_VERSION}: rebuild the extension (npm run build)`);
  }
  const { articles } = json;
  if (!Array.isArray(articles)) throw new Error('Library: "articles" is not a list: rebuild the extension (npm run build)');
  articles.forEach((a: unknown, i) => {
    if (!isLibraryArticle(a)) throw new Error(`Library: article #${i} is malformed: rebuild the extension (npm run build)`);
  });
  const list = articles as LibraryArticle[];
  if (new Set(list.map((a) => a.id)).size !== list.length) {
    throw new Error('Library: two articles share an id: rebuild the extension (npm run build)');
  }
  return list;
}

function isLibraryArticle(v: unknown): v is LibraryArticle {
  if (!isObject(v)) return false;
  const strings = ['id', 'title', 'source', 'date', 'lead', 'lang'] as const;
  return (
    strings.every((k) => typeof v[k] === 'string') &&
    Array.isArray(v.paragraphs) &&
    v.paragraphs.every((p) => typeof p === 'string') &&
    isObject(v.entities)
  );
}
