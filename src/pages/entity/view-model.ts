// What the entity page shows, decided by pure functions tested in node: the
// articles as a timeline (oldest first), the entities most often named with
// it, articles per month for the chart and its table, the spellings grouped by
// language, and the filters (language, source, saved or bundled) that narrow
// all of these at once. Components only draw what these return.
import type { NameSpelling, NamesByLanguage } from '../../core/entity-names';
import type { ArticleOrigin, EntityArticle, EntityPageData } from '../../shared/messages';

export const ORIGINS: readonly ArticleOrigin[] = ['saved', 'bundled'];

/** Whether the reader saved an article or it came with the extension: the page's `origin` filter. */
export const originOf = (a: EntityArticle): ArticleOrigin => (a.saved ? 'saved' : 'bundled');

export interface EntityFilters {
  lang?: string;
  source?: string;
  origin?: ArticleOrigin;
}

export type FilterKey = keyof EntityFilters;
export const FILTER_KEYS: readonly FilterKey[] = ['lang', 'source', 'origin'];

/** The page's address: `entity.html?id=putin&lang=id&source=Kompas.com&origin=saved`. */
export interface EntityParams {
  id: string;
  filters: EntityFilters;
}

export function parseEntityParams(search: string): EntityParams {
  const p = new URLSearchParams(search);
  const filters: EntityFilters = {};
  const lang = p.get('lang')?.trim();
  const source = p.get('source')?.trim();
  const origin = p.get('origin');
  if (lang) filters.lang = lang;
  if (source) filters.source = source;
  if (origin === 'saved' || origin === 'bundled') filters.origin = origin;
  return { id: p.get('id')?.trim() ?? '', filters };
}

/** The query string for the same entity with these filters, for history.replaceState. */
export function entitySearch({ id, filters }: EntityParams): string {
  const p = new URLSearchParams({ id });
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) p.set(key, value);
  }
  return `?${p}`;
}

export function applyFilters(articles: readonly EntityArticle[], filters: EntityFilters): EntityArticle[] {
  return articles.filter(
    (a) =>
      (filters.lang === undefined || a.lang === filters.lang) &&
      (filters.source === undefined || a.source === filters.source) &&
      (filters.origin === undefined || originOf(a) === filters.origin),
  );
}

/** Oldest first by published date, undated articles last, then by id: a stable order. */
export function timeline(articles: readonly EntityArticle[]): EntityArticle[] {
  return [...articles].sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === '') return 1;
      if (b.date === '') return -1;
      return a.date < b.date ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export interface FilterOption {
  value: string;
  /** Articles with this value among all the entity's articles. */
  count: number;
}

export interface FilterOptions {
  lang: FilterOption[];
  source: FilterOption[];
  origin: FilterOption[];
}

function countBy(articles: readonly EntityArticle[], key: (a: EntityArticle) => string, keep: readonly string[]): FilterOption[] {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
  // A value in the address that no article has stays choosable, so the select can show it.
  for (const value of keep) if (!counts.has(value)) counts.set(value, 0);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The choices of each filter, over all the entity's articles, most frequent first; both origins always. */
export function filterOptions(articles: readonly EntityArticle[], filters: EntityFilters): FilterOptions {
  const keep = (v: string | undefined) => (v === undefined ? [] : [v]);
  const origins = new Map(countBy(articles, originOf, []).map((o) => [o.value, o.count]));
  return {
    lang: countBy(articles, (a) => a.lang, keep(filters.lang)),
    source: countBy(articles, (a) => a.source, keep(filters.source)),
    origin: ORIGINS.map((value) => ({ value, count: origins.get(value) ?? 0 })),
  };
}

export interface CoEntity {
  id: string;
  /** Articles naming both. */
  shared: number;
}

/** The entities named in the same articles, with how many they share: most shared first, ties by name. */
export function coMentions(articles: readonly EntityArticle[], nameOf: (id: string) => string): CoEntity[] {
  const shared = new Map<string, number>();
  for (const a of articles) for (const id of new Set(a.entities)) shared.set(id, (shared.get(id) ?? 0) + 1);
  return [...shared]
    .map(([id, n]) => ({ id, shared: n }))
    .sort((a, b) => b.shared - a.shared || nameOf(a.id).localeCompare(nameOf(b.id)) || (a.id < b.id ? -1 : 1));
}

export interface Bucket {
  /** "2024-08" for a month, "2024" for a year. */
  key: string;
  count: number;
}

export interface Histogram {
  unit: 'month' | 'year';
  /** Every period from the first article's to the last's, empty ones included: the chart's axis. */
  buckets: Bucket[];
  max: number;
}

/** Beyond twenty years of months the bars grow too thin to read: the chart counts years instead. */
export const MAX_MONTHS = 240;

const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
const monthKey = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
const DATED = /^\d{4}-(0[1-9]|1[0-2])/;

/** Articles per month (or per year over a long span), or null when none is dated. */
export function histogram(articles: readonly EntityArticle[]): Histogram | null {
  const months = articles.filter((a) => DATED.test(a.date)).map((a) => monthIndex(a.date));
  if (months.length === 0) return null;
  const first = Math.min(...months);
  const last = Math.max(...months);
  const unit = last - first + 1 > MAX_MONTHS ? 'year' : 'month';
  const period = (m: number) => (unit === 'month' ? m : Math.floor(m / 12));
  const counts = new Map<number, number>();
  for (const m of months) counts.set(period(m), (counts.get(period(m)) ?? 0) + 1);
  const buckets: Bucket[] = [];
  for (let p = period(first); p <= period(last); p++) {
    buckets.push({ key: unit === 'month' ? monthKey(p) : String(p).padStart(4, '0'), count: counts.get(p) ?? 0 });
  }
  return { unit, buckets, max: Math.max(...buckets.map((b) => b.count)) };
}

export interface NameGroup {
  /** The languages that write the entity exactly so ("mul": shared by many). */
  langs: string[];
  names: NameSpelling[];
}

/**
 * Spellings grouped by language; languages that write the entity the same way
 * share a row. The reader's language comes first, then the shared spellings,
 * English, and the rest in the alphabetical order of their names.
 */
export function nameGroups(names: NamesByLanguage, uiLang: string, langName: (code: string) => string = (c) => c): NameGroup[] {
  const ui = uiLang.toLowerCase().split(/[-_]/)[0] ?? '';
  const rank = (lang: string) => (lang === ui ? 0 : lang === 'mul' ? 1 : lang === 'en' ? 2 : 3);
  const langs = Object.keys(names)
    .filter((l) => (names[l]?.length ?? 0) > 0)
    .sort((a, b) => rank(a) - rank(b) || langName(a).localeCompare(langName(b)) || a.localeCompare(b));
  const groups = new Map<string, NameGroup>();
  for (const lang of langs) {
    const list = names[lang]!;
    const key = list.map((s) => `${s.text}\u0000${s.weak ? 1 : 0}`).join('\u0001');
    const group = groups.get(key);
    if (group) group.langs.push(lang);
    else groups.set(key, { langs: [lang], names: list });
  }
  return [...groups.values()];
}

export type EntityEmpty =
  /** The library has no article naming the entity. */
  | 'no-articles'
  /** It has some, but none passes the filters. */
  | 'filtered';

export interface EntityPageView {
  data: EntityPageData;
  /** All the entity's articles. */
  total: number;
  filters: EntityFilters;
  options: FilterOptions;
  /** The filtered articles, oldest first. */
  articles: EntityArticle[];
  coEntities: CoEntity[];
  histogram: Histogram | null;
  names: NameGroup[];
  empty: EntityEmpty | null;
}

export interface Naming {
  /** An entity's display name, for ordering ties. */
  entityName(id: string): string;
  /** A language's name in the reader's language, for ordering the spellings. */
  languageName(code: string): string;
  uiLanguage: string;
}

export function entityPageView(data: EntityPageData, filters: EntityFilters, naming: Naming): EntityPageView {
  const shown = timeline(applyFilters(data.articles, filters));
  const empty: EntityEmpty | null = data.articles.length === 0 ? 'no-articles' : shown.length === 0 ? 'filtered' : null;
  return {
    data,
    total: data.articles.length,
    filters,
    options: filterOptions(data.articles, filters),
    articles: shown,
    coEntities: coMentions(shown, naming.entityName),
    histogram: histogram(shown),
    names: nameGroups(data.names, naming.uiLanguage, naming.languageName),
    empty,
  };
}

/** What the page is: loading, an error, an id nobody knows (or none), or the entity. */
export type EntityLoad =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'unknown'; id: string }
  | { status: 'ready'; data: EntityPageData };

export function hasFilters(filters: EntityFilters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}
