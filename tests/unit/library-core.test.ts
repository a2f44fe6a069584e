// The library's mechanics on hand-made articles and a fake matcher: profiles,
// search options, run-time additions, serialization and its refusals.
import { describe, expect, it } from 'vitest';
import { buildLibrary, LIBRARY_VERSION, loadLibrary, type Library } from '../../src/core/library';
import { articleText, partAt } from '../../src/core/entity-profile';
import type { Article } from '../../src/core/types';
import { fakeMatcher } from './helpers/fake-matcher';

const article = (id: string, title: string, lead: string, paragraphs: string[] = [], date = '2022-01-01'): Article => ({
  id,
  title,
  source: 'Test',
  date,
  lead,
  paragraphs,
  lang: 'id',
});

const ARTICLES: Article[] = [
  article('a', 'Putin dan Erdoğan bertelepon', 'Presiden Rusia dan Presiden Turki membahas drone.', ['Drone buatan Turki dipakai.']),
  article('b', 'Putin di Dushanbe', 'Pertemuan di ibu kota Tajikistan.', ['Rusia mengakui kesalahan.', 'Putin berjanji.']),
  article('c', 'Cuaca cerah di Jawa', 'Tidak ada berita politik.', [], '2023-05-05'),
];

const build = (): Library => buildLibrary(ARTICLES, fakeMatcher());
const ids = (lib: Library, q: string, opts?: Parameters<Library['search']>[1]) => lib.search(q, opts).map((h) => h.id);

describe('buildLibrary', () => {
  it('profiles each article over title, lead and body', () => {
    const lib = build();
    const a = lib.get('a')!;
    expect(Object.keys(a.entities).sort()).toEqual(['erdogan', 'putin', 'russia', 'turkey']);
    expect(a.entities.turkey).toEqual({ count: 2, weakCount: 0, first: articleText(ARTICLES[0]!).indexOf('Turki'), prominent: true });
    const b = lib.get('b')!;
    expect(b.entities.russia).toMatchObject({ count: 1, prominent: false });
    expect(b.entities.putin).toMatchObject({ count: 2, prominent: true, first: 0 });
    expect(lib.get('c')!.entities).toEqual({});
  });

  it('counts demonyms apart from names', () => {
    const lib = buildLibrary([article('d', 'Kapal Russian', 'Rusia dan Russian.')], fakeMatcher());
    expect(lib.get('d')!.entities.russia).toEqual({ count: 1, weakCount: 2, first: 6, prominent: true });
  });

  it('refuses two articles with one id', () => {
    expect(() => buildLibrary([ARTICLES[0]!, ARTICLES[0]!], fakeMatcher())).toThrow(/id "a" is already in the library/);
  });
});

describe('partAt', () => {
  it('maps an offset of articleText back to the part that holds it', () => {
    const a = { title: 'Title', lead: 'Lead here', paragraphs: ['One', 'Two'] };
    const text = articleText(a);
    expect(partAt(a, text.indexOf('Title'))).toBe(0);
    expect(partAt(a, text.indexOf('here'))).toBe(1);
    expect(partAt(a, text.indexOf('One'))).toBe(2);
    expect(partAt(a, text.indexOf('Two') + 2)).toBe(3);
    expect(partAt(a, text.indexOf('Lead') - 1)).toBe(-1);
    expect(partAt(a, text.length)).toBe(-1);
  });
});

describe('Library.search', () => {
  const lib = build();

  it('finds by any spelling of an entity the article names', () => {
    expect(ids(lib, 'Russia').sort()).toEqual(['a', 'b']);
    expect(ids(lib, 'Россия').sort()).toEqual(['a', 'b']);
    expect(ids(lib, 'Erdoğan')).toEqual(['a']);
    expect(ids(lib, 'erdogan')).toEqual(['a']);
  });

  it('says which entities matched by name and which text words to emphasise', () => {
    const [hit] = lib.search('Russia', { entityId: 'putin' });
    expect(hit?.entities).toContain('russia');
    const [drone] = lib.search('drones');
    expect(drone?.terms).toEqual(['drone']);
  });

  it('wants every word, and falls back to any word when no article has all', () => {
    const both = lib.search('Turkey drones');
    expect(both.map((h) => h.id)).toEqual(['a']);
    expect(both[0]?.partial).toBe(false);
    const some = lib.search('Dushanbe perang');
    expect(some.map((h) => h.id)).toEqual(['b']);
    expect(some[0]?.partial).toBe(true);
  });

  it('searches by prefix and forgives a typo', () => {
    expect(ids(lib, 'Dusha')).toEqual(['b']);
    expect(ids(lib, 'Dushanbi')).toEqual(['b']);
  });

  it('filters by entity and limits', () => {
    expect(ids(lib, 'Putin', { entityId: 'dushanbe' })).toEqual(['b']);
    expect(ids(lib, 'Putin', { limit: 1 })).toHaveLength(1);
    expect(lib.search('   ')).toEqual([]);
    expect(lib.search('zzzzqqq')).toEqual([]);
  });

  it('makes a snippet around the match, marking names spelt otherwise', async () => {
    const [hit] = lib.search('Russia', { entityId: 'dushanbe' });
    const s = await lib.snippetFor(hit!);
    expect(s.text).toBe('Rusia mengakui kesalahan.');
    expect(s.marks).toEqual([[0, 5]]);
  });
});

describe('Library entities', () => {
  const lib = build();

  it('lists the articles naming an entity, prominent first', () => {
    expect(lib.withEntity('putin').map((a) => a.id)).toEqual(['b', 'a']);
    expect(lib.withEntity('nobody')).toEqual([]);
    expect(lib.entityDocFrequency('putin')).toBe(2);
    expect(lib.entityDocFrequency('dushanbe')).toBe(1);
    expect(lib.entityDocFrequency('nobody')).toBe(0);
  });
});

describe('Library.add', () => {
  it('makes a new article searchable at once and refuses a known id', () => {
    const lib = build();
    expect(ids(lib, 'Dushanbe')).toEqual(['b']);
    const added = lib.add(article('saved-1', 'Erdoğan ke Dushanbe', 'Turki dan Tajikistan.'));
    expect(Object.keys(added.entities).sort()).toEqual(['dushanbe', 'erdogan', 'turkey']);
    expect(ids(lib, 'Dushanbe').sort()).toEqual(['b', 'saved-1']);
    expect(lib.size).toBe(4);
    expect(() => lib.add(article('b', 'Lagi', 'Lagi.'))).toThrow('Library.add: an article with id "b" is already in the library');
  });

  it('needs a matcher', () => {
    const lib = loadLibrary(JSON.parse(JSON.stringify(build())));
    expect(() => lib.add(article('x', 'X', 'Y.'))).toThrow(/no matcher/);
  });
});

describe('Library.upsert and remove', () => {
  it('puts a re-saved article in place of the old one: one copy, the new text searchable, the old gone', () => {
    const lib = build();
    lib.add(article('s', 'Erdoğan ke Dushanbe', 'Turki dan Tajikistan.'));
    const updated = lib.upsert(article('s', 'Putin ke Ankara', 'Rusia dan Turki.'));
    expect(lib.size).toBe(4);
    expect(Object.keys(updated.entities).sort()).toEqual(['putin', 'russia', 'turkey']);
    expect(lib.get('s')?.title).toBe('Putin ke Ankara');
    expect(ids(lib, 'Dushanbe')).toEqual(['b']);
    expect(ids(lib, 'Ankara')).toEqual(['s']);
    expect(lib.articles().filter((a) => a.id === 's')).toHaveLength(1);
  });

  it('keeps the document frequencies up to date as articles come, change and go', () => {
    const lib = build();
    expect(lib.entityDocFrequency('dushanbe')).toBe(1);
    lib.upsert(article('s', 'Dushanbe', 'Putin di Dushanbe.'));
    expect(lib.entityDocFrequency('dushanbe')).toBe(2);
    expect(lib.entityDocFrequency('putin')).toBe(3);
    lib.upsert(article('s', 'Ankara', 'Turki.'));
    expect(lib.entityDocFrequency('dushanbe')).toBe(1);
    expect(lib.remove('b')).toBe(true);
    expect(lib.remove('b')).toBe(false);
    expect(lib.entityDocFrequency('dushanbe')).toBe(0);
    expect(lib.documentFrequencies().has('dushanbe')).toBe(false);
    expect(ids(lib, 'Dushanbe')).toEqual([]);
    expect(lib.get('b')).toBeUndefined();
    expect(lib.size).toBe(3);
    // The maintained counts are the counts.
    const counted = new Map<string, number>();
    for (const a of lib.articles()) for (const e of Object.keys(a.entities)) counted.set(e, (counted.get(e) ?? 0) + 1);
    expect(new Map(lib.documentFrequencies())).toEqual(counted);
  });

  it('profiles an article with the matcher for its language', () => {
    const base = fakeMatcher();
    const endings = { find: (text: string) => base.find(text.replace(/Putinin/g, 'Putin  ')) };
    const lib = buildLibrary([], { ...base, find: (t) => base.find(t), entity: (id) => base.entity(id), forLanguage: (lang) => (lang === 'az' ? endings : base) });
    expect(Object.keys(lib.add({ ...article('az', 'Putinin səfəri', 'Bakı.'), lang: 'az' }).entities)).toEqual(['putin']);
    expect(Object.keys(lib.add(article('id', 'Putinin', 'x.')).entities)).toEqual([]);
  });
});

describe('serialization', () => {
  const QUERIES = ['Russia', 'Putin', 'Turkey drones', 'Dusha', 'Dushanbi', 'Erdoğan', 'Россия', 'cuaca', 'perang Dushanbe'];

  it('round-trips through JSON with identical results', () => {
    const lib = build();
    const json = JSON.stringify(lib);
    const loaded = loadLibrary(JSON.parse(json), fakeMatcher());
    // Scores may differ in the last bit: MiniSearch re-derives its averages on load.
    const rounded = (l: Library, q: string) => l.search(q).map((h) => ({ ...h, score: h.score.toFixed(9) }));
    for (const q of QUERIES) expect(rounded(loaded, q), q).toEqual(rounded(lib, q));
    expect(loaded.articles()).toEqual(lib.articles());
    expect(loaded.toJSON()).toEqual(lib.toJSON());
  });

  it('stays searchable and extensible after a round trip plus an addition', () => {
    const loaded = loadLibrary(JSON.parse(JSON.stringify(build())), fakeMatcher());
    loaded.add(article('z', 'Putin di Ankara', 'Turki menyambut.'));
    const again = loadLibrary(JSON.parse(JSON.stringify(loaded)), fakeMatcher());
    expect(ids(again, 'Ankara')).toEqual(['z']);
  });

  it('refuses another version with a message that says what to do', () => {
    const json = build().toJSON();
    expect(() => loadLibrary({ ...json, version: LIBRARY_VERSION + 1 })).toThrow(
      `Library version ${LIBRARY_VERSION + 1}, expected ${LIBRARY_VERSION}: rebuild the extension (npm run build)`,
    );
    expect(() => loadLibrary({ ...json, version: undefined })).toThrow(/Library version missing, expected/);
  });

  it('refuses what is not a library, never returning an empty one', () => {
    const json = build().toJSON();
    for (const bad of [null, [], 'x', {}, { ...json, format: 'other' }]) {
      expect(() => loadLibrary(bad), JSON.stringify(bad)).toThrow(/Not a NewsContext library.*rebuild the extension/);
    }
    expect(() => loadLibrary({ ...json, articles: {} })).toThrow(/"articles" is not a list/);
    expect(() => loadLibrary({ ...json, articles: [{ id: 'a' }] })).toThrow(/article #0 is malformed/);
    expect(() => loadLibrary({ ...json, articles: [json.articles[0], json.articles[0]] })).toThrow(/two articles share an id/);
  });
});
