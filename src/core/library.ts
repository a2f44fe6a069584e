// The library: the catalog of every article (its metadata and entity profile,
// and the lists of the articles naming each entity: catalog.ts) and a
// full-text index over the articles' text (full-text.ts). Shared by the build
// (which writes library.json), the background (which adds the reader's saved
// articles) and the benchmark, so no node API and no DOM here. Its interface
// is in library-api.ts.
//
// The text of an article is not kept in memory unless the library was given
// it to hold (the bundled articles, a library built at build time): the rest
// is read from a TextSource when a snippet or an article is shown. Hover
// cards and related lists need only the catalog; search needs the full-text
// index too, which may be attached later (a persisted one, loaded after).
import type { ArticleText, Article, LibraryArticle, LibraryEntry, Mention } from './types';
import { Catalog, type EntryMeta } from './catalog';
import { packCatalog, type PackedCatalog } from './catalog-pack';
import { profileArticle } from './entity-profile';
import { FullText, versionOf } from './full-text';
import { fold } from './fold';
import type { LibraryMatcher, LoadableLibrary, RankedEntry, SerializedLibrary, TextSource } from './library-api';
import { LIBRARY_FORMAT, LIBRARY_VERSION, readSerializedLibrary } from './library-api';
import { searchLibrary, type SearchHit, type SearchOpts } from './library-search';
import { shapeQuery } from './query';
import { rankByLists, rankForEntityByLists, type PageWeightInput } from './ranking';
import { findTermRanges, mergeRanges, snippet, type Range, type Snippet } from './snippet';

export * from './library-api';
export type { SearchHit, SearchOpts } from './library-search';

const CATCH_UP_BATCH = 50;

class LibraryImpl implements LoadableLibrary {
  private readonly catalog = new Catalog();
  /** Texts held in memory: bundled articles, and every article of a library built with holdTexts. */
  private readonly held = new Map<string, ArticleText>();
  private index: FullText | undefined;

  constructor(
    private readonly matcher: LibraryMatcher | undefined,
    private readonly source: TextSource | undefined,
    private readonly holdTexts: boolean,
  ) {}

  get size(): number {
    return this.catalog.size;
  }

  get searchable(): boolean {
    return this.index !== undefined;
  }

  get fullText(): FullText | undefined {
    return this.index;
  }

  search(query: string, opts: SearchOpts = {}): SearchHit[] {
    if (!this.index) throw new Error('Library.search: the search index is not loaded yet');
    const find = this.matcher ? (text: string) => this.matcher!.find(text) : undefined;
    return searchLibrary({ fullText: this.index, catalog: this.catalog }, shapeQuery(query, find), opts);
  }

  async snippetFor(hit: SearchHit, maxLen = 180): Promise<Snippet> {
    return (await this.snippetsFor([hit], maxLen))[0]!;
  }

  async snippetsFor(hits: readonly SearchHit[], maxLen = 180): Promise<Snippet[]> {
    const texts = await this.texts(hits.map((h) => h.id));
    return hits.map((hit) => this.snippetOf(hit, texts.get(hit.id), maxLen));
  }

  private snippetOf(hit: SearchHit, text: ArticleText | undefined, maxLen: number): Snippet {
    if (!text) return { text: '', marks: [] };
    // The paragraph that shows the most distinct matches wins ("Turkey drones" wants the
    // paragraph naming both, not the first that names Turkey); the earlier one on a tie.
    let best: { text: string; ranges: Range[]; distinct: number } | undefined;
    for (const p of [text.lead, ...text.paragraphs]) {
      const ranges = mergeRanges([...findTermRanges(p, hit.terms), ...this.entityRanges(p, hit.entities)]);
      if (ranges.length === 0) continue;
      const distinct = new Set(ranges.map(([s, e]) => fold(p.slice(s, e)))).size;
      if (!best || distinct > best.distinct) best = { text: p, ranges, distinct };
    }
    return best ? snippet(best.text, best.ranges, maxLen) : snippet(text.lead, [], maxLen);
  }

  get(id: string): LibraryEntry | undefined {
    return this.catalog.entry(id);
  }

  articles(): LibraryEntry[] {
    return [...this.catalog.ids()].map((id) => this.catalog.entry(id)!);
  }

  async text(id: string): Promise<ArticleText | undefined> {
    return (await this.texts([id])).get(id);
  }

  async article(id: string): Promise<LibraryArticle | undefined> {
    return (await this.articlesWithText([id]))[0];
  }

  async articlesWithText(ids: readonly string[]): Promise<LibraryArticle[]> {
    const texts = await this.texts(ids);
    return ids.flatMap((id) => {
      const entry = this.catalog.entry(id);
      const text = texts.get(id);
      return entry && text ? [{ ...entry, lead: text.lead, paragraphs: text.paragraphs }] : [];
    });
  }

  private async texts(ids: readonly string[]): Promise<Map<string, ArticleText>> {
    const out = new Map<string, ArticleText>();
    const missing: string[] = [];
    for (const id of ids) {
      if (!this.catalog.has(id)) continue;
      const held = this.held.get(id);
      if (held) out.set(id, held);
      else missing.push(id);
    }
    if (missing.length > 0 && this.source) {
      for (const [id, text] of await this.source(missing)) out.set(id, text);
    }
    return out;
  }

  add(article: Article): LibraryEntry {
    if (this.catalog.has(article.id)) {
      throw new Error(`Library.add: an article with id "${article.id}" is already in the library`);
    }
    return this.upsert(article);
  }

  upsert(article: Article): LibraryEntry {
    const matcher = this.matcher;
    if (!matcher) throw new Error('Library.add: no matcher; load the library with the gazetteer matcher to add articles');
    if (typeof article.id !== 'string' || article.id === '') throw new Error('Library.add: an article needs an id');
    const finder = matcher.forLanguage?.(article.lang) ?? matcher;
    const { lead, paragraphs, ...meta } = article;
    const entry: LibraryEntry = { ...meta, entities: profileArticle(article, (t) => finder.find(t)) };
    const version = versionOf(article);
    this.catalog.put(meta, entry.entities, version);
    if (this.holdTexts || this.held.has(article.id)) this.held.set(article.id, { lead, paragraphs });
    this.index?.add(article, version);
    return entry;
  }

  remove(id: string): boolean {
    if (!this.catalog.remove(id)) return false;
    this.held.delete(id);
    this.index?.remove(id);
    return true;
  }

  put(entry: LibraryEntry, text?: ArticleText): void {
    const { entities, ...meta } = entry;
    this.catalog.put(meta, entities, versionOf({ ...entry, lead: text?.lead ?? '', paragraphs: text?.paragraphs ?? [] }));
    if (text) this.held.set(entry.id, text);
    else this.held.delete(entry.id);
  }

  version(id: string): number | undefined {
    return this.catalog.version(id);
  }

  savedSince(at: number): number {
    // A saved article's version is when it was saved; a bundled one's is negative (versionOf).
    return this.catalog.countVersionsOver(Math.max(0, at));
  }

  packCatalog(profileKey: string, generation: number): PackedCatalog {
    return packCatalog(this.catalog, (meta: EntryMeta) => !this.held.has(meta.id), profileKey, generation);
  }

  unpackCatalog(packed: PackedCatalog): void {
    this.catalog.loadBase(packed);
  }

  attach(fullText: FullText): string[] {
    this.index = fullText;
    for (const id of [...fullText.ids()]) if (!this.catalog.has(id)) fullText.remove(id);
    const stale: string[] = [];
    for (const id of this.catalog.ids()) {
      const version = this.catalog.version(id)!;
      if (fullText.version(id) === version) continue;
      const held = this.held.get(id);
      if (held) fullText.add({ ...this.catalog.meta(id)!, ...held }, version);
      else stale.push(id);
    }
    return stale;
  }

  async catchUp(ids: readonly string[], opts: { batch?: number; pause?: () => Promise<void>; onProgress?: (done: number) => void } = {}): Promise<void> {
    const batch = opts.batch ?? CATCH_UP_BATCH;
    for (let i = 0; i < ids.length; i += batch) {
      const part = ids.slice(i, i + batch);
      const texts = await this.texts(part);
      const index = this.index;
      if (!index) throw new Error('Library.catchUp: attach an index first');
      for (const id of part) {
        const meta = this.catalog.meta(id);
        const text = texts.get(id);
        const version = this.catalog.version(id);
        // Changed or gone while its text was read: what changed it indexed it too.
        if (!meta || !text || version === undefined || index.version(id) === version) continue;
        const article = { ...meta, ...text };
        if (versionOf(article) !== version) continue;
        index.add(article, version);
      }
      opts.onProgress?.(Math.min(ids.length, i + batch));
      if (opts.pause && i + batch < ids.length) await opts.pause();
    }
  }

  withEntity(entityId: string, limit = Infinity): LibraryEntry[] {
    // Sorted from the entity's list; an article's metadata (its date) is read only on a tie, and
    // only the articles returned are made into entries.
    const naming: Array<{ id: string; count: number; weakCount: number; prominent: boolean }> = [];
    this.catalog.forEachNaming(entityId, (id, count, weakCount, prominent) => naming.push({ id, count, weakCount, prominent }));
    const date = (id: string) => this.catalog.meta(id)!.date;
    naming.sort(
      (a, b) =>
        Number(b.prominent) - Number(a.prominent) ||
        b.count - a.count ||
        b.weakCount - a.weakCount ||
        (date(a.id) < date(b.id) ? 1 : date(a.id) > date(b.id) ? -1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
    return naming.slice(0, limit).map((n) => this.catalog.entry(n.id)!);
  }

  related(page: readonly PageWeightInput[], opts: { limit: number; exclude?: string }): RankedEntry[] {
    const ranked = rankByLists(this.catalog, page, { df: this.catalog.frequencies(), totalDocs: this.catalog.size, ...opts });
    return ranked.map((r) => ({ item: this.catalog.entry(r.id)!, score: r.score, shared: r.shared }));
  }

  aboutEntity(entityId: string, page: readonly PageWeightInput[], limit: number): { count: number; ranked: RankedEntry[] } {
    const { count, ranked } = rankForEntityByLists(this.catalog, entityId, page, { df: this.catalog.frequencies(), totalDocs: this.catalog.size, limit });
    return { count, ranked: ranked.map((r) => ({ item: this.catalog.entry(r.id)!, score: r.score, shared: r.shared })) };
  }

  entityDocFrequency(entityId: string): number {
    return this.catalog.frequencies().get(entityId) ?? 0;
  }

  documentFrequencies(): ReadonlyMap<string, number> {
    return this.catalog.frequencies();
  }

  toJSON(): SerializedLibrary {
    const articles = this.articles().map((entry) => {
      const text = this.held.get(entry.id);
      if (!text) throw new Error(`Library.toJSON: the text of "${entry.id}" is not held in memory`);
      return { ...entry, lead: text.lead, paragraphs: text.paragraphs };
    });
    return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, articles };
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

export interface LibraryOptions {
  /** Where the texts not held in memory are read. */
  texts?: TextSource;
  /** Hold every article's text in memory (the build; tests). */
  holdTexts?: boolean;
}

/** Profiles and indexes the articles, holding their texts; two articles with one id are an error. */
export function buildLibrary(articles: readonly Article[], matcher: LibraryMatcher): LoadableLibrary {
  const library = new LibraryImpl(matcher, undefined, true);
  library.attach(FullText.empty());
  for (const article of articles) library.add(article);
  return library;
}

/** A library with no article yet: the background puts in what it persisted, then attaches the index. */
export function emptyLibrary(matcher: LibraryMatcher | undefined, options: LibraryOptions = {}): LoadableLibrary {
  return new LibraryImpl(matcher, options.texts, options.holdTexts ?? false);
}

/**
 * Loads a serialized library (parsed library.json), its texts held and
 * indexed. Without a matcher the library searches but cannot add articles
 * nor read names in queries.
 */
export function loadLibrary(json: unknown, matcher?: LibraryMatcher): LoadableLibrary {
  const library = new LibraryImpl(matcher, undefined, true);
  for (const { lead, paragraphs, ...entry } of readSerializedLibrary(json)) library.put(entry, { lead, paragraphs });
  library.attach(FullText.empty());
  return library;
}
