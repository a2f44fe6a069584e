// The language an article is written in: what its page says (`lang`), or
// else what its letters say. The content script decides the same way whether
// a page is Azerbaijani (src/content/index.ts, with turkic-suffix.ts): a page
// may not say its language, or say the wrong one (a site template's
// lang="en"), and Azerbaijani letters win over a declared language.
import { textLooksAzerbaijani, writesEndingsOnNames } from './turkic-suffix';

/** BCP-47 "undetermined". */
export const UNDETERMINED = 'und';

const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** A declared `lang` as a tag: "EN_us" → "en-US"; null when it is not one. */
export function normaliseLangTag(raw: string | null | undefined): string | null {
  const tag = (raw ?? '').trim().replace(/_/g, '-');
  if (!LANG_TAG.test(tag)) return null;
  const [primary, ...rest] = tag.split('-');
  const subtags = rest.map((s) => (s.length === 2 ? s.toUpperCase() : s.length === 4 ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s.toLowerCase()));
  return [primary!.toLowerCase(), ...subtags].join('-');
}

/** The primary language of a tag: "en-GB" → "en". */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * Function words that are frequent in one language and rare in the others we
 * read: a handful per language is enough to tell a paragraph of news apart.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'was', 'for', 'with', 'said', 'his', 'has'],
  id: ['yang', 'dan', 'di', 'dengan', 'untuk', 'dari', 'ini', 'itu', 'dalam', 'pada', 'tidak', 'akan', 'adalah'],
  tr: ['ve', 'bir', 'bu', 'ile', 'için', 'da', 'de', 'olarak', 'olan', 'gibi', 'daha', 'çok'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auch', 'dem'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'du', 'dans', 'pour', 'qui', 'pas'],
  es: ['el', 'los', 'las', 'que', 'del', 'por', 'una', 'con', 'para', 'como', 'pero', 'fue'],
  pt: ['os', 'que', 'não', 'uma', 'com', 'para', 'como', 'mais', 'foi', 'pelo', 'pela', 'são'],
};

/** What a sample's letters say its language is, or "und". */
export function languageFromLetters(sample: string): string {
  if (textLooksAzerbaijani(sample)) return 'az';
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 40) return UNDETERMINED;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  if (cyrillic * 2 > letters) return /[іїєґ]/iu.test(sample) && !/[ыэъё]/iu.test(sample) ? 'uk' : 'ru';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = UNDETERMINED;
  let bestHits = 0;
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    const hits = words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0);
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  // Turkish letters with Turkish words; a few function words in a long sample say little.
  return bestHits >= Math.max(3, words.length / 25) ? best : UNDETERMINED;
}

/** The article's language: its page's `lang` (unless its letters are Azerbaijani), else its letters'. */
export function articleLanguage(declared: string | null | undefined, sample: string): string {
  const tag = normaliseLangTag(declared);
  if (tag && writesEndingsOnNames(tag)) return tag;
  if (textLooksAzerbaijani(sample)) return 'az';
  return tag ?? languageFromLetters(sample);
}
