// Azerbaijani case endings written onto a name: "Əliyevin", "Bakıda",
// "Rusiyanın", "Azərbaycandakı". Turkish writes them after an apostrophe
// ("Erdoğan'ın"), which the matcher already takes; Azerbaijani does not, so
// without this, most names in an Azerbaijani article go unflagged.
//
// An ending is taken when it is one of a short list of case and number
// endings AND its vowels follow vowel harmony with the name's last vowel:
// "Bakının" but not "Bakunin" (after u the genitive is -nun), "Putinin" but
// not "Putina". Used only on pages in Azerbaijani (the matcher's option), as
// the list would read English or Indonesian words as names with an ending.
// Pure: offsets into the original text.

import { foldedWordRest } from './fold';

/** Folded (ı→i, ə→e, ü→u, ö→o): genitive, accusative, dative, locative, ablative, instrumental, plural, "the one in". */
const ENDINGS = new Set([
  'in', 'un', 'nin', 'nun',
  'i', 'u', 'ni', 'nu', 'yi', 'yu',
  'a', 'e', 'ya', 'ye',
  'da', 'de', 'ta', 'te',
  'dan', 'den', 'tan', 'ten',
  'la', 'le', 'yla', 'yle',
  'lar', 'ler',
  'daki', 'deki', 'taki', 'teki',
]);
const MAX_ENDING = 4;

// Vowels by harmony class, lower case: back or front, rounded or not.
const BACK = 1;
const ROUND = 2;
const VOWELS = new Map<number, number>([
  [0x61, BACK], // a
  [0x131, BACK], // ı
  [0x6f, BACK | ROUND], // o
  [0x75, BACK | ROUND], // u
  [0x65, 0], // e
  [0x259, 0], // ə
  [0x69, 0], // i
  [0xf6, ROUND], // ö
  [0xfc, ROUND], // ü
]);
/** Vowels with only two harmonic forms (a/ə, a/e): they follow backness alone. */
const TWO_WAY = new Set([0x61, 0x65, 0x259]);

function lowerCode(c: number): number {
  if (c === 0x49) return 0x131; // I → ı (Turkic)
  if (c === 0x130) return 0x69; // İ → i
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Whether vowel `v` (lower case) may follow vowel `prev` under harmony. */
function harmonises(prev: number, v: number): boolean {
  const p = VOWELS.get(prev);
  const k = VOWELS.get(v);
  if (p === undefined || k === undefined) return false;
  if ((p & BACK) !== (k & BACK)) return false;
  return TWO_WAY.has(v) || (p & ROUND) === (k & ROUND);
}

/**
 * Where a name that ends at `end` (inside a word: a letter follows) really
 * ends when the rest of the word is an Azerbaijani ending: the end of the
 * word; or `end` when it is not.
 */
export function turkicSuffixEnd(text: string, start: number, end: number): number {
  const ending = foldedWordRest(text, end, MAX_ENDING);
  if (!ending || !ENDINGS.has(ending)) return end;
  const q = end + ending.length;
  // The name's last vowel sets the harmony the ending's vowels follow, one after the other.
  let prev = -1;
  for (let k = end - 1; k >= start && prev < 0; k--) {
    const c = lowerCode(text.charCodeAt(k));
    if (VOWELS.has(c)) prev = c;
  }
  if (prev < 0) return end;
  for (let k = end; k < q; k++) {
    const c = lowerCode(text.charCodeAt(k));
    if (!VOWELS.has(c)) continue;
    if (!harmonises(prev, c)) return end;
    prev = c;
  }
  return q;
}

/** Whether a page in this language (its `lang`, "az", "az-Latn-AZ") writes endings onto names. */
export function writesEndingsOnNames(lang: string): boolean {
  return /^az(?:-|$)/i.test(lang);
}

/**
 * Whether a sample of a page's text reads as Azerbaijani, for a page that does
 * not say its language. ə is one of its most common letters (one in twenty to
 * one in fifteen in running text) and in no other language a news page is
 * likely to be written in; names quoted from Azerbaijani ("Əliyev" three times
 * in an English paragraph) make about one letter in a hundred. The line is
 * drawn at one in fifty.
 */
export function textLooksAzerbaijani(sample: string): boolean {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const schwas = sample.match(/[əƏ]/g)?.length ?? 0;
  return letters >= 40 && schwas >= 3 && schwas * 50 >= letters;
}
