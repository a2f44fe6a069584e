// The reader's saved articles, in IndexedDB in the extension's own origin,
// opened by the background alone (Chrome's service worker, Firefox's event
// page): pages and content scripts ask it by message. One record per article,
// keyed by the id derived from its URL, with a unique index on the URL, so
// that saving a page again replaces its record and never adds a second.
//
// Beside the articles, the store keeps what the library made of them, so that
// a start reads it instead of making it again (library-store.ts): snapshots of
// the catalog (entries and profiles) and of the full-text index, each saying
// which generation of the articles it reflects. Every write to the articles
// moves the generation on, in the same transaction, so a snapshot older than
// the articles is known as such. Imports are staged part by part in a store of
// their own and applied in one transaction (import-staging.ts).
//
// The schema has a version and a migration per step (MIGRATIONS), run in
// order from whatever version the browser holds: an extension update never
// meets a database it cannot read. A write that fails (the disk or the
// origin's quota is full) rejects with a SavedStoreError that says so; a
// transaction is all or nothing, so what was saved before stays.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames } from 'idb';
import type { SavedArticle } from '../core/saved-article';

export const DB_NAME = 'newscontext';
/** The schema version: MIGRATIONS.length. */
export const DB_VERSION = 3;

export type SnapshotName = 'catalog' | 'fulltext';

export interface SavedSchema extends DBSchema {
  articles: {
    key: string;
    value: SavedArticle;
    indexes: { url: string; savedAt: number };
  };
  /** Small facts about the store as a whole, by name: "exportedAt", "generation". */
  meta: { key: string; value: number };
  /** What the library made of the articles, by name (SnapshotName): checked by whoever reads it. */
  snapshots: { key: string; value: unknown };
  /** Parts of imports not yet applied, by [import id, part number]. */
  staging: { key: [string, number]; value: SavedArticle[] };
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
  // 3: what the library made of the articles, kept between starts, and imports staged before they are applied.
  // A database of version 2 has no snapshot: the library is made from its articles once, then kept.
  (db) => {
    db.createObjectStore('snapshots');
    db.createObjectStore('staging');
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

export interface Snapshot {
  /** The articles' generation now. */
  generation: number;
  /** The snapshot, unchecked; undefined when there is none. */
  value: unknown;
}

export interface SavedStore {
  get(id: string): Promise<SavedArticle | undefined>;
  /** The articles with these ids that there are, by id. */
  getMany(ids: readonly string[]): Promise<Map<string, SavedArticle>>;
  all(): Promise<SavedArticle[]>;
  count(): Promise<number>;
  /** Every article's id and when it was saved, read from the index alone. */
  versions(): Promise<Map<string, number>>;
  /** Adds or replaces one article; resolves to the generation it made. */
  put(article: SavedArticle): Promise<number>;
  /** Adds or replaces all of them in one transaction: all are written, or none. */
  putAll(articles: readonly SavedArticle[]): Promise<number>;
  /** Deletes one article and returns it (for undo); undefined when there was none. */
  delete(id: string): Promise<SavedArticle | undefined>;
  /** Up to `limit` articles in id order, after the id `after` (a page of an export). */
  page(after: string | undefined, limit: number): Promise<SavedArticle[]>;
  /** The articles' generation: it moves on with every write. */
  generation(): Promise<number>;
  /** A snapshot and the articles' generation, read together. */
  snapshot(name: SnapshotName): Promise<Snapshot>;
  /** Keeps a snapshot; a failure to (no room) loses nothing but the time to make it again. */
  putSnapshot(name: SnapshotName, value: unknown): Promise<void>;
  /** When the last export was made (ms), or 0. */
  exportedAt(): Promise<number>;
  markExported(at: number): Promise<void>;
  /** How many articles were saved after the last export. */
  unexportedCount(): Promise<number>;
  /** The database, for the import's staging (import-staging.ts). */
  database(): Promise<IDBPDatabase<SavedSchema>>;
  close(): void;
}

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storeError(error);
  }
}

/** A transaction that writes the meta store, whatever else it writes. */
interface MetaTx {
  objectStore(name: 'meta'): IDBPObjectStore<SavedSchema, ArrayLike<StoreNames<SavedSchema>>, 'meta', 'readwrite'>;
}

/** Moves the generation on within a transaction that writes articles; resolves to the new one. */
export async function nextGeneration(tx: MetaTx): Promise<number> {
  const meta = tx.objectStore('meta');
  const generation = ((await meta.get('generation')) ?? 0) + 1;
  // Failing only with the transaction, whose failure its caller hears.
  void meta.put(generation, 'generation').catch(() => undefined);
  return generation;
}

/**
 * Queues requests in a transaction without awaiting each; one that fails
 * aborts the transaction (nothing stays written), and its error says why
 * better than the abort.
 */
export async function allOrNothing<T>(tx: { done: Promise<void> }, queue: (failed: (e: unknown) => void) => Promise<T>): Promise<T> {
  let failure: unknown;
  // Awaited below unless the queueing throws first: never left to reject unheard.
  tx.done.catch(() => undefined);
  try {
    const value = await queue((e) => (failure ??= e));
    await tx.done;
    return value;
  } catch (e) {
    throw failure ?? e;
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

  const putMany = (articles: readonly SavedArticle[]) =>
    write(async () => {
      const tx = (await open()).transaction(['articles', 'meta'], 'readwrite');
      return allOrNothing(tx, async (failed) => {
        for (const a of articles) void tx.objectStore('articles').put(a).catch(failed);
        return nextGeneration(tx);
      });
    });

  return {
    get: async (id) => (await open()).get('articles', id),
    getMany: async (ids) => {
      const tx = (await open()).transaction('articles');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      const out = new Map<string, SavedArticle>();
      for (const a of found) if (a) out.set(a.id, a);
      return out;
    },
    all: async () => (await open()).getAll('articles'),
    count: async () => (await open()).count('articles'),
    versions: async () => {
      const out = new Map<string, number>();
      let cursor = await (await open()).transaction('articles').store.index('savedAt').openKeyCursor();
      for (; cursor; cursor = await cursor.continue()) out.set(cursor.primaryKey, cursor.key);
      return out;
    },
    put: (article) => putMany([article]),
    putAll: putMany,
    delete: (id) =>
      write(async () => {
        const tx = (await open()).transaction(['articles', 'meta'], 'readwrite');
        const article = await tx.objectStore('articles').get(id);
        if (article) {
          await tx.objectStore('articles').delete(id);
          await nextGeneration(tx);
        }
        await tx.done;
        return article;
      }),
    page: async (after, limit) => {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      return (await open()).getAll('articles', range, limit);
    },
    generation: async () => (await (await open()).get('meta', 'generation')) ?? 0,
    snapshot: async (name) => {
      const tx = (await open()).transaction(['snapshots', 'meta']);
      const [generation, value] = await Promise.all([tx.objectStore('meta').get('generation'), tx.objectStore('snapshots').get(name)]);
      await tx.done;
      return { generation: generation ?? 0, value };
    },
    putSnapshot: (snapshot, value) => write(async () => void (await (await open()).put('snapshots', value, snapshot))),
    exportedAt: async () => (await (await open()).get('meta', 'exportedAt')) ?? 0,
    markExported: (at) => write(async () => void (await (await open()).put('meta', at, 'exportedAt'))),
    unexportedCount: async () => {
      const database = await open();
      const since = (await database.get('meta', 'exportedAt')) ?? 0;
      return database.countFromIndex('articles', 'savedAt', IDBKeyRange.lowerBound(since, true));
    },
    database: open,
    close: () => {
      db?.close();
      db = undefined;
    },
  };
}
