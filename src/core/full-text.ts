// The full-text index: MiniSearch over titles, leads and bodies, and for each
// document the version of the article it was made from (when it was saved,
// or a hash of a bundled article's text), so that a persisted index can be
// checked against the library and brought up to date one article at a time.
import MiniSearch from 'minisearch';
import { isObject } from './guards';
import { finishAsync, loadSteps, packedIndexProblem, packSteps, postingCount, type PackedIndex } from './packed-index';
import { INDEX_KEY, MINISEARCH_OPTIONS, type IndexDocument } from './search-options';
import type { Article } from './types';

export interface PackedFullText {
  index: PackedIndex;
  /** The versions of index.ids, in their order. */
  versions: Float64Array;
}

/** An article's version: when it was saved, or, for a bundled article, a hash of its text. */
export function versionOf(article: Article & { savedAt?: unknown }): number {
  if (typeof article.savedAt === 'number') return article.savedAt;
  let h = 0x811c9dc5;
  for (const part of [article.title, article.lead, ...article.paragraphs]) {
    for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x0a, 0x01000193);
  }
  // Negative: never equal to a time of saving.
  return -1 - (h >>> 0);
}

export function toDocument(a: Pick<Article, 'id' | 'title' | 'lead' | 'paragraphs'>): IndexDocument {
  return { id: a.id, title: a.title, lead: a.lead, body: a.paragraphs.join('\n') };
}

export class FullText {
  /** Grows with every change: a persisted copy made at one count is out of date at another. */
  changes = 0;

  private constructor(
    readonly mini: MiniSearch<IndexDocument>,
    private readonly versions: Map<string, number>,
  ) {}

  static empty(): FullText {
    return new FullText(new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS), new Map());
  }

  /** Loads a packed index; throws, saying why, when it was made otherwise (another layout, MiniSearch, or options). */
  static load(packed: unknown): FullText {
    const steps = FullText.loadSteps(packed);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** load, letting other work run between its steps. */
  static loadAsync(packed: unknown, pause: () => Promise<void>): Promise<FullText> {
    return finishAsync(FullText.loadSteps(packed), pause);
  }

  private static *loadSteps(packed: unknown): Generator<void, FullText> {
    if (!isObject(packed) || !(packed.versions instanceof Float64Array)) throw new Error('The search index is malformed');
    const problem = packedIndexProblem(packed.index, INDEX_KEY);
    if (problem) throw new Error(`The search index ${problem}`);
    const index = packed.index as PackedIndex;
    const stamps = packed.versions;
    if (stamps.length !== index.ids.length) throw new Error('The search index has versions that do not fit its documents');
    const mini = yield* loadSteps<IndexDocument>(index, MINISEARCH_OPTIONS, INDEX_KEY);
    const versions = new Map<string, number>();
    index.ids.forEach((id, i) => versions.set(id, stamps[i]!));
    return new FullText(mini, versions);
  }

  get size(): number {
    return this.versions.size;
  }

  version(id: string): number | undefined {
    return this.versions.get(id);
  }

  ids(): IterableIterator<string> {
    return this.versions.keys();
  }

  /** Indexes the article, in the place of its older version if there is one. */
  add(article: Pick<Article, 'id' | 'title' | 'lead' | 'paragraphs'>, version: number): void {
    const document = toDocument(article);
    if (this.mini.has(article.id)) this.mini.replace(document);
    else this.mini.add(document);
    this.versions.set(article.id, version);
    this.changes++;
  }

  remove(id: string): void {
    if (!this.versions.has(id)) return;
    this.mini.discard(id);
    this.versions.delete(id);
    this.changes++;
  }

  /** How many documents the term is in, at least (with `prefix`, every term it begins): how little it narrows. */
  postings(term: string, prefix: boolean): number {
    return postingCount(this.mini, term, prefix);
  }

  pack(): PackedFullText {
    const steps = this.packSteps();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * pack, letting other work run between its steps; undefined when the
   * index changed meanwhile (what was packed would be neither the old nor the new).
   */
  async packAsync(pause: () => Promise<void>): Promise<PackedFullText | undefined> {
    const at = this.changes;
    const steps = this.packSteps();
    for (;;) {
      const r = steps.next();
      if (this.changes !== at) return undefined;
      if (r.done) return r.value;
      await pause();
      if (this.changes !== at) return undefined;
    }
  }

  private *packSteps(): Generator<void, PackedFullText> {
    const index = yield* packSteps(this.mini, INDEX_KEY);
    return { index, versions: Float64Array.from(index.ids, (id) => this.versions.get(id) ?? 0) };
  }
}
