// The reader's saved articles, in IndexedDB in the extension's own origin,
// opened by the background alone (Chrome's service worker, Firefox's event
// page): pages and content scripts ask it by message. One record per article,
// keyed by the id derived from its URL, with a unique index on the URL, so
// that saving a page again replaces its record and never adds a second.
//
// The schema has a version and a migration per step (MIGRATIONS), run in
// order from whatever version the browser holds: an extension update never
// meets a database it cannot read. A write that fails (the disk or the
// origin's quota is full) rejects with a SavedStoreError that says so; a
// transaction is all or nothing, so what was saved before stays.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { SavedArticle } from '../core/saved-article';

export const DB_NAME = 'newscontext';
/** The schema version: MIGRATIONS.length. */
export const DB_VERSION = 2;

export interface SavedSchema extends DBSchema {
  articles: {
    key: string;
    value: SavedArticle;
    indexes: { url: string; savedAt: number };
  };
  /** Small facts about the store as a whole, by name: "exportedAt". */
  meta: { key: string; value: number };
}

type UpgradeTx = IDBPTransaction<SavedSchema, StoreNames<SavedSchema>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<SavedSchema>, tx: UpgradeTx) => void;

/** MIGRATIONS[n] takes a database from version n to n + 1. Append; never edit a step that shipped. */
export const MIGRATIONS: readonly Migration[] = [
  // 1: the articles, by id, one per URL.
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('url', 'url', { unique: true });
  },
  // 2: articles by when they were saved (newest first, and what the last export missed), and the time of that export.
  (db, tx) => {
    tx.objectStore('articles').createIndex('savedAt', 'savedAt');
    db.createObjectStore('meta');
  },
];

/** Runs the steps from `oldVersion` up to `newVersion`. */
export function migrate(db: IDBPDatabase<SavedSchema>, oldVersion: number, newVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < newVersion; v++) MIGRATIONS[v]!(db, tx);
}

export type SavedStoreErrorKind = 'quota' | 'conflict' | 'failed';

export class SavedStoreError extends Error {
  override name = 'SavedStoreError';
  constructor(
    readonly kind: SavedStoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A failed request or transaction as a SavedStoreError: running out of room is told apart. */
export function storeError(error: unknown): SavedStoreError {
  if (error instanceof SavedStoreError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const inner = (error as { inner?: { name?: unknown } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new SavedStoreError('quota', 'NewsContext: the browser has no room left for saved articles; nothing was changed. Free some disk space, or delete saved articles you no longer need.');
  }
  if (name === 'ConstraintError') {
    return new SavedStoreError('conflict', 'NewsContext: another saved article already has this URL; nothing was changed.');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SavedStoreError('failed', `NewsContext: the saved articles could not be written (${message}); nothing was changed.`);
}

export interface SavedStore {
  get(id: string): Promise<SavedArticle | undefined>;
  all(): Promise<SavedArticle[]>;
  count(): Promise<number>;
  /** Adds or replaces one article. */
  put(article: SavedArticle): Promise<void>;
  /** Adds or replaces all of them in one transaction: all are written, or none. */
  putAll(articles: readonly SavedArticle[]): Promise<void>;
  /** Deletes one article and returns it (for undo); undefined when there was none. */
  delete(id: string): Promise<SavedArticle | undefined>;
  /** Up to `limit` articles in id order, after the id `after` (a page of an export). */
  page(after: string | undefined, limit: number): Promise<SavedArticle[]>;
  /** When the last export was made (ms), or 0. */
  exportedAt(): Promise<number>;
  markExported(at: number): Promise<void>;
  /** How many articles were saved after the last export. */
  unexportedCount(): Promise<number>;
  close(): void;
}

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storeError(error);
  }
}

export async function openSavedStore(name = DB_NAME): Promise<SavedStore> {
  let db: IDBPDatabase<SavedSchema> | undefined;
  const open = async (): Promise<IDBPDatabase<SavedSchema>> => {
    db ??= await openDB<SavedSchema>(name, DB_VERSION, {
      upgrade: (database, oldVersion, newVersion, tx) => migrate(database, oldVersion, newVersion ?? DB_VERSION, tx),
      // A newer version of the extension wants to upgrade: let it, and reopen on the next call.
      blocking: () => {
        db?.close();
        db = undefined;
      },
      terminated: () => {
        db = undefined;
      },
    });
    return db;
  };
  await open();

  return {
    get: async (id) => (await open()).get('articles', id),
    all: async () => (await open()).getAll('articles'),
    count: async () => (await open()).count('articles'),
    put: (article) => write(async () => void (await (await open()).put('articles', article))),
    putAll: (articles) =>
      write(async () => {
        const tx = (await open()).transaction('articles', 'readwrite');
        // Requests are queued without awaiting each; one that fails aborts the
        // transaction (nothing stays written), and its error says why better than the abort.
        let failed: unknown;
        for (const a of articles) void tx.store.put(a).catch((e: unknown) => (failed ??= e));
        await tx.done.catch((e: unknown) => {
          throw failed ?? e;
        });
      }),
    delete: (id) =>
      write(async () => {
        const tx = (await open()).transaction('articles', 'readwrite');
        const article = await tx.store.get(id);
        if (article) await tx.store.delete(id);
        await tx.done;
        return article;
      }),
    page: async (after, limit) => {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      return (await open()).getAll('articles', range, limit);
    },
    exportedAt: async () => (await (await open()).get('meta', 'exportedAt')) ?? 0,
    markExported: (at) => write(async () => void (await (await open()).put('meta', at, 'exportedAt'))),
    unexportedCount: async () => {
      const database = await open();
      const since = (await database.get('meta', 'exportedAt')) ?? 0;
      return database.countFromIndex('articles', 'savedAt', IDBKeyRange.lowerBound(since, true));
    },
    close: () => {
      db?.close();
      db = undefined;
    },
  };
}
