// The reader's saved articles as one: the store in IndexedDB and the live
// library kept in step, and every change announced to the other pages and
// tabs (library-events.ts). The store is written first; the library follows
// only what the store holds, so a failed write leaves both as they were.
// Changes run one at a time, each written then applied, so that the library
// in memory always reflects one generation of the store, which the loader's
// snapshots record (library-store.ts).
import { articleIdFor } from '../core/canonical-url';
import type { Library, LoadableLibrary } from '../core/library';
import { isSavedArticle, pickSavedArticle, type SavedArticle } from '../core/saved-article';
import type { ImportOutcome, SavedStatus } from '../shared/messages';
import type { ImportStaging } from './import-staging';
import { upsertSaved } from './library-store';
import type { SavedStore } from './saved-store';

export interface SavedLibraryDeps {
  store(): Promise<SavedStore>;
  /** The live library, loaded (with the saved articles and the full-text index) before any change is made. */
  library(): Promise<Library>;
  /** Tells every page and tab that the library changed. */
  announce(): Promise<void>;
  /** The library now reflects this generation of the store (the loader keeps its snapshots in step). */
  changed?(generation: number): void;
  /** Lets other work run between the steps of an import's indexing. */
  pause?(): Promise<void>;
  /**
   * The library's catalog, which loads before its full-text index: the
   * status is counted there, not over the store's records (a count walks
   * every record, text and all).
   */
  catalog?(): Promise<LoadableLibrary>;
}

/** A record as the reader's action makes it; its id follows from its URL. */
export type NewSavedArticle = Omit<SavedArticle, 'id'>;

/** Articles read back and indexed at once when an import is applied. */
const APPLY_BATCH = 50;

export class SavedLibrary {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SavedLibraryDeps) {}

  /** Runs changes one after another. */
  private serially<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Saves an article; saving one URL again replaces the record and the library's copy. */
  async save(record: NewSavedArticle): Promise<{ status: 'saved' | 'updated'; article: SavedArticle }> {
    const article = pickSavedArticle({ ...record, id: await articleIdFor(record.url) });
    return this.serially(async () => {
      const library = await this.deps.library();
      const known = library.get(article.id) !== undefined;
      const generation = await (await this.deps.store()).put(article);
      library.upsert(article);
      this.deps.changed?.(generation);
      await this.deps.announce();
      return { status: known ? 'updated' : 'saved', article };
    });
  }

  async delete(id: string): Promise<SavedArticle | null> {
    return this.serially(async () => {
      const library = await this.deps.library();
      const store = await this.deps.store();
      const deleted = await store.delete(id);
      library.remove(id);
      if (deleted) this.deps.changed?.(await store.generation());
      await this.deps.announce();
      return deleted ?? null;
    });
  }

  /** Undo of a delete: the article back under the id its URL gives, whatever id it was handed with. */
  async restore(article: SavedArticle): Promise<void> {
    const { id: _ignored, ...record } = article;
    await this.save(record);
  }

  /**
   * Applies a staged import, all or nothing: matched to the library by URL,
   * the later save winning, written in one transaction; then each article
   * written is profiled and indexed, in batches, with progress.
   */
  async import(staging: ImportStaging, importId: string): Promise<ImportOutcome> {
    return this.serially(async () => {
      const library = await this.deps.library();
      const existing = new Map<string, number>();
      for (const a of library.articles()) if (isSavedArticle(a)) existing.set(a.url, a.savedAt);
      const { plan, ids, generation } = await staging.commit(importId, existing);
      const store = await this.deps.store();
      staging.report(importId, { phase: 'indexing', done: 0, total: ids.length });
      for (let i = 0; i < ids.length; i += APPLY_BATCH) {
        const batch = ids.slice(i, i + APPLY_BATCH);
        const found = await store.getMany(batch);
        for (const id of batch) {
          const a = found.get(id);
          if (a) upsertSaved(library, a);
        }
        staging.report(importId, { phase: 'indexing', done: Math.min(ids.length, i + APPLY_BATCH), total: ids.length });
        await this.deps.pause?.();
      }
      staging.finish(importId);
      if (ids.length > 0) {
        this.deps.changed?.(generation);
        await this.deps.announce();
      }
      return { added: plan.add.length, replaced: plan.replace.length, unchanged: plan.unchanged, duplicates: plan.duplicates };
    });
  }

  async exportPage(after: string | undefined, limit: number): Promise<SavedArticle[]> {
    return (await this.deps.store()).page(after, limit);
  }

  async markExported(at: number): Promise<void> {
    await (await this.deps.store()).markExported(at);
    await this.deps.announce();
  }

  async status(): Promise<SavedStatus> {
    const store = await this.deps.store();
    if (this.deps.catalog) {
      const [library, exportedAt] = await Promise.all([this.deps.catalog(), store.exportedAt()]);
      return { saved: library.savedSince(0), unexported: library.savedSince(exportedAt) };
    }
    const [saved, unexported] = await Promise.all([store.count(), store.unexportedCount()]);
    return { saved, unexported };
  }
}
