// The search index on its own: what a word finds (exactly, by prefix, by a
// near miss, through entity names), AND with OR fallback, the top-k selection,
// and serialization. Property tests compare it with a plain scan of the documents.
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { SearchIndex, type IndexDocument } from '../../src/core/search-index';
import { FUZZY_MIN, FUZZY_RATIO, MAX_FUZZY, PREFIX_MIN, processTerm, terms, tokenize } from '../../src/core/search-options';

const doc = (id: string, body: string, entities: Record<string, number> = {}, title = ''): IndexDocument => ({
  id,
  title,
  lead: '',
  body,
  entities,
});

function indexOf(docs: IndexDocument[]): SearchIndex {
  const index = new SearchIndex();
  for (const d of docs) index.add(d);
  return index;
}

const ids = (index: SearchIndex, q: string, limit = 100) => index.search(q, { limit }).map((h) => h.id);

describe('terms', () => {
  // Not ʼ and ʻ: letters to Unicode, apostrophes to fold, and so separators (below).
  const TRICKY = [...'İIıiĞğŞşÇçÖöÜüƏəЁёЙйÅøŁłđ’‘‐‑\u00a0\u0301\u0306éÉ😀𝐀'];
  test('are the words of tokenize, each through processTerm', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(fc.constantFrom(...TRICKY, 'a', 'Z', ' ', '-', 'Путин', 'Erdoğan'), { maxLength: 30 }).map((a) => a.join('')),
        ),
        (s) => {
          const reference = tokenize(s).flatMap((w) => processTerm(w) ?? []);
          expect(terms(s)).toEqual(reference);
        },
      ),
    );
  });

  test('split at apostrophes of every kind, as the snippets do', () => {
    expect(terms("Erdoğan'ın Erdoğan’ın Erdoğanʼın")).toEqual(['erdogan', 'in', 'erdogan', 'in', 'erdogan', 'in']);
  });
});

describe('SearchIndex', () => {
  it('finds a word exactly, or the words it begins from three letters', () => {
    const index = indexOf([doc('a', 'Pashinyan spoke'), doc('b', 'Pas de deux'), doc('c', 'Erdoğan')]);
    expect(ids(index, 'Pashin')).toEqual(['a']);
    expect(ids(index, 'pas')).toEqual(['b', 'a']); // the exact word first
    expect(ids(index, 'pa')).toEqual([]); // two letters: no completions
    expect(ids(index, 'ERDOGAN')).toEqual(['c']);
  });

  it('completes the last word, and an earlier one only when it is no word of its own', () => {
    const index = indexOf([doc('a', 'Pashinyan spoke'), doc('b', 'Pas de deux')]);
    expect(ids(index, 'spoke pas')).toEqual(['a']);
    expect(ids(index, 'pashin spoke')).toEqual(['a']);
    // "pas" is a word: finished, it does not stand for "Pashinyan".
    expect(index.search('pas spoke', { limit: 10 }).map((h) => [h.id, h.partial])).toEqual([['a', true], ['b', true]]);
    // A word of a name is a word too.
    index.add(doc('c', 'Nikolaev spoke'));
    expect(index.search('nikol spoke', { limit: 10 }).map((h) => [h.id, h.partial])).toEqual([['c', false]]);
    index.nameEntity('pashinyan', ['Nikol Pashinyan']);
    expect(index.search('nikol spoke', { limit: 10 }).every((h) => h.partial)).toBe(true);
  });

  it('looks for near misses only when the word finds nothing exactly or by prefix', () => {
    const index = indexOf([doc('putin', 'Putin'), doc('putih', 'Kemeja putih')]);
    expect(ids(index, 'putih')).toEqual(['putih']);
    expect(ids(index, 'putim')).toEqual(['putin', 'putih']); // one edit from both
    expect(ids(index, 'puti')).toEqual(['putin', 'putih']); // a prefix, not a near miss
  });

  it('keeps the first letter of a near miss in the text', () => {
    const index = indexOf([doc('a', 'Azerbaijan'), doc('b', 'Dushanbe')]);
    expect(ids(index, 'Azerbaidjan')).toEqual(['a']); // two edits, 11 letters
    expect(ids(index, 'Dushanbi')).toEqual(['b']);
    expect(ids(index, 'Tushanbe')).toEqual([]);
  });

  it('reaches entities through the words of their names: exactly, by prefix, by a near miss', () => {
    const index = indexOf([
      doc('rusia', 'Presiden Rusia berkata', { russia: 1 }),
      doc('often', 'Rusia, Rusia, Rusia', { russia: 3 }),
      doc('none', 'Cuaca cerah'),
    ]);
    index.nameEntity('russia', ['Russia', 'Rusia', 'Россия', 'Russian']);
    expect(ids(index, 'Россия')).toEqual(['often', 'rusia']); // named more often: first
    expect(ids(index, 'Россию')).toEqual(['often', 'rusia']); // one edit: an inflection
    expect(ids(index, 'Росс')).toEqual(['often', 'rusia']);
    const [hit] = index.search('Россия', { limit: 1 });
    expect(hit).toMatchObject({ id: 'often', entities: ['russia'], terms: [], queryTerms: ['россия'] });
    const [both] = index.search('Rusia', { limit: 1 });
    expect(both).toMatchObject({ entities: ['russia'], terms: ['rusia'], match: { rusia: ['body'] } });
    // Naming an entity a second time changes nothing.
    index.nameEntity('russia', ['Cuaca']);
    expect(ids(index, 'cuaca')).toEqual(['none']);
  });

  it('wants every word, and takes any word when no document has all', () => {
    const index = indexOf([doc('a', 'Turkey drones'), doc('b', 'Turkey'), doc('c', 'drones')]);
    expect(index.search('turkey drones', { limit: 10 }).map((h) => [h.id, h.partial])).toEqual([['a', false]]);
    const some = index.search('turkey perang', { limit: 10 });
    expect(some.map((h) => h.id).sort()).toEqual(['a', 'b']);
    expect(some.every((h) => h.partial && h.queryTerms.join() === 'turkey')).toBe(true);
  });

  it('filters and limits, ties going to the document added first', () => {
    const index = indexOf(['a', 'b', 'c', 'd'].map((id) => doc(id, 'same words')));
    expect(ids(index, 'same', 2)).toEqual(['a', 'b']);
    // "alpha" is looked up first and finds the later document first.
    const tie = indexOf([doc('first', 'beta'), doc('second', 'alpha')]);
    expect(ids(tie, 'alpha beta', 1)).toEqual(['first']);
    expect(index.search('same', { limit: 10, filter: (d) => d % 2 === 1 }).map((h) => h.id)).toEqual(['b', 'd']);
    // A filter that leaves no document with every word falls back to any word.
    const partial = index.search('same nothing', { limit: 10, filter: (d) => d === 2 });
    expect(partial.map((h) => [h.id, h.partial])).toEqual([['c', true]]);
  });

  it('counts a title word above a body word', () => {
    const index = indexOf([doc('body', 'Dushanbe talks'), doc('title', 'talks', {}, 'Dushanbe')]);
    expect(ids(index, 'dushanbe')).toEqual(['title', 'body']);
  });

  it('searches documents added after a search', () => {
    const index = indexOf([doc('a', 'first')]);
    expect(ids(index, 'first')).toEqual(['a']);
    for (let i = 0; i < 100; i++) index.add(doc(`n${i}`, i === 99 ? 'first last' : 'filler'));
    expect(ids(index, 'first')).toEqual(['a', 'n99']);
    expect(ids(index, 'last')).toEqual(['n99']);
  });

  it('refuses malformed JSON', () => {
    const json = indexOf([doc('a', 'one two'), doc('b', 'two')]).toJSON();
    const none = () => ({});
    expect(() => SearchIndex.load(null, none)).toThrow(/not an object/);
    expect(() => SearchIndex.load({ ...json, ids: [1, 2] }, none)).toThrow(/"ids"/);
    expect(() => SearchIndex.load({ ...json, lengths: [[1], [1], [1]] }, none)).toThrow(/"lengths"/);
    expect(() => SearchIndex.load({ ...json, postings: json.postings.map(() => [2, 1, 1.5]) }, none)).toThrow(/term #0/);
    expect(() => SearchIndex.load({ ...json, postings: json.postings.map(() => [2, 1, 64]) }, none)).toThrow(/postings of/);
  });
});

// --- compared with a plain scan ----------------------------------------------

/** What the index promises a word finds, checked word by word against one document. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function reference(docs: IndexDocument[], query: string): { ids: Set<string>; partial: boolean } {
  const vocab = new Set(docs.flatMap((d) => terms(`${d.title} ${d.lead} ${d.body}`)));
  const queryTerms = terms(query);
  const words = [...new Set(queryTerms)];
  const finders = words.map((w) => {
    const typing = w === queryTerms[queryTerms.length - 1] || !vocab.has(w);
    const direct = (t: string) => t === w || (typing && w.length >= PREFIX_MIN && t.startsWith(w));
    const edits = Math.min(MAX_FUZZY, Math.round(w.length * FUZZY_RATIO));
    const fuzzy = w.length >= FUZZY_MIN && ![...vocab].some(direct);
    return (t: string) => direct(t) || (fuzzy && t[0] === w[0] && levenshtein(t, w) <= edits);
  });
  const found = docs.map((d) => {
    const ts = terms(`${d.title} ${d.lead} ${d.body}`);
    return finders.map((f) => ts.some(f));
  });
  const all = docs.filter((_, i) => found[i]!.every(Boolean));
  if (all.length > 0) return { ids: new Set(all.map((d) => d.id)), partial: false };
  return { ids: new Set(docs.filter((_, i) => found[i]!.some(Boolean)).map((d) => d.id)), partial: true };
}

describe('SearchIndex compared with a plain scan', () => {
  const WORDS = ['rusia', 'russia', 'rus', 'putin', 'putih', 'puti', 'turki', 'turkey', 'drone', 'drones', 'perang', 'baku', 'bakı', 'Ərdoğan', 'erdogan', 'a', 'di'];
  const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((w) => w.join(' '));
  const docs = fc.array(fc.record({ title: text, body: text }), { minLength: 1, maxLength: 12 }).map((rs) =>
    rs.map((r, i): IndexDocument => ({ id: `d${i}`, title: r.title, lead: '', body: r.body, entities: {} })),
  );
  const query = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom('putun', 'turkei', 'perong', 'xyz')), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

  test('finds the documents a scan finds, best first, the top k being the first k of all', () => {
    fc.assert(
      fc.property(docs, query, fc.integer({ min: 1, max: 5 }), (ds, q, k) => {
        const index = indexOf(ds);
        const all = index.search(q, { limit: 1000 });
        const want = reference(ds, q);
        expect(new Set(all.map((h) => h.id))).toEqual(want.ids);
        for (const h of all) expect(h.partial).toBe(want.partial);
        for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
        expect(index.search(q, { limit: k })).toEqual(all.slice(0, k));
      }),
    );
  });

  test('finds the same after a round trip through JSON', () => {
    fc.assert(
      fc.property(docs, query, (ds, q) => {
        const index = indexOf(ds);
        const loaded = SearchIndex.load(JSON.parse(JSON.stringify(index.toJSON())), () => ({}));
        expect(loaded.search(q, { limit: 1000 })).toEqual(index.search(q, { limit: 1000 }));
        expect(loaded.toJSON()).toEqual(index.toJSON());
      }),
    );
  });
});
