// The library page's list, decided in one place: which rows the filters keep,
// in which order, which languages can be chosen, and what the page says when
// nothing is left. Pure, tested in node.
import { fold } from '../../core/fold';
import { primaryLanguage, UNDETERMINED } from '../../core/language';
import type { LibraryRow } from '../../shared/messages';

export type Origin = 'all' | 'saved' | 'bundled';
export type SortKey = 'date' | 'title';
export const ORIGINS: readonly Origin[] = ['all', 'saved', 'bundled'];
export const SORT_KEYS: readonly SortKey[] = ['date', 'title'];

export interface LibraryFilters {
  /** A name or a source, in any spelling the gazetteer knows. */
  text: string;
  /** A primary language ("en"), or "" for all. */
  lang: string;
  origin: Origin;
  sort: SortKey;
}

export const NO_FILTERS: LibraryFilters = { text: '', lang: '', origin: 'all', sort: 'date' };

/** The spellings of an entity a filter may use: its name and aliases (the popup's gazetteer lookup). */
export type Spellings = (entityId: string) => readonly string[];

export function isFiltered(f: LibraryFilters): boolean {
  return f.text.trim() !== '' || f.lang !== '' || f.origin !== 'all';
}

/** Whether a row matches the text filter: its title, its source, or any spelling of a name it makes much of. */
function matchesText(row: LibraryRow, words: readonly string[], spellings: Spellings): boolean {
  if (words.length === 0) return true;
  const haystack = fold([row.title, row.source, ...row.entities.flatMap((id) => spellings(id))].join('\n'));
  return words.every((w) => haystack.includes(w));
}

export function filterRows(rows: readonly LibraryRow[], f: LibraryFilters, spellings: Spellings): LibraryRow[] {
  const words = fold(f.text).split(/\s+/u).filter((w) => w !== '');
  const kept = rows.filter(
    (r) =>
      (f.origin === 'all' || (f.origin === 'saved') === r.saved) &&
      (f.lang === '' || primaryLanguage(r.lang) === f.lang) &&
      matchesText(r, words, spellings),
  );
  const byTitle = (a: LibraryRow, b: LibraryRow) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);
  // Newest first; a saved article without a publication date goes by the day it was saved.
  const byDate = (a: LibraryRow, b: LibraryRow) => (a.date < b.date ? 1 : a.date > b.date ? -1 : (b.savedAt ?? 0) - (a.savedAt ?? 0) || byTitle(a, b));
  return kept.sort(f.sort === 'title' ? byTitle : byDate);
}

/** The languages the library holds, as primary subtags, known ones first by code, "und" last. */
export function languageOptions(rows: readonly LibraryRow[]): string[] {
  const langs = [...new Set(rows.map((r) => primaryLanguage(r.lang)))];
  return langs.sort((a, b) => Number(a === UNDETERMINED) - Number(b === UNDETERMINED) || a.localeCompare(b));
}

export type LibraryContent =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** The reader asked for saved articles and has none yet: how to save one. */
  | { kind: 'none-saved' }
  | { kind: 'no-match' }
  | { kind: 'rows'; rows: LibraryRow[]; total: number };

export type LibraryLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; rows: LibraryRow[] };

export function libraryContent(load: LibraryLoad, f: LibraryFilters, spellings: Spellings): LibraryContent {
  if (load.status === 'loading') return { kind: 'loading' };
  if (load.status === 'error') return { kind: 'error', message: load.message };
  const rows = filterRows(load.rows, f, spellings);
  if (rows.length > 0) return { kind: 'rows', rows, total: load.rows.length };
  return f.origin === 'saved' && !load.rows.some((r) => r.saved) ? { kind: 'none-saved' } : { kind: 'no-match' };
}

/** Filters read from the page's URL (`library.html?origin=saved&lang=en&q=Putin&sort=title`), so that a view can be linked. */
export function filtersFromSearch(search: string): LibraryFilters {
  const p = new URLSearchParams(search);
  const origin = p.get('origin');
  const sort = p.get('sort');
  return {
    text: p.get('q') ?? '',
    lang: /^[a-z]{2,3}$/.test(p.get('lang') ?? '') ? p.get('lang')! : '',
    origin: ORIGINS.includes(origin as Origin) ? (origin as Origin) : 'all',
    sort: SORT_KEYS.includes(sort as SortKey) ? (sort as SortKey) : 'date',
  };
}
