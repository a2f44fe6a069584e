// The MiniSearch options, in one place: the build, the background and the
// persisted index all index with them, and a packed index (packed-index.ts)
// is only loaded by the options that made it (INDEX_KEY).
//
// What is indexed is the article's own text: title, lead and body. Names are
// not indexed a second time in all their spellings: the library answers a
// query word that is a name from its entity lists (library-search.ts).
import type { Options } from 'minisearch';
import { fold } from './fold';

/** What the index sees of an article. */
export interface IndexDocument {
  id: string;
  title: string;
  lead: string;
  body: string;
}

export const INDEX_FIELDS = ['title', 'lead', 'body'] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** Change whenever a change here changes what the index holds: a persisted index made otherwise is then rebuilt. */
export const INDEX_KEY = 'fields=title,lead,body;tokens=letters-digits-marks;fold=1';

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

/**
 * Prefix and fuzzy matching cost in proportion to the vocabulary they walk,
 * and a short prefix or a fuzzy short word walks most of it while helping
 * nobody: "Pashin" and "Azerbaidjan" are what they are for.
 */
export const PREFIX_MIN = 3;
export const FUZZY_MIN = 5;
/** Edits a fuzzy word may be away: one per five letters, at most two. */
export const FUZZY = 0.2;
export const MAX_FUZZY = 2;

/** A word in the title says more of what an article is about than one in its body. */
export const FIELD_BOOST: Readonly<Record<IndexField, number>> = { title: 3, lead: 1.5, body: 1 };

export const MINISEARCH_OPTIONS: Options<IndexDocument> = {
  idField: 'id',
  fields: [...INDEX_FIELDS],
  // The library keeps the articles itself: the index stores nothing twice.
  storeFields: [],
  tokenize,
  processTerm,
  // Discarded documents are swept by the library when it persists the index, not at random moments.
  autoVacuum: false,
  searchOptions: { boost: { ...FIELD_BOOST }, maxFuzzy: MAX_FUZZY },
};
