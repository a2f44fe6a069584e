// The MiniSearch options, in one place: the build indexes with them and the
// runtime loads the index with them, and MiniSearch.loadJS needs the very same
// tokenizer and term processing that built the index.
import type { Options, SearchOptions } from 'minisearch';
import { fold } from './fold';

/** What the index sees of an article. */
export interface IndexDocument {
  id: string;
  title: string;
  lead: string;
  body: string;
  /**
   * Display names and every alias of the entities the article mentions, so that
   * "Russia" or "Россия" finds an article that only says "Rusia".
   */
  entityNames: string;
}

export const INDEX_FIELDS = ['title', 'lead', 'body', 'entityNames'] as const;

/** A word: letters, digits and combining marks. Everything else separates ("drone-drone", "Su-24"). */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Case and diacritics folded, so "Erdoğan" and "erdogan" are one term. NFC
 * first and stray combining marks dropped: a query typed with decomposed
 * accents is the same query.
 */
export function processTerm(term: string): string | null {
  const folded = fold(term.normalize('NFC')).replace(/\p{M}+/gu, '');
  return folded.length > 0 ? folded : null;
}

// Prefix and fuzzy matching cost in proportion to the vocabulary they walk. A
// one- or two-letter prefix ("U.S.A." gives "u", "s", "a") walks most of it,
// and so does a fuzzy short word, while helping nobody: "Pashin" and
// "Azerbaidjan" are what they are for. npm run bench measures search p95.
const PREFIX_MIN = 3;
const FUZZY_MIN = 5;

export const SEARCH_OPTIONS: SearchOptions = {
  prefix: (term) => term.length >= PREFIX_MIN,
  fuzzy: (term) => (term.length >= FUZZY_MIN ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 3, entityNames: 2, lead: 1.5 },
  // Every query word must match: "Turkey drones" means the article about
  // Turkish drones, not every article naming Turkey. `Library.search` falls back
  // to OR when AND finds nothing ("Russia Armenia war": no seed says "war").
  combineWith: 'AND',
};

export const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  // The library keeps the articles itself: the index stores nothing twice.
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: SEARCH_OPTIONS,
};
