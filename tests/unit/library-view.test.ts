import { describe, expect, it } from 'vitest';
import { filterRows, filtersFromSearch, isFiltered, languageOptions, libraryContent, NO_FILTERS, type LibraryFilters } from '../../src/pages/library/library-view';
import type { LibraryRow } from '../../src/shared/messages';

const row = (id: string, over: Partial<LibraryRow> = {}): LibraryRow => ({
  id,
  title: `Title ${id}`,
  source: 'Kompas.com',
  date: '2020-01-01',
  dateKnown: true,
  lang: 'id',
  saved: false,
  entities: [],
  ...over,
});

const ROWS = [
  row('a', { title: 'Putin di Dushanbe', date: '2022-10-14', entities: ['putin', 'dushanbe'] }),
  row('b', { title: 'Erdoğan and Aliyev open a corridor', source: 'Caucasus Ledger', date: '2024-09-12', lang: 'en-GB', saved: true, savedAt: 5, entities: ['erdogan', 'aliyev'] }),
  row('c', { title: 'A saved page with no date', source: 'news.example', date: '2024-09-12', dateKnown: false, lang: 'und', saved: true, savedAt: 9 }),
  row('d', { title: 'Zebra crossings', date: '2019-05-05', lang: 'id' }),
];
const SPELLINGS: Record<string, string[]> = { putin: ['Vladimir Putin', 'Путин'], erdogan: ['Recep Tayyip Erdoğan', 'Erdogan'], aliyev: ['Ilham Aliyev'], dushanbe: ['Dushanbe'] };
const spellings = (id: string) => SPELLINGS[id] ?? [];
const ids = (f: Partial<LibraryFilters>) => filterRows(ROWS, { ...NO_FILTERS, ...f }, spellings).map((r) => r.id);

describe('filterRows', () => {
  it('sorts newest first, a same-day tie by when it was saved, or by title', () => {
    expect(ids({})).toEqual(['c', 'b', 'a', 'd']);
    expect(ids({ sort: 'title' })).toEqual(['c', 'b', 'a', 'd']);
    expect(filterRows(ROWS, { ...NO_FILTERS, sort: 'title' }, spellings).map((r) => r.title)).toEqual([
      'A saved page with no date',
      'Erdoğan and Aliyev open a corridor',
      'Putin di Dushanbe',
      'Zebra crossings',
    ]);
  });

  it('filters by a name in any spelling, by source, folded', () => {
    expect(ids({ text: 'путин' })).toEqual(['a']);
    expect(ids({ text: 'erdogan' })).toEqual(['b']);
    expect(ids({ text: 'recep aliyev' })).toEqual(['b']);
    expect(ids({ text: 'kompas' })).toEqual(['a', 'd']);
    expect(ids({ text: 'nobody' })).toEqual([]);
  });

  it('filters by language (primary subtag) and by saved or bundled', () => {
    expect(ids({ lang: 'en' })).toEqual(['b']);
    expect(ids({ lang: 'und' })).toEqual(['c']);
    expect(ids({ origin: 'saved' })).toEqual(['c', 'b']);
    expect(ids({ origin: 'bundled' })).toEqual(['a', 'd']);
    expect(ids({ origin: 'bundled', lang: 'en' })).toEqual([]);
  });
});

describe('library view', () => {
  it('offers the languages held, unknown last', () => {
    expect(languageOptions(ROWS)).toEqual(['en', 'id', 'und']);
  });

  it('says what to do when the reader has saved nothing yet, and when filters leave nothing', () => {
    const bundledOnly = { status: 'ready' as const, rows: [ROWS[0]!, ROWS[3]!] };
    expect(libraryContent(bundledOnly, { ...NO_FILTERS, origin: 'saved' }, spellings)).toEqual({ kind: 'none-saved' });
    expect(libraryContent(bundledOnly, { ...NO_FILTERS, text: 'nobody' }, spellings)).toEqual({ kind: 'no-match' });
    expect(libraryContent({ status: 'ready', rows: ROWS }, { ...NO_FILTERS, origin: 'saved', text: 'nobody' }, spellings)).toEqual({ kind: 'no-match' });
    expect(libraryContent({ status: 'ready', rows: ROWS }, NO_FILTERS, spellings)).toMatchObject({ kind: 'rows', total: 4 });
    expect(libraryContent({ status: 'loading' }, NO_FILTERS, spellings)).toEqual({ kind: 'loading' });
  });

  it('reads its filters from the URL, ignoring what it does not know', () => {
    expect(filtersFromSearch('?origin=saved&lang=en&q=Putin&sort=title')).toEqual({ text: 'Putin', lang: 'en', origin: 'saved', sort: 'title' });
    expect(filtersFromSearch('?origin=evil&lang=<x>&sort=x')).toEqual(NO_FILTERS);
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, lang: 'en' })).toBe(true);
  });
});
