// The saved-article store on fake-indexeddb: records by id and URL, all or
// nothing writes, quota errors told apart, and the schema's migrations, from
// a database of the first version with data in it to the current one.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, migrate, MIGRATIONS, openSavedStore, SavedStoreError, storeError, type SavedSchema } from '../../src/background/saved-store';
import { savedArticle } from './helpers/saved-articles';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('saved store', () => {
  it('keeps one record per id, replaced when saved again', async () => {
    const store = await openSavedStore();
    await store.put(savedArticle(1));
    await store.put(savedArticle(1, { title: 'Again' }));
    await store.put(savedArticle(2));
    expect(await store.count()).toBe(2);
    expect((await store.get(savedArticle(1).id))?.title).toBe('Again');
    expect((await store.all()).map((a) => a.url).sort()).toEqual([savedArticle(1).url, savedArticle(2).url]);
    store.close();
  });

  it('refuses a second record with a URL already saved under another id, and keeps the first', async () => {
    const store = await openSavedStore();
    await store.put(savedArticle(1));
    const clash = store.put(savedArticle(1, { id: 's-other' }));
    await expect(clash).rejects.toBeInstanceOf(SavedStoreError);
    await expect(clash).rejects.toMatchObject({ kind: 'conflict' });
    expect(await store.all()).toEqual([savedArticle(1)]);
  });

  it('writes a batch all or nothing', async () => {
    const store = await openSavedStore();
    await store.put(savedArticle(1));
    // The third clashes with the first's URL: the batch fails whole.
    const batch = [savedArticle(2), savedArticle(3), savedArticle(1, { id: 's-clash' })];
    await expect(store.putAll(batch)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await store.count()).toBe(1);
    await store.putAll([savedArticle(2), savedArticle(3)]);
    expect(await store.count()).toBe(3);
  });

  it('deletes and gives back what it deleted, for undo', async () => {
    const store = await openSavedStore();
    await store.put(savedArticle(1));
    expect(await store.delete(savedArticle(1).id)).toEqual(savedArticle(1));
    expect(await store.delete(savedArticle(1).id)).toBeUndefined();
    expect(await store.count()).toBe(0);
  });

  it('pages through the articles in id order', async () => {
    const store = await openSavedStore();
    await store.putAll([3, 1, 2, 5, 4].map((n) => savedArticle(n)));
    const first = await store.page(undefined, 2);
    const second = await store.page(first.at(-1)!.id, 2);
    const third = await store.page(second.at(-1)!.id, 2);
    expect([...first, ...second, ...third].map((a) => a.title.slice(0, 7))).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4', 'Story 5']);
  });

  it('counts what was saved since the last export', async () => {
    const store = await openSavedStore();
    await store.putAll([savedArticle(1, { savedAt: 100 }), savedArticle(2, { savedAt: 200 })]);
    expect(await store.unexportedCount()).toBe(2);
    await store.markExported(150);
    expect(await store.exportedAt()).toBe(150);
    expect(await store.unexportedCount()).toBe(1);
    await store.markExported(200);
    expect(await store.unexportedCount()).toBe(0);
  });
});

describe('store errors', () => {
  it('tells the reader when the disk is full, and that nothing changed', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(storeError(quota)).toMatchObject({ kind: 'quota', message: expect.stringMatching(/no room left.*nothing was changed/) });
    expect(storeError(new DOMException('x', 'UnknownError'))).toMatchObject({ kind: 'failed', message: expect.stringContaining('(x)') });
  });

  it('reports a quota failure of a write as such', async () => {
    const store = await openSavedStore();
    const { IDBObjectStore } = globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await expect(store.put(savedArticle(1))).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await store.count()).toBe(0);
  });
});

describe('schema migrations', () => {
  it('has one step per version', () => {
    expect(MIGRATIONS).toHaveLength(DB_VERSION);
  });

  it('upgrades a version-1 database with articles in it, keeping them, and adds what version 2 brings', async () => {
    const v1 = await openDB<SavedSchema>(DB_NAME, 1, { upgrade: (db, oldVersion, _n, tx) => migrate(db, oldVersion, 1, tx) });
    expect([...v1.objectStoreNames]).toEqual(['articles']);
    await v1.put('articles', savedArticle(1, { savedAt: 10 }));
    await v1.put('articles', savedArticle(2, { savedAt: 20 }));
    v1.close();

    const store = await openSavedStore();
    expect((await store.all()).sort((a, b) => a.savedAt - b.savedAt)).toEqual([savedArticle(1, { savedAt: 10 }), savedArticle(2, { savedAt: 20 })]);
    // Version 2's index and store work on the old data.
    expect(await store.unexportedCount()).toBe(2);
    await store.markExported(15);
    expect(await store.unexportedCount()).toBe(1);
    // Version 1's unique URL index is still there.
    await expect(store.put(savedArticle(1, { id: 's-x' }))).rejects.toMatchObject({ kind: 'conflict' });
    store.close();

    const raw = await openDB<SavedSchema>(DB_NAME);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.transaction('articles').store.indexNames].sort()).toEqual(['savedAt', 'url']);
    raw.close();
  });

  it('lets a newer version of the extension upgrade under an open connection', async () => {
    const store = await openSavedStore();
    await store.put(savedArticle(1));
    const next = await openDB(DB_NAME, DB_VERSION + 1, { upgrade: () => undefined });
    expect(next.version).toBe(DB_VERSION + 1);
    next.close();
  });
});
