// Query shaping, the stop words, and the search that answers names from
// the entity lists: on hand-made articles and the fake matcher,
// and the stop words against the real knowledge base.
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { buildLibrary } from '../../src/core/library';
import { shapeQuery } from '../../src/core/query';
import { STOP_WORDS } from '../../src/core/stop-words';
import type { Article } from '../../src/core/types';
import { fakeMatcher } from './helpers/fake-matcher';

const find = (text: string) => fakeMatcher().find(text);
const shape = (q: string) => shapeQuery(q, find).words.map((w) => (w.entities.length ? `[${w.entities.join(',')}]` : `${w.terms[0]}${w.prefix ? '*' : ''}${w.fuzzy ? '~' : ''}`));

describe('shapeQuery', () => {
  it('reads names as entity words, in any spelling and over several words', () => {
    expect(shape('Россия drones ')).toEqual(['[russia]', 'drones~']);
    expect(shape('Vladimir Putin di Ankara ')).toEqual(['[putin]', 'ankara~']);
    expect(shape('ERDOGAN')).toEqual(['[erdogan]']);
  });

  it('matches only the last word as a prefix, and only while it is being typed', () => {
    expect(shape('drone Pashin')).toEqual(['drone~', 'pashin*~']);
    expect(shape('drone Pashin ')).toEqual(['drone~', 'pashin~']);
    expect(shape('Pashin.')).toEqual(['pashin~']);
    // Two letters complete to too much.
    expect(shape('drone pa')).toEqual(['drone~', 'pa']);
  });

  it('forgives typos only in words of five letters or more', () => {
    expect(shape('cuaca cerah ')).toEqual(['cuaca~', 'cerah~']);
    expect(shape('kota jawa ')).toEqual(['kota', 'jawa']);
  });

  it('leaves out function words beside other words, and searches a query made only of them', () => {
    expect(shape('the drone and the war ')).toEqual(['drone~', 'war']);
    expect(shape('yang di Dushanbe ')).toEqual(['[dushanbe]']);
    const only = shapeQuery('itu yang ', find);
    expect(only.onlyStopWords).toBe(true);
    expect(only.words.map((w) => w.terms[0])).toEqual(['itu', 'yang']);
    expect(shapeQuery('   ', find).words).toEqual([]);
  });

  it('keeps one of a word typed twice, and one of a name spelt twice', () => {
    expect(shape('Putin putin drone drone ')).toEqual(['[putin]', 'drone~']);
    expect(shape('Russia Россия Rusia ')).toEqual(['[russia]']);
  });
});

describe('stop words', () => {
  it('hold no alias of any entity of the knowledge base', () => {
    const aliases = new Set(loadKnowledgeBase().entities.flatMap((e) => [...e.aliases, ...(e.weak ?? [])]));
    expect([...STOP_WORDS].filter((w) => aliases.has(w))).toEqual([]);
  });

  it('hold no word readers search for', () => {
    for (const w of ['россия', 'new', 'said', 'baru', 'putin', 'perang', 'war', 'die', 'son', 'may']) expect(STOP_WORDS.has(w), w).toBe(false);
  });
});

const article = (id: string, title: string, lead: string, paragraphs: string[] = []): Article => ({ id, title, source: 'Test', date: '2022-01-01', lead, paragraphs, lang: 'id' });

describe('search: names from the entity lists, words from MiniSearch', () => {
  const lib = buildLibrary(
    [
      article('a', 'Putin dan Erdoğan bertelepon', 'Presiden Rusia dan Presiden Turki membahas drone.', ['Drone buatan Turki dipakai.']),
      article('b', 'Pertemuan di Dushanbe', 'Putin hadir.', ['Rusia mengakui kesalahan.']),
      article('c', 'Cuaca cerah di Jawa', 'Tidak ada berita politik.', ['Itu saja.']),
      article('d', 'Russian tanks', 'A report.', ['Nothing about the president.']),
    ],
    fakeMatcher(),
  );
  const ids = (q: string) => lib.search(q).map((h) => h.id);

  it('finds every article naming the entity, whatever the spelling in the query or in the text', () => {
    expect(ids('Россия').sort()).toEqual(['a', 'b', 'd']);
    const [hit] = lib.search('Russia', { entityId: 'dushanbe' });
    expect(hit).toMatchObject({ id: 'b', entities: ['russia'], partial: false });
  });

  it('searches within an entity: only its articles that match', () => {
    expect(lib.search('Dushanbe', { entityId: 'putin' }).map((h) => h.id)).toEqual(['b']);
    expect(lib.search('drone', { entityId: 'putin' }).map((h) => h.id)).toEqual(['a']);
    expect(lib.search('cuaca', { entityId: 'putin' }).map((h) => h.id)).toEqual([]);
  });

  it('ranks an article that names the entity in its title or lead above one that names it in passing', () => {
    expect(ids('Russia')[0]).not.toBe('d');
    expect(ids('Putin')).toEqual(['a', 'b']);
  });

  it('narrows a name by a word of text, and falls back to any word when none has all', () => {
    expect(ids('Putin drone')).toEqual(['a']);
    const some = lib.search('Dushanbe perang');
    expect(some.map((h) => h.id)).toEqual(['b']);
    expect(some[0]?.partial).toBe(true);
  });

  it('forgives two letters swapped and other typos, in a word that finds nothing as typed', () => {
    expect(ids('Putin dorne')).toEqual(['a']);
    expect(ids('cuaca cerha')).toEqual(['c']);
    expect(ids('cuaca ceraah')).toEqual(['c']);
  });

  it('still searches a query of function words alone', () => {
    expect(ids('itu')).toEqual([]);
    expect(ids('di')).toEqual(expect.arrayContaining(['b', 'c']));
  });

  it('says which words of the text matched, for the snippet to mark', async () => {
    const [hit] = lib.search('Putin dron');
    expect(hit?.terms).toContain('drone');
    expect(hit?.entities).toEqual(['putin']);
    const s = await lib.snippetFor(hit!);
    expect(s.marks.length).toBeGreaterThan(0);
  });
});
