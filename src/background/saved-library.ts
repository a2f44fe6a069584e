// The reader's saved articles as one: the store in IndexedDB and the live
// library kept in step, and every change announced to the other pages and
// tabs (library-events.ts). The store is written first; the library follows
// only what the store holds, so a failed write leaves both as they were.
import { articleIdFor } from '../core/canonical-url';
import { planImport } from '../core/import-plan';
import type { Library } from '../core/library';
import { isSavedArticle, pickSavedArticle, type SavedArticle } from '../core/saved-article';
import type { ImportOutcome, SavedStatus } from '../shared/messages';
import type { SavedStore } from './saved-store';

export interface SavedLibraryDeps {
  store(): Promise<SavedStore>;
  /** The live library, loaded (with the saved articles) before any change is made. */
  library(): Promise<Library>;
  /** Tells every page and tab that the library changed. */
  announce(): Promise<void>;
}

/** A record as the reader's action makes it; its id follows from its URL. */
export type NewSavedArticle = Omit<SavedArticle, 'id'>;

export class SavedLibrary {
  constructor(private readonly deps: SavedLibraryDeps) {}

  /** Saves an article; saving one URL again replaces the record and the library's copy. */
  async save(record: NewSavedArticle): Promise<{ status: 'saved' | 'updated'; article: SavedArticle }> {
    const article = pickSavedArticle({ ...record, id: await articleIdFor(record.url) });
    const library = await this.deps.library();
    const known = library.get(article.id) !== undefined;
    await (await this.deps.store()).put(article);
    library.upsert(article);
    await this.deps.announce();
    return { status: known ? 'updated' : 'saved', article };
  }

  async delete(id: string): Promise<SavedArticle | null> {
    const library = await this.deps.library();
    const deleted = await (await this.deps.store()).delete(id);
    library.remove(id);
    await this.deps.announce();
    return deleted ?? null;
  }

  /** Undo of a delete: the article back under the id its URL gives, whatever id it was handed with. */
  async restore(article: SavedArticle): Promise<void> {
    const { id: _ignored, ...record } = article;
    await this.save(record);
  }

  /** Applies an import, all or nothing: matched to the library by URL, the later save winning. */
  async import(articles: readonly SavedArticle[]): Promise<ImportOutcome> {
    const library = await this.deps.library();
    const existing = new Map<string, number>();
    for (const a of library.articles()) if (isSavedArticle(a)) existing.set(a.url, a.savedAt);
    const plan = planImport(existing, articles);
    const writes = await Promise.all([...plan.add, ...plan.replace].map(async (a) => pickSavedArticle({ ...a, id: await articleIdFor(a.url) })));
    if (writes.length > 0) {
      await (await this.deps.store()).putAll(writes);
      for (const a of writes) library.upsert(a);
      await this.deps.announce();
    }
    return { added: plan.add.length, replaced: plan.replace.length, unchanged: plan.unchanged, duplicates: plan.duplicates };
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
    const [saved, unexported] = await Promise.all([store.count(), store.unexportedCount()]);
    return { saved, unexported };
  }
}
