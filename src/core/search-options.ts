// How the library's search reads text and queries, in one place: the build
// indexes with these and the runtime searches with them, so a library.json is
// only loadable by code with the same terms (LIBRARY_VERSION says so).
import { fold } from './fold';

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

const MARK = /\p{M}/u;
const MARKS = /\p{M}+/gu;

/**
 * The terms of a text, in order: `tokenize` then `processTerm`, but folding
 * the text once rather than each word (indexing a 10,000-article library
 * folds six million words). fold keeps lengths and maps word characters to
 * word characters, so the words are the same, but for the modifier letters
 * ʼ and ʻ: fold makes them apostrophes, which separate words ("Erdoğanʼın"
 * is "erdogan" and "in", as with ’), as they do in the snippets' matching.
 */
export function terms(text: string): string[] {
  const words = fold(text.normalize('NFC')).match(WORD);
  if (words === null) return [];
  const out: string[] = [];
  for (const w of words) {
    if (!MARK.test(w)) out.push(w);
    else {
      const t = w.replace(MARKS, '');
      if (t.length > 0) out.push(t);
    }
  }
  return out;
}

// Prefix and fuzzy matching: a word of three letters or more also finds the
// words it begins ("Pashin" finds "Pashinyan"), a word of five letters or more
// that finds nothing exactly or by prefix finds the words one or two edits
// away ("Azerbaidjan"). One- and two-letter prefixes ("U.S.A." gives "u", "s",
// "a") would walk most of the vocabulary and help nobody.
export const PREFIX_MIN = 3;
export const FUZZY_MIN = 5;
/** Edits allowed: a fifth of the word's length, rounded, at most MAX_FUZZY. */
export const FUZZY_RATIO = 0.2;
export const MAX_FUZZY = 2;

/**
 * How much a derived term counts against the word typed (MiniSearch's
 * defaults): a completion weighs PREFIX_WEIGHT × length / (length + 0.3 ×
 * letters added), a near miss FUZZY_WEIGHT × length / (length + edits).
 */
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.45;

/** Field boosts: a word in the title counts three times one in the body. */
export const BOOST = { title: 3, lead: 1.5, body: 1, entities: 2 } as const;

/** BM25+ parameters (MiniSearch's defaults). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
