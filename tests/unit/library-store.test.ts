// The library kept between starts, on fake-indexeddb: a start with the
// snapshots up to date profiles and indexes nothing; a snapshot older than
// the articles is brought up to date; one made by another version is refused
// and made again; and a database of the schema before snapshots (version 2)
// becomes a library, then keeps its snapshots.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLibraryLoader, type LibraryLoader } from '../../src/background/library-store';
import { SavedLibrary } from '../../src/background/saved-library';
import { DB_NAME, migrate, openSavedStore, type SavedSchema, type SavedStore } from '../../src/background/saved-store';
import { articleIdFor } from '../../src/core/canonical-url';
import { buildLibrary, type LibraryMatcher } from '../../src/core/library';
import type { Article } from '../../src/core/types';
import { fakeMatcher } from './helpers/fake-matcher';
import { savedArticle } from './helpers/saved-articles';

const seed: Article = { id: 'seed', title: 'Putin di Dushanbe', source: 'Seed', date: '2020-01-01', lead: 'Rusia.', paragraphs: ['Tajikistan.'], lang: 'id' };
const bundled = { ...buildLibrary([seed], fakeMatcher()).toJSON(), profileKey: 'kb-1' };

/** The fake matcher, counting the texts it profiles. */
function countingMatcher(): LibraryMatcher & { profiled: number } {
  const base = fakeMatcher();
  const m = {
    profiled: 0,
    entity: base.entity,
    find(text: string) {
      if (text.includes('\n\n')) m.profiled++;
      return base.find(text);
    },
  };
  return m;
}

let store: SavedStore;

function start(matcher = countingMatcher(), json: unknown = bundled, catalogDelayMs?: number): { loader: LibraryLoader; matcher: ReturnType<typeof countingMatcher>; saved: SavedLibrary } {
  const loader = createLibraryLoader({ matcher, store: async () => store, bundled: async () => json, pause: async () => undefined, fullTextDelayMs: 0, ...(catalogDelayMs === undefined ? {} : { catalogDelayMs }) });
  const saved = new SavedLibrary({ store: async () => store, library: () => loader.searchable(), catalog: () => loader.catalog(), announce: async () => undefined, changed: (g) => loader.changed(g) });
  return { loader, matcher: matcher as ReturnType<typeof countingMatcher>, saved };
}

const { id: _id, ...record } = savedArticle(1, { title: 'Erdoğan di Ankara', lead: 'Turki menyambut Putin.' });
const ids = async (loader: LibraryLoader, q: string) => (await loader.searchable()).search(q).map((h) => h.id);

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await openSavedStore();
});

describe('the library kept between starts', () => {
  it('starts from its snapshots without profiling or indexing anything again', async () => {
    const first = start();
    await first.saved.save(record);
    await first.saved.save({ ...record, url: 'https://news.example/2', title: 'Dushanbe lagi' });
    await first.loader.persist();

    const second = start();
    const catalog = await second.loader.catalog();
    expect(catalog.size).toBe(3);
    expect(catalog.searchable).toBe(false);
    expect(await ids(second.loader, 'Ankara')).toEqual([await articleIdFor(record.url)]);
    expect((await ids(second.loader, 'Путин')).sort()).toEqual([await articleIdFor(record.url), await articleIdFor('https://news.example/2'), 'seed'].sort());
    expect(second.matcher.profiled).toBe(0);
    expect((await second.loader.searchable()).fullText?.changes).toBe(0);
  });

  it('writes the catalog\'s snapshot a while after a save, not in the save\'s own turn', async () => {
    const first = start(countingMatcher(), bundled, 200);
    await first.saved.save(record);
    const generation = await store.generation();
    await new Promise((r) => setTimeout(r, 20));
    expect((await store.snapshot('catalog')).value).toBeUndefined();
    await expect.poll(async () => ((await store.snapshot('catalog')).value as { generation?: number } | undefined)?.generation, { timeout: 2000 }).toBe(generation);
  });

  it('brings a snapshot older than the articles up to date: what was saved, changed or deleted since', async () => {
    const first = start();
    await first.saved.save(record);
    await first.saved.save({ ...record, url: 'https://news.example/gone', title: 'Hilang' });
    await first.loader.persist();
    // Written behind the snapshots' back, as a background stopped before writing them leaves it.
    await store.put({ ...savedArticle(7), id: await articleIdFor(savedArticle(7).url), title: 'Baru di Dushanbe' });
    await store.put({ ...savedArticle(1, { title: 'Erdoğan di Izmir', savedAt: 2e12 }), id: await articleIdFor(record.url) });
    await store.delete(await articleIdFor('https://news.example/gone'));

    const second = start();
    expect((await second.loader.catalog()).size).toBe(3);
    expect(second.matcher.profiled).toBe(2);
    expect(await ids(second.loader, 'Izmir')).toEqual([await articleIdFor(record.url)]);
    expect(await ids(second.loader, 'Ankara')).toEqual([]);
    expect(await ids(second.loader, 'Hilang')).toEqual([]);
    expect((await ids(second.loader, 'Dushanbe')).sort()).toEqual([await articleIdFor(savedArticle(7).url), 'seed'].sort());
  });

  it('profiles again a catalog made with another knowledge base, and indexes again an index made otherwise', async () => {
    const first = start();
    await first.saved.save(record);
    await first.loader.persist();
    const fulltext = (await store.snapshot('fulltext')).value as { index: object };
    await store.putSnapshot('fulltext', { ...fulltext, index: { ...fulltext.index, optionsKey: 'other' } });

    const second = start(countingMatcher(), { ...bundled, profileKey: 'kb-2' });
    expect((await second.loader.catalog()).size).toBe(2);
    expect(second.matcher.profiled).toBe(1);
    expect(await ids(second.loader, 'Ankara')).toEqual([await articleIdFor(record.url)]);
    await second.loader.persist();
    const kept = (await store.snapshot('catalog')).value as { profileKey: string };
    expect(kept.profileKey).toBe('kb-2');
  });

  it('counts what was saved, and what no export holds, from the catalog', async () => {
    const first = start();
    await first.saved.save(record);
    await first.saved.save({ ...record, url: 'https://news.example/2', savedAt: record.savedAt + 10 });
    expect(await first.saved.status()).toEqual({ saved: 2, unexported: 2 });
    await first.saved.markExported(record.savedAt + 5);
    expect(await first.saved.status()).toEqual({ saved: 2, unexported: 1 });
  });

  it('refuses a library.json of another version, loudly, and tries again on the next call', async () => {
    const broken = start(countingMatcher(), { ...bundled, version: 1 });
    await expect(broken.loader.catalog()).rejects.toThrow(/rebuild the extension/);
    await expect(broken.loader.catalog()).rejects.toThrow(/rebuild the extension/);
  });
});

describe('migration from the schema before snapshots', () => {
  it('makes the library of a version-2 database from its articles, once, then keeps it', async () => {
    store.close();
    globalThis.indexedDB = new IDBFactory();
    const v2 = await openDB<SavedSchema>(DB_NAME, 2, { upgrade: (db, oldVersion, _n, tx) => migrate(db, oldVersion, 2, tx) });
    for (const n of [1, 2, 3]) await v2.put('articles', { ...savedArticle(n), id: await articleIdFor(savedArticle(n).url) });
    v2.close();

    store = await openSavedStore();
    expect(await store.count()).toBe(3);
    const first = start();
    expect((await first.loader.catalog()).size).toBe(4);
    expect(first.matcher.profiled).toBe(3);
    expect(await ids(first.loader, 'Story')).toHaveLength(3);
    await first.loader.persist();
    expect((await store.snapshot('catalog')).value).toMatchObject({ format: 'newscontext-catalog', generation: 0 });

    const second = start();
    expect(await ids(second.loader, 'Story')).toHaveLength(3);
    expect(second.matcher.profiled).toBe(0);
  });
});
