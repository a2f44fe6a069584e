// The library built from the real seeds with the real gazetteer: what a user
// searching in Indonesian or English should find.
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibraryFromSeeds } from '../../src/build/library-build';
import { loadGazetteer } from '../../src/build/gazetteer';
import { createMatcher } from '../../src/core/matcher';
import { articleText } from '../../src/core/entity-profile';
import { LIBRARY_VERSION, loadLibrary, type Library } from '../../src/core/library';

const matcher = createMatcher(loadGazetteer());
const { library } = buildLibraryFromSeeds(resolve(__dirname, '../../seeds'), matcher);

const S000 = '000_4031a0fc8753c09b';
const S001 = '001_bcffe93f59d1024d';
const S002 = '002_77b0af51f9a38730';
const S003 = '003_0c0ee4c7a4371c12';
const S004 = '004_64bb8a77059e5ede';
const ALL = [S000, S001, S002, S003, S004];

const ids = (lib: Library, q: string) => lib.search(q).map((h) => h.id);
const top = (lib: Library, q: string) => lib.search(q)[0]?.id;

describe('search over the seeds', () => {
  it('finds Erdoğan however it is written', () => {
    expect(ids(library, 'Erdogan')).toEqual([S003]);
    expect(ids(library, 'Erdoğan')).toEqual([S003]);
    expect(ids(library, 'ERDOĞAN')).toEqual([S003]);
  });

  it('finds "Rusia" articles for "Russia" and "Россия"', () => {
    const rusia = library.toJSON().articles.filter((a) => /\bRusia\b/.test(articleText(a)) && !/Russia/.test(articleText(a)));
    expect(rusia.length).toBeGreaterThan(0);
    for (const q of ['Russia', 'Россия', 'russia']) {
      const found = ids(library, q);
      for (const a of rusia) expect(found, q).toContain(a.id);
    }
  });

  it('puts the article about Turkish drones first for "Turkey drones"', () => {
    const hits = library.search('Turkey drones');
    expect(hits[0]?.id).toBe(S003);
    expect(hits[0]?.partial).toBe(false);
  });

  it('finds the one article for a rare name', () => {
    expect(top(library, 'Dushanbe')).toBe(S000);
    expect(top(library, 'Pashinyan')).toBe(S001);
    expect(top(library, 'Hollande')).toBe(S004);
    expect(top(library, 'Aliyev')).toBeDefined();
  });

  it('completes a prefix and forgives a typo', () => {
    expect(top(library, 'Pashin')).toBe(S001);
    const azerbaijan = ids(library, 'Azerbaidjan');
    for (const id of [S000, S001, S002]) expect(azerbaijan).toContain(id);
  });

  it('filters by entity', () => {
    const hits = library.search('Putin', { entityId: 'erdogan' });
    expect(hits.map((h) => h.id)).toEqual([S003]);
  });

  it('snippets mark the words of the text, or the mentions of an entity found by name', async () => {
    const [pashin] = library.search('Pashin');
    const s = await library.snippetFor(pashin!);
    expect(s.marks.length).toBeGreaterThan(0);
    // "Pashin" completes to the word and, through the entity's names, to the whole mention.
    for (const [a, b] of s.marks) expect(s.text.slice(a, b)).toMatch(/^(Nikol )?Pashinyan$/);

    const russia = library.search('Russia').find((h) => h.id === S000)!;
    expect(russia.entities).toContain('russia');
    const r = await library.snippetFor(russia);
    expect(r.marks.map(([a, b]) => r.text.slice(a, b))).toContain('Rusia');
  });
});

describe('entity profiles of the seeds', () => {
  it('profiles seed 003 with the people, places and organisations it names', () => {
    const profile = library.get(S003)!.entities;
    for (const id of ['putin', 'erdogan', 'russia', 'turkey', 'nato', 'ukraine', 'soviet-union']) {
      expect(profile[id], id).toBeDefined();
    }
    expect(profile.putin?.prominent).toBe(true);
    expect(profile.erdogan?.prominent).toBe(true);
  });

  it('finds Putin in every seed and Dushanbe in one', () => {
    expect(library.entityDocFrequency('putin')).toBe(5);
    expect(library.withEntity('putin').map((a) => a.id).sort()).toEqual(ALL);
    expect(library.withEntity('dushanbe').map((a) => a.id)).toEqual([S000]);
  });

  it('gives offsets that point at the mention in the article text', () => {
    for (const a of library.toJSON().articles) {
      const text = articleText(a);
      for (const [id, stat] of Object.entries(a.entities)) {
        const mention = matcher.find(text).find((m) => m.entityId === id);
        expect(mention?.start, `${a.id} ${id}`).toBe(stat.first);
      }
    }
  });
});

describe('library.json', () => {
  const json = JSON.stringify(library.toJSON());
  const QUERIES = ['Erdogan', 'Erdoğan', 'Russia', 'Россия', 'Turkey drones', 'Dushanbe', 'Pashin', 'Hollande', 'Azerbaidjan', 'Putin Baku', 'perang'];

  it('round-trips with identical results', () => {
    const loaded = loadLibrary(JSON.parse(json), matcher);
    // Scores may differ in the last bit: MiniSearch re-derives its averages on load.
    const rounded = (lib: Library, q: string) => lib.search(q).map((h) => ({ ...h, score: h.score.toFixed(9) }));
    for (const q of QUERIES) expect(rounded(loaded, q), q).toEqual(rounded(library, q));
    expect(loaded.articles()).toEqual(library.articles());
    expect(loaded.toJSON()).toEqual(library.toJSON());
  });

  it('is refused when its version is not this code', () => {
    const old = { ...JSON.parse(json), version: LIBRARY_VERSION - 1 };
    expect(() => loadLibrary(old, matcher)).toThrow(/rebuild the extension \(npm run build\)/);
  });

  it('accepts a saved page at run time', () => {
    const loaded = loadLibrary(JSON.parse(json), matcher);
    loaded.add({
      id: 'saved:example',
      title: 'Erdoğan bertemu Pashinyan di Dushanbe',
      source: 'Contoh',
      date: '2025-01-01',
      lead: 'Presiden Turki dan PM Armenia bertemu.',
      paragraphs: [],
      lang: 'id',
    });
    expect(ids(loaded, 'Pashinyan')).toContain('saved:example');
    expect(() => loaded.add(loaded.toJSON().articles[0]!)).toThrow(/already in the library/);
  });

  it('stays small', () => {
    const gz = gzipSync(json).length;
    console.info(`library.json: ${json.length} bytes, ${gz} gzipped`);
    expect(json.length).toBeLessThan(500_000);
  });
});

describe('search snippets', () => {
  it('shows the paragraph with the most distinct matches: "Turkey drones" marks both', async () => {
    const hit = library.search('Turkey drones')[0];
    expect(hit?.id).toBe('003_0c0ee4c7a4371c12');
    const s = await library.snippetFor(hit!);
    const marked = s.marks.map(([a, b]) => s.text.slice(a, b).toLowerCase());
    expect(marked.some((m) => m.startsWith('turki'))).toBe(true);
    expect(marked.some((m) => m.startsWith('drone'))).toBe(true);
  });
});
