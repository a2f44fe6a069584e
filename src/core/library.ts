// The library: the articles, their entity profiles and a MiniSearch index over
// them. Shared by the build (which writes library.json) and the background
// (which loads it), so no node API and no DOM here.
//
// A library loaded from JSON is refused, loudly, when its format or version is
// not this code's: an outdated library.json must never become an empty library.
import MiniSearch, { type AsPlainObject, type MatchInfo, type SearchResult } from 'minisearch';
import type { Article, EntityProfile, LibraryArticle, Mention } from './types';
import type { Matcher } from './matcher';
import { MINISEARCH_OPTIONS, processTerm, tokenize, type IndexDocument } from './search-options';
import { profileArticle } from './entity-profile';
import { fold } from './fold';
import { describe, isObject } from './guards';
import { findTermRanges, mergeRanges, snippet, type Range, type Snippet } from './snippet';

export const LIBRARY_FORMAT = 'newscontext-library';
/** Bump when the article shape, the profile or the index options change. */
export const LIBRARY_VERSION = 1;

export interface SerializedLibrary {
  format: typeof LIBRARY_FORMAT;
  version: number;
  articles: LibraryArticle[];
  /** MiniSearch's own serialization; loadable only with MINISEARCH_OPTIONS. */
  index: AsPlainObject;
}

/** What the library needs of the matcher: mentions to profile articles, entities to index their names. */
export interface LibraryMatcher extends Pick<Matcher, 'find' | 'entity'> {
  /**
   * The matcher for an article in this language when it is not this one: an
   * Azerbaijani article writes case endings onto names ("Əliyevin"), which
   * only a matcher made for it takes (MatcherOptions.endingsOnNames).
   */
  forLanguage?(lang: string): Pick<Matcher, 'find'>;
}

export interface SearchOpts {
  /** At most this many hits; 20 when absent. */
  limit?: number;
  /** Only articles that mention this entity. */
  entityId?: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Words of the article's text that matched, folded ("pashinyan" for "Pashin"): the ones to emphasise. */
  terms: string[];
  /** The query words that found something, folded. */
  queryTerms: string[];
  /** Entities found through their names although the text may spell them otherwise ("Russia" finds "Rusia"). */
  entities: string[];
  /** MiniSearch's match info: each matched term and the fields it was found in. */
  match: MatchInfo;
  /** True when no article matched every query word and this hit matched only some. */
  partial: boolean;
}

export interface Library {
  readonly size: number;
  search(query: string, opts?: SearchOpts): SearchHit[];
  /** An excerpt of the hit's article around its first match, with marks (needs the matcher for entity-only hits). */
  snippetFor(hit: SearchHit, maxLen?: number): Snippet;
  get(id: string): LibraryArticle | undefined;
  /** In the order they were added (the build adds seeds by file name). */
  articles(): LibraryArticle[];
  /** Profiles and indexes an article at run time (a saved page); refuses an id already present. */
  add(article: Article): LibraryArticle;
  /** Adds the article, or puts it in the place of the one with its id (a page saved again): no rebuild. */
  upsert(article: Article): LibraryArticle;
  /** Takes the article out of the lists and the index; false when there was none with this id. */
  remove(id: string): boolean;
  /** Articles that mention the entity: named in title or lead first, then by how often. */
  withEntity(entityId: string): LibraryArticle[];
  /** How many articles mention the entity. */
  entityDocFrequency(entityId: string): number;
  /** How many articles mention each entity, kept up to date as articles come and go. */
  documentFrequencies(): ReadonlyMap<string, number>;
  toJSON(): SerializedLibrary;
}

const DEFAULT_LIMIT = 20;
const TEXT_FIELDS = new Set(['title', 'lead', 'body']);

class LibraryImpl implements Library {
  private readonly byId = new Map<string, LibraryArticle>();
  /** Folded name terms per entity, to say which entity a name match came from. */
  private readonly nameTerms = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();

  constructor(
    private readonly index: MiniSearch<IndexDocument>,
    articles: readonly LibraryArticle[],
    private readonly matcher: LibraryMatcher | undefined,
  ) {
    for (const a of articles) this.put(a);
  }

  get size(): number {
    return this.byId.size;
  }

  search(query: string, opts: SearchOpts = {}): SearchHit[] {
    if (query.trim() === '') return [];
    const { entityId } = opts;
    const filter = entityId === undefined ? undefined : (r: SearchResult) => this.byId.get(r.id)?.entities[entityId] !== undefined;
    let results = this.index.search(query, filter ? { filter } : {});
    let partial = false;
    if (results.length === 0) {
      results = this.index.search(query, { combineWith: 'OR', ...(filter ? { filter } : {}) });
      partial = true;
    }
    return results.slice(0, opts.limit ?? DEFAULT_LIMIT).map((r) => this.toHit(r, partial));
  }

  snippetFor(hit: SearchHit, maxLen = 180): Snippet {
    const article = this.byId.get(hit.id);
    if (!article) return { text: '', marks: [] };
    // The paragraph that shows the most distinct matches wins ("Turkey drones" wants the
    // paragraph naming both, not the first that names Turkey); the earlier one on a tie.
    let best: { text: string; ranges: Range[]; distinct: number } | undefined;
    for (const text of [article.lead, ...article.paragraphs]) {
      const ranges = mergeRanges([...findTermRanges(text, hit.terms), ...this.entityRanges(text, hit.entities)]);
      if (ranges.length === 0) continue;
      const distinct = new Set(ranges.map(([s, e]) => fold(text.slice(s, e)))).size;
      if (!best || distinct > best.distinct) best = { text, ranges, distinct };
    }
    return best ? snippet(best.text, best.ranges, maxLen) : snippet(article.lead, [], maxLen);
  }

  get(id: string): LibraryArticle | undefined {
    return this.byId.get(id);
  }

  articles(): LibraryArticle[] {
    return [...this.byId.values()];
  }

  add(article: Article): LibraryArticle {
    if (this.byId.has(article.id)) {
      throw new Error(`Library.add: an article with id "${article.id}" is already in the library`);
    }
    return this.upsert(article);
  }

  upsert(article: Article): LibraryArticle {
    const matcher = this.matcher;
    if (!matcher) {
      throw new Error('Library.add: no matcher; load the library with the gazetteer matcher to add articles');
    }
    if (typeof article.id !== 'string' || article.id === '') throw new Error('Library.add: an article needs an id');
    const finder = matcher.forLanguage?.(article.lang) ?? matcher;
    const entry: LibraryArticle = { ...article, entities: profileArticle(article, (t) => finder.find(t)) };
    const document = this.toDocument(entry);
    if (this.byId.has(entry.id)) {
      this.index.replace(document);
      this.unput(entry.id);
    } else this.index.add(document);
    this.put(entry);
    return entry;
  }

  remove(id: string): boolean {
    if (!this.byId.has(id)) return false;
    this.index.discard(id);
    this.unput(id);
    return true;
  }

  documentFrequencies(): ReadonlyMap<string, number> {
    return this.df;
  }

  private put(entry: LibraryArticle): void {
    this.byId.set(entry.id, entry);
    for (const e of Object.keys(entry.entities)) this.df.set(e, (this.df.get(e) ?? 0) + 1);
  }

  private unput(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    for (const e of Object.keys(entry.entities)) {
      const n = (this.df.get(e) ?? 1) - 1;
      if (n > 0) this.df.set(e, n);
      else this.df.delete(e);
    }
  }

  withEntity(entityId: string): LibraryArticle[] {
    const naming = this.articles().filter((a) => a.entities[entityId] !== undefined);
    const stat = (a: LibraryArticle) => a.entities[entityId]!;
    return naming.sort(
      (a, b) =>
        Number(stat(b).prominent) - Number(stat(a).prominent) ||
        stat(b).count - stat(a).count ||
        stat(b).weakCount - stat(a).weakCount ||
        (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
  }

  entityDocFrequency(entityId: string): number {
    return this.df.get(entityId) ?? 0;
  }

  toJSON(): SerializedLibrary {
    return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, articles: this.articles(), index: this.index.toJSON() };
  }

  private toDocument(a: LibraryArticle): IndexDocument {
    return { id: a.id, title: a.title, lead: a.lead, body: a.paragraphs.join('\n'), entityNames: this.entityNames(a.entities) };
  }

  private entityNames(profile: EntityProfile): string {
    const names: string[] = [];
    for (const id of Object.keys(profile)) {
      const e = this.matcher?.entity(id);
      if (e) names.push(e.name, ...e.aliases, ...(e.weak ?? []));
    }
    return names.join('\n');
  }

  private toHit(r: SearchResult, partial: boolean): SearchHit {
    const id = String(r.id);
    const nameMatched = Object.keys(r.match).filter((t) => r.match[t]?.includes('entityNames'));
    const profile = this.byId.get(id)?.entities ?? {};
    const entities = Object.keys(profile).filter((e) => nameMatched.some((t) => this.termsOf(e).has(t)));
    return {
      id,
      score: r.score,
      terms: r.terms.filter((t) => r.match[t]?.some((f) => TEXT_FIELDS.has(f))),
      queryTerms: r.queryTerms,
      entities,
      match: r.match,
      partial,
    };
  }

  private termsOf(entityId: string): Set<string> {
    let terms = this.nameTerms.get(entityId);
    if (!terms) {
      const e = this.matcher?.entity(entityId);
      const words = e ? [e.name, ...e.aliases, ...(e.weak ?? [])].flatMap(tokenize) : [];
      terms = new Set(words.map(processTerm).filter((t): t is string => t !== null));
      this.nameTerms.set(entityId, terms);
    }
    return terms;
  }

  private entityRanges(text: string, entityIds: readonly string[]): Range[] {
    if (!this.matcher || entityIds.length === 0) return [];
    const wanted = new Set(entityIds);
    return this.matcher
      .find(text)
      .filter((m: Mention) => wanted.has(m.entityId))
      .map((m): Range => [m.start, m.end]);
  }
}

/** Profiles and indexes the articles; two articles with one id are an error. */
export function buildLibrary(articles: readonly Article[], matcher: LibraryMatcher): Library {
  const library = new LibraryImpl(new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS), [], matcher);
  for (const article of articles) library.add(article);
  return library;
}

/**
 * Loads a serialized library (parsed library.json). Without a matcher the
 * library searches but cannot add articles nor say which entity a name match
 * came from.
 */
export function loadLibrary(json: unknown, matcher?: LibraryMatcher): Library {
  if (!isObject(json) || json.format !== LIBRARY_FORMAT) {
    throw new Error(`Not a NewsContext library (format ${describe(isObject(json) ? json.format : json)}): rebuild the extension (npm run build)`);
  }
  if (json.version !== LIBRARY_VERSION) {
    throw new Error(`Library index version ${describe(json.version)}, expected ${LIBRARY_VERSION}: rebuild the extension (npm run build)`);
  }
  const { articles, index } = json;
  if (!Array.isArray(articles)) throw new Error('Library: "articles" is not a list: rebuild the extension (npm run build)');
  articles.forEach((a: unknown, i) => {
    if (!isLibraryArticle(a)) throw new Error(`Library: article #${i} is malformed: rebuild the extension (npm run build)`);
  });
  if (!isObject(index)) throw new Error('Library: the index is missing: rebuild the extension (npm run build)');
  let mini: MiniSearch<IndexDocument>;
  try {
    mini = MiniSearch.loadJS<IndexDocument>(index as unknown as AsPlainObject, MINISEARCH_OPTIONS);
  } catch (e) {
    throw new Error(`Library: cannot load the index (${(e as Error).message}): rebuild the extension (npm run build)`);
  }
  const list = articles as LibraryArticle[];
  if (mini.documentCount !== list.length || list.some((a) => !mini.has(a.id))) {
    throw new Error('Library: the index and the articles disagree: rebuild the extension (npm run build)');
  }
  if (new Set(list.map((a) => a.id)).size !== list.length) {
    throw new Error('Library: two articles share an id: rebuild the extension (npm run build)');
  }
  return new LibraryImpl(mini, list, matcher);
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
