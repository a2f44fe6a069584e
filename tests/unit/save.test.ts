// Saving, from what extract.js hands back to the library that answers at
// once: the record made of an extraction, one copy per URL, errors the reader
// sees, and imports applied all or nothing. On fake-indexeddb, with a library
// built on the fake matcher.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportStaging } from '../../src/background/import-staging';
import { createLibraryHandlers } from '../../src/background/library-handlers';
import { recordFrom, saveFromTab, type TabExtractor } from '../../src/background/save';
import { SavedLibrary } from '../../src/background/saved-library';
import { openSavedStore, type SavedStore } from '../../src/background/saved-store';
import { articleIdFor } from '../../src/core/canonical-url';
import { buildLibrary, type Library } from '../../src/core/library';
import { localDay } from '../../src/core/published-date';
import type { Extraction, PageFacts } from '../../src/shared/extraction';
import { fakeMatcher } from './helpers/fake-matcher';
import { savedArticle } from './helpers/saved-articles';

const NOW = Date.UTC(2025, 2, 3, 9);
const page: PageFacts = { url: 'https://news.example/a', title: 'Putin di Dushanbe', source: 'News', author: 'A. Writer', date: '2024-08-19', lang: 'id' };
const articleOf = (over: Partial<PageFacts> = {}, lead = 'Rusia dan Turki bertemu di Dushanbe.'): Extraction => ({
  kind: 'article',
  page: { ...page, ...over },
  lead,
  paragraphs: ['Putin berjanji.', 'Erdogan menjawab.'],
});

describe('recordFrom', () => {
  it('makes an article record with the publication date', () => {
    expect(recordFrom(articleOf(), NOW)).toEqual({
      kind: 'article',
      url: 'https://news.example/a',
      title: 'Putin di Dushanbe',
      source: 'News',
      author: 'A. Writer',
      date: '2024-08-19',
      dateKnown: true,
      lang: 'id',
      savedAt: NOW,
      lead: 'Rusia dan Turki bertemu di Dushanbe.',
      paragraphs: ['Putin berjanji.', 'Erdogan menjawab.'],
    });
  });

  it('dates an article without a publication date by the day it was saved, flagged', () => {
    expect(recordFrom(articleOf({ date: null }), NOW)).toMatchObject({ date: localDay(NOW), dateKnown: false });
  });

  it('keeps a selection with its page, at an address that points at the passage', () => {
    const made = recordFrom({ kind: 'selection', page, paragraphs: ['Putin berjanji.', 'Erdogan menjawab.'] }, NOW);
    expect(made).toMatchObject({ kind: 'selection', title: 'Putin di Dushanbe', lead: 'Putin berjanji.', paragraphs: ['Erdogan menjawab.'] });
    expect((made as { url: string }).url).toBe('https://news.example/a#:~:text=Putin%20berjanji.%20Erdogan%20menjawab.');
  });

  it('says why there is nothing to save', () => {
    expect(recordFrom({ kind: 'not-article', page }, NOW)).toEqual({ status: 'not-article' });
    expect(recordFrom({ kind: 'no-selection', page }, NOW)).toEqual({ status: 'no-selection' });
    expect(recordFrom({ kind: 'too-big', page, bytes: 6 * 1024 * 1024 }, NOW)).toEqual({ status: 'too-big', size: '6.0 MB' });
    expect(recordFrom(articleOf({ url: null }), NOW)).toEqual({ status: 'unavailable' });
  });
});

describe('saving a tab', () => {
  let store: SavedStore;
  let library: Library;
  let announced: number;
  let saved: SavedLibrary;

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    store = await openSavedStore();
    library = buildLibrary([], fakeMatcher());
    announced = 0;
    saved = new SavedLibrary({ store: async () => store, library: async () => library, announce: async () => void announced++ });
  });

  const save = (extract: TabExtractor) => saveFromTab({ extract, saved, now: () => NOW }, 1, 'article');
  const ids = (q: string) => library.search(q).map((h) => h.id);

  it('saves, then updates the same article: one copy, in the store and searchable at once', async () => {
    const first = await save(async () => articleOf());
    const id = await articleIdFor('https://news.example/a');
    expect(first).toEqual({ status: 'saved', id, title: 'Putin di Dushanbe', kind: 'article' });
    expect(ids('Dushanbe')).toEqual([id]);

    const again = await save(async () => articleOf({ title: 'Putin di Ankara' }, 'Turki menyambut Putin.'));
    expect(again).toMatchObject({ status: 'updated', id });
    expect(await store.count()).toBe(1);
    expect(library.size).toBe(1);
    expect(ids('Ankara')).toEqual([id]);
    expect(ids('Dushanbe')).toEqual([]);
    expect(announced).toBe(2);
  });

  it('says so when the browser keeps it out of the tab, and when reading fails otherwise', async () => {
    expect(await save(async () => Promise.reject(new Error('Cannot access contents of the page. Extension manifest must request permission')))).toEqual({
      status: 'unavailable',
    });
    expect(await save(async () => Promise.reject(new Error('boom')))).toEqual({ status: 'error', reason: 'failed', message: 'NewsContext: the page could not be read (boom).' });
    expect(await store.count()).toBe(0);
  });

  it('refuses a record that is not well formed, saving nothing', async () => {
    const outcome = await save(async () => articleOf({ title: '   ' }));
    expect(outcome).toMatchObject({ status: 'error', reason: 'failed', message: expect.stringContaining('title is empty') });
    expect(await store.count()).toBe(0);
  });

  it('tells the reader when the disk is full, and loses nothing saved before', async () => {
    await save(async () => articleOf());
    const put = store.put;
    store.put = () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    const outcome = await save(async () => articleOf({ url: 'https://news.example/b', title: 'Lain' }));
    store.put = put;
    expect(outcome).toMatchObject({ status: 'error', reason: 'quota', message: expect.stringMatching(/no room left/) });
    expect(await store.count()).toBe(1);
    expect(library.size).toBe(1);
  });

  it('deletes and restores, for undo', async () => {
    const { id } = (await save(async () => articleOf())) as { id: string };
    const deleted = await saved.delete(id);
    expect(library.size).toBe(0);
    expect(ids('Dushanbe')).toEqual([]);
    await saved.restore(deleted!);
    expect(await store.get(id)).toEqual(deleted);
    expect(ids('Dushanbe')).toEqual([id]);
  });
});

describe('import through the background', () => {
  let store: SavedStore;
  let library: Library;
  let handlers: ReturnType<typeof createLibraryHandlers>;
  const ctx = { tabId: undefined, frameId: 0 };

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    store = await openSavedStore();
    library = buildLibrary([], fakeMatcher());
    const saved = new SavedLibrary({ store: async () => store, library: async () => library, announce: async () => undefined });
    handlers = createLibraryHandlers({ library: async () => library, saved, staging: new ImportStaging(async () => store), saveTab: async () => ({ status: 'unavailable' }) });
  });

  const importAll = async (articles: ReturnType<typeof savedArticle>[]) => {
    const { importId } = await handlers['library/import-begin']({ total: articles.length }, ctx);
    for (let i = 0; i < articles.length; i += 2) await handlers['library/import-part']({ importId, articles: articles.slice(i, i + 2) }, ctx);
    return handlers['library/import-commit']({ importId }, ctx);
  };

  it('adds what is new, replaces what is newer, under the ids their URLs give', async () => {
    await store.put({ ...savedArticle(1), id: await articleIdFor(savedArticle(1).url) });
    library.upsert({ ...savedArticle(1), id: await articleIdFor(savedArticle(1).url) });
    const outcome = await importAll([savedArticle(1), savedArticle(2, { title: 'Putin di Dushanbe' }), savedArticle(3)]);
    expect(outcome).toEqual({ added: 2, replaced: 0, unchanged: 1, duplicates: 0 });
    expect(await store.count()).toBe(3);
    expect(library.size).toBe(3);
    expect(library.search('Dushanbe').map((h) => h.id)).toEqual([await articleIdFor(savedArticle(2).url)]);
    const rows = (await handlers['library/list']({}, ctx)).filter((r) => r.saved);
    expect(rows).toHaveLength(3);
  });

  it('writes nothing when the write fails, nor when the import arrives incomplete or unknown', async () => {
    // The store holds story 2's URL under another id, which the library does not know:
    // the commit's second write breaks the unique URL index, and the whole transaction is undone.
    await store.put({ ...savedArticle(2), id: 's-other' });
    await expect(importAll([savedArticle(1), savedArticle(2)])).rejects.toMatchObject({ kind: 'conflict' });
    expect(library.size).toBe(0);
    expect((await store.all()).map((a) => a.id)).toEqual(['s-other']);
    expect(await (await store.database()).count('staging')).toBe(0);
    await store.delete('s-other');

    const { importId } = await handlers['library/import-begin']({ total: 3 }, ctx);
    await handlers['library/import-part']({ importId, articles: [savedArticle(1)] }, ctx);
    await expect(handlers['library/import-commit']({ importId }, ctx)).rejects.toThrow('arrived incomplete (1 of 3 articles); nothing was written');
    await expect(handlers['library/import-commit']({ importId: 'nope' }, ctx)).rejects.toThrow(/interrupted/);
    expect(library.size).toBe(0);
    expect(await store.count()).toBe(0);
  });

  it('stages parts in the store, not in memory, and leaves nothing staged once applied or abandoned', async () => {
    const database = await store.database();
    const { importId } = await handlers['library/import-begin']({ total: 4 }, ctx);
    await handlers['library/import-part']({ importId, articles: [savedArticle(1), savedArticle(2)] }, ctx);
    expect(await database.count('staging')).toBe(1);
    expect(await handlers['library/import-progress']({ importId }, ctx)).toEqual({ phase: 'staging', done: 2, total: 4 });
    // Abandoned: nothing written, nothing staged.
    await handlers['library/import-abort']({ importId }, ctx);
    expect(await database.count('staging')).toBe(0);
    expect(await store.count()).toBe(0);
    await expect(handlers['library/import-part']({ importId, articles: [savedArticle(3)] }, ctx)).rejects.toThrow(/interrupted/);

    const outcome = await importAll([savedArticle(1), savedArticle(2), savedArticle(3), savedArticle(3, { savedAt: 1 })]);
    expect(outcome).toEqual({ added: 3, replaced: 0, unchanged: 0, duplicates: 1 });
    expect(await database.count('staging')).toBe(0);
    expect(await store.count()).toBe(3);
    // The later of the two copies of story 3 won.
    expect((await store.get(await articleIdFor(savedArticle(3).url)))?.savedAt).toBe(savedArticle(3).savedAt);
  });

  it('clears the parts of an import a stopped background never committed', async () => {
    const database = await store.database();
    await database.put('staging', [savedArticle(9)], ['lost', 0]);
    const staging = new ImportStaging(async () => store);
    await staging.begin(1);
    expect(await database.count('staging')).toBe(0);
  });
});
