// The packed index: what MiniSearch built, in arrays, loaded back into a
// MiniSearch that answers exactly as the one it was packed from, accepts
// additions and removals, and packs again; and refused when it was made by
// another layout, MiniSearch or options.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { FullText } from '../../src/core/full-text';
import { loadPackedIndex, MINISEARCH_VERSION, packedIndexProblem, packIndex, postingCount } from '../../src/core/packed-index';
import { INDEX_KEY, MINISEARCH_OPTIONS, type IndexDocument } from '../../src/core/search-options';
import minisearchPackage from '../../node_modules/minisearch/package.json';

const DOCS: IndexDocument[] = [
  { id: 'a', title: 'Putin dan Erdoğan bertelepon', lead: 'Presiden Rusia dan Turki membahas drone.', body: 'Drone buatan Turki dipakai.\nRusia menolak.' },
  { id: 'b', title: 'Putin di Dushanbe', lead: 'Pertemuan di ibu kota Tajikistan.', body: 'Rusia mengakui kesalahan.\nPutin berjanji.' },
  { id: 'c', title: 'Cuaca cerah di Jawa', lead: 'Tidak ada berita politik.', body: 'Hujan turun di Bandung, Bandung lagi.' },
  { id: 'd', title: 'Армения и Россия', lead: 'Пашинян встретился с Путиным.', body: 'Переговоры продолжатся.' },
];
const QUERIES = ['putin', 'rusia', 'drone', 'dusha', 'bandung', 'пашинян', 'turki drone', 'cuaca jawa', 'dushanbi'];

function built(docs = DOCS): MiniSearch<IndexDocument> {
  const mini = new MiniSearch<IndexDocument>(MINISEARCH_OPTIONS);
  mini.addAll(docs);
  return mini;
}

const answers = (mini: MiniSearch<IndexDocument>) =>
  QUERIES.map((q) => mini.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => [r.id, r.score.toFixed(9), r.terms, r.match]));

describe('packIndex and loadPackedIndex', () => {
  it('is written for the MiniSearch that is installed', () => {
    expect(minisearchPackage.version).toBe(MINISEARCH_VERSION);
  });

  it('loads an index that answers exactly as the one packed', () => {
    const original = built();
    const loaded = loadPackedIndex<IndexDocument>(structuredClone(packIndex(original, INDEX_KEY)), MINISEARCH_OPTIONS, INDEX_KEY);
    expect(answers(loaded)).toEqual(answers(original));
    expect(loaded.documentCount).toBe(original.documentCount);
    expect(loaded.termCount).toBe(original.termCount);
    expect(Object.fromEntries(loaded.toJSON().index)).toEqual(Object.fromEntries(original.toJSON().index));
  });

  it('takes additions, replacements and removals after loading, as a MiniSearch built so would', () => {
    const loaded = loadPackedIndex<IndexDocument>(packIndex(built(), INDEX_KEY), MINISEARCH_OPTIONS, INDEX_KEY);
    const fresh = built();
    const extra: IndexDocument = { id: 'e', title: 'Putin ke Bandung', lead: 'Rusia dan Indonesia.', body: 'Drone lagi.' };
    const changed: IndexDocument = { ...DOCS[1]!, body: 'Sekarang tentang Bandung.' };
    for (const mini of [loaded, fresh]) {
      mini.add(extra);
      mini.replace(changed);
      mini.discard('c');
    }
    expect(answers(loaded)).toEqual(answers(fresh));
    // Packed again (the discarded document left out), and loaded again: still the same answers.
    const again = loadPackedIndex<IndexDocument>(packIndex(loaded, INDEX_KEY), MINISEARCH_OPTIONS, INDEX_KEY);
    expect(answers(again)).toEqual(answers(fresh));
    expect(again.documentCount).toBe(4);
  });

  it('counts postings without walking them', () => {
    const loaded = loadPackedIndex<IndexDocument>(packIndex(built(), INDEX_KEY), MINISEARCH_OPTIONS, INDEX_KEY);
    expect(postingCount(loaded, 'putin', false)).toBe(2);
    expect(postingCount(loaded, 'rus', true)).toBe(2);
    expect(postingCount(loaded, 'nothing', false)).toBe(0);
  });

  it('refuses an index of another layout, MiniSearch or options, saying which', () => {
    const packed = packIndex(built(), INDEX_KEY);
    expect(packedIndexProblem(packed, INDEX_KEY)).toBeNull();
    expect(packedIndexProblem({ ...packed, version: 99 }, INDEX_KEY)).toMatch(/layout version 99/);
    expect(packedIndexProblem({ ...packed, minisearch: '6.0.0' }, INDEX_KEY)).toMatch(/MiniSearch "6.0.0"/);
    expect(packedIndexProblem(packed, 'other options')).toMatch(/other index options/);
    expect(packedIndexProblem({ ...packed, docs: [] }, INDEX_KEY)).toMatch(/malformed/);
    expect(packedIndexProblem(null, INDEX_KEY)).toMatch(/not a packed index/);
    expect(() => loadPackedIndex({ ...packed, minisearch: '6.0.0' }, MINISEARCH_OPTIONS, INDEX_KEY)).toThrow(/MiniSearch "6.0.0"/);
    expect(() => loadPackedIndex({ ...packed, labels: `${packed.labels}\u0000extra` }, MINISEARCH_OPTIONS, INDEX_KEY)).toThrow(/does not fit/);
    expect(() => loadPackedIndex({ ...packed, shape: packed.shape.slice(0, -2) }, MINISEARCH_OPTIONS, INDEX_KEY)).toThrow(/does not fit/);
    expect(() => loadPackedIndex({ ...packed, counts: packed.counts.slice(1) }, MINISEARCH_OPTIONS, INDEX_KEY)).toThrow(/do not fit/);
  });
});

describe('FullText', () => {
  it('keeps each document with the version it was indexed from, through a pack and a load', async () => {
    const text = FullText.empty();
    text.add({ id: 'a', title: 'Putin', lead: 'Rusia.', paragraphs: ['Drone.'] }, 10);
    text.add({ id: 'b', title: 'Dushanbe', lead: '', paragraphs: [] }, 20);
    const loaded = await FullText.loadAsync(structuredClone(text.pack()), async () => undefined);
    expect([...loaded.ids()].sort()).toEqual(['a', 'b']);
    expect(loaded.version('a')).toBe(10);
    expect(loaded.mini.search('drone').map((r) => r.id)).toEqual(['a']);
    loaded.remove('a');
    expect(loaded.version('a')).toBeUndefined();
    expect(loaded.mini.search('drone')).toEqual([]);
  });

  it('gives up packing, in steps, when the index changes meanwhile', async () => {
    const text = FullText.empty();
    for (let i = 0; i < 6000; i++) text.add({ id: `d${i}`, title: `word${i}`, lead: '', paragraphs: [] }, i);
    const packing = text.packAsync(async () => void text.add({ id: 'late', title: 'late', lead: '', paragraphs: [] }, 1));
    expect(await packing).toBeUndefined();
    expect(await text.packAsync(async () => undefined)).toBeDefined();
  });

  it('refuses what is not a packed full text', () => {
    expect(() => FullText.load({})).toThrow(/malformed/);
    const packed = FullText.empty().pack();
    expect(() => FullText.load({ ...packed, versions: new Float64Array(3) })).toThrow(/versions that do not fit/);
  });
});
