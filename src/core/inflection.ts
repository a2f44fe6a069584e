// Russian and Ukrainian inflection, as the matcher reads names (matcher.ts).
// Names in Cyrillic decline: Путин → Путина, Путиным; Россия → России; Москва →
// Москве. Each Cyrillic word of an alias is reduced to a stem followed by a
// slot that takes the rest of the word when it is one of these endings
// (folded: ё is е). A whitelist, so "Путинизм" or "Азербайджанский" are not names.
export const ENDINGS = new Set([
  'а', 'я', 'у', 'ю', 'е', 'и', 'ы', 'о', 'ь', 'й', 'і', 'ї',
  'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ью', 'ою', 'ею', 'єю',
  'ую', 'юю', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ых', 'их', 'ій', 'ів',
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ові', 'еві',
]);
/** The longest ending, in code units. */
export const MAX_ENDING = 3;
const CYRILLIC_WORD = /^[\u0400-\u04ff]{4,}$/;
const ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ій)$/;

/**
 * How a folded alias word inflects: its stem, and whether an ending is required
 * after it. Undefined for non-Cyrillic words, short ones (Баку would also read
 * "Бака") and indeclinable foreign names ending in и/у/ю (Сочи, Гюмри, Чавушоглу).
 */
export function inflection(word: string): { stem: string; required: boolean } | undefined {
  if (!CYRILLIC_WORD.test(word)) return undefined;
  if (word.length >= 5 && ADJECTIVE.test(word)) return { stem: word.slice(0, -2), required: true };
  const last = word[word.length - 1]!;
  if ('аяьйоеыєї'.includes(last)) return { stem: word.slice(0, -1), required: true };
  if ('иуюіэ'.includes(last)) return undefined;
  return { stem: word, required: false };
}

/**
 * The path a folded alias takes through the trie: each word's stem and the
 * kind of ending slot after it (`exact` aliases take none). Two aliases of
 * different entities on one path are an error for createMatcher, so the
 * reader's names are checked against it before they are stored.
 */
export function triePath(folded: string, exact: boolean): string {
  return folded
    .split(' ')
    .map((word) => {
      const inf = exact ? undefined : inflection(word);
      return inf ? `${inf.stem}${inf.required ? '\u0001' : '\u0002'}` : word;
    })
    .join(' ');
}
