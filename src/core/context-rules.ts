// Context rules: whether the words around a name say that it is not the
// entity. They run only once the matcher has found a name, which is rare next
// to the length of the text, so each may read a few words around it.
//
// - Phrases (an entity's `context`): "Baku tembak" (Indonesian: a shoot-out),
//   "bahan baku" (raw material), "Russian roulette", "salade russe", "Moscow
//   Mule". Words compare folded, so a rule holds in any case: in a Title Case
//   headline, after a dateline, at the start of a sentence. A phrase word
//   ending in "*" takes any word it begins, for languages that inflect
//   ("рулетк*": рулетка, рулетку, рулеткой).
// - Someone else's surname: a person's surname met alone ("Aliyev") is that
//   person unless a different given name stands right before it ("Heydar
//   Aliyev", "Emine Erdoğan", "Гейдар Алиев"). Titles and the words that start
//   sentences ("President Aliyev", "Kata Erdogan", "Menurut Putin") are not
//   given names; neither is a capitalised word in a Title Case headline.
import { fold, foldCode, isLowerChar, isSpaceCode, isWordChar } from './fold';
import type { CompiledEntity } from './types';

/** A rule's phrase: its folded words, in text order. */
type Phrase = readonly string[];

/**
 * Phrases by the first letter (folded) of the word next to the name: a
 * mention reads that letter once and checks only the phrases it can begin,
 * not each of an entity's dozens.
 */
type PhrasesByLetter = ReadonlyMap<number, readonly Phrase[]>;

export interface EntityRules {
  /** Phrases that, right after the name, make it something else, by their first word's first letter. */
  after: PhrasesByLetter | undefined;
  /** Phrases that, right before the name, make it something else, by the first letter of their last word (the one next to it). */
  before: PhrasesByLetter | undefined;
  /** A person's own given names and initials, folded: the words that may stand before a surname met alone. */
  givenNames: ReadonlySet<string> | undefined;
  /** A person's surnames, folded: aliases of one word that end a longer alias of theirs ("aliyev" of "ilham aliyev"). */
  surnames: ReadonlySet<string>;
}

/** Whether an entity has any rule to check. */
export function hasRules(rules: EntityRules): boolean {
  return rules.after !== undefined || rules.before !== undefined || rules.surnames.size > 0;
}

const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** What stands between the words of a phrase: spaces, hyphens, apostrophes ("l'anglaise"). */
function isJoiner(c: number): boolean {
  return isSpaceCode(c) || c === HYPHEN || c === APOSTROPHE || c === RIGHT_QUOTE;
}
const STAR = '*';

/**
 * Titles and words that often stand capitalised right before a surname
 * without being a given name, folded, in the languages we read: titles, and
 * words that start a sentence or a quote's attribution ("Kata Erdogan",
 * "Menurut Putin", "Laut Putin").
 */
const NOT_GIVEN_NAMES = new Set(
  [
  // English
  'president', 'prime', 'minister', 'premier', 'chancellor', 'leader', 'king', 'queen', 'prince', 'general', 'mr', 'mrs', 'ms', 'dr',
  'sir', 'lord', 'senator', 'governor', 'mayor', 'secretary', 'spokesman', 'spokeswoman', 'ambassador', 'envoy', 'chairman', 'speaker',
  'the', 'a', 'an', 'and', 'but', 'or', 'so', 'then', 'when', 'while', 'after', 'before', 'as', 'if', 'yesterday', 'today', 'meanwhile',
  'moreover', 'however', 'also', 'says', 'said', 'told', 'by', 'with', 'for', 'from', 'to', 'of', 'on', 'in', 'at', 'why', 'how', 'what',
  'has', 'had', 'was', 'is', 'will', 'would', 'could', 'did', 'does', 'can', 'may', 'tsar', 'sultan', 'emir', 'sheikh', 'pope',
  // Indonesian
  'presiden', 'perdana', 'menteri', 'kanselir', 'pemimpin', 'raja', 'ratu', 'pangeran', 'jenderal', 'pak', 'bapak', 'bu', 'ibu', 'tuan',
  'kata', 'ujar', 'menurut', 'tambah', 'jelas', 'sebut', 'namun', 'tetapi', 'dan', 'atau', 'sementara', 'selain', 'saat', 'ketika',
  'setelah', 'sebelum', 'dalam', 'pada', 'dari', 'kepada', 'oleh', 'bagi', 'untuk', 'dengan', 'bahwa', 'juru', 'bicara', 'wakil',
  'sekretaris', 'duta', 'besar', 'gubernur', 'walikota', 'wali', 'kota', 'ketua', 'sedangkan', 'sedang', 'lalu', 'kemudian',
  // Russian and Ukrainian
  'президент', 'премьер', 'министр', 'канцлер', 'лидер', 'глава', 'король', 'королева', 'генерал', 'господин', 'госпожа',
  'по', 'как', 'но', 'и', 'а', 'однако', 'также', 'когда', 'после', 'вчера', 'сегодня', 'заявил', 'сказал', 'отметил', 'словам',
  'президента', 'президентом', 'президенту', 'премьера', 'министра', 'лидера', 'главы',
  // Turkish and Azerbaijani
  'cumhurbaşkanı', 'başkan', 'başbakan', 'bakan', 'bakanı', 'lider', 'lideri', 'kral', 'kraliçe', 'sayın', 'bay', 'bayan', 'ama', 've',
  'fakat', 'ancak', 'ile', 'göre', 'dün', 'bugün', 'prezident', 'prezidenti', 'nazir', 'baş',
  // German
  'präsident', 'kanzler', 'kanzlerin', 'ministerpräsident', 'könig', 'königin', 'herr', 'frau', 'laut', 'aber', 'und',
  'oder', 'nach', 'als', 'wie', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'gestern', 'heute', 'sagte', 'auch',
  // French
  'roi', 'reine', 'monsieur', 'madame', 'mme', 'm', 'selon', 'mais', 'et', 'ou', 'le', 'la', 'les', 'un', 'une', 'pour', 'avec',
  'hier', 'aujourd', 'quand', 'lorsque', 'après', 'avant', 'chef', 'chancelier', 'ministre',
  ].map(fold),
);

/** A title or a word that starts sentences ("President", "Menurut", "Laut"), folded: capitalised, yet no name. */
export const isTitleOrOpener = (folded: string): boolean => NOT_GIVEN_NAMES.has(folded);

/** Compiles one entity's rules: its phrases, and for a person with a surname, its own given names. */
export function compileRules(entity: CompiledEntity): EntityRules {
  const person = entity.type === 'person' ? namesOf(entity.aliases) : undefined;
  return {
    after: byLetter(entity.context?.notFollowedBy, (words) => words[0]!),
    before: byLetter(entity.context?.notPrecededBy, (words) => words[words.length - 1]!),
    givenNames: person?.given,
    surnames: person?.surnames ?? new Set(),
  };
}

/** Phrases (folded, words joined by single spaces) by the first letter of their word `next` to the name. */
function byLetter(list: readonly string[] | undefined, next: (words: Phrase) => string): PhrasesByLetter | undefined {
  if (!list?.length) return undefined;
  const table = new Map<number, Phrase[]>();
  for (const p of list) {
    const words = p.split(' ');
    const code = next(words).charCodeAt(0);
    const row = table.get(code);
    if (row) row.push(words);
    else table.set(code, [words]);
  }
  return table;
}

/**
 * A person's surnames (aliases of one word that end a longer one) and given
 * names (the words before the last of the longer ones, "ilham" of "ilham
 * aliyev", and their initials); undefined when no alias is a surname.
 */
function namesOf(aliases: readonly string[]): { given: Set<string>; surnames: Set<string> } | undefined {
  const words = aliases.map((a) => a.split(' '));
  const lasts = new Set(words.filter((w) => w.length > 1).map((w) => w[w.length - 1]!));
  const surnames = new Set(aliases.filter((a) => lasts.has(a)));
  if (surnames.size === 0) return undefined;
  const given = new Set<string>();
  for (const w of words) {
    for (const word of w.slice(0, -1)) {
      given.add(word);
      given.add(word[0]!);
    }
  }
  return { given, surnames };
}

/**
 * Whether the text around a name says that it is not the entity: the name
 * starts at `start`, its mention ends at `stop`. `surname`: the name is a
 * person's surname met alone. `lastEnd`: where the mention before it in the
 * text ends (a name right after another name is no given name: "Erdoğan
 * Putin'le görüştü").
 */
export function ruledOut(text: string, start: number, stop: number, rules: EntityRules, surname: boolean, lastEnd: number): boolean {
  const n = text.length;
  if (rules.after) {
    let j = stop;
    while (j < n && isJoiner(text.charCodeAt(j))) j++;
    const phrases = j < n ? rules.after.get(foldCode(text.charCodeAt(j))) : undefined;
    if (phrases) for (const phrase of phrases) if (phraseAfter(text, n, j, phrase)) return true;
  }
  if (rules.before) {
    const [s, e] = wordBefore(text, start);
    const phrases = e > s ? rules.before.get(foldCode(text.charCodeAt(s))) : undefined;
    if (phrases) for (const phrase of phrases) if (phraseBefore(text, start, phrase)) return true;
  }
  return surname && rules.givenNames !== undefined && someoneElse(text, start, rules.givenNames, lastEnd);
}

/** Does `phrase` follow from `j` (spaces, hyphens and apostrophes between words)? */
function phraseAfter(text: string, n: number, j: number, phrase: Phrase): boolean {
  for (const word of phrase) {
    while (j < n && isJoiner(text.charCodeAt(j))) j++;
    let e = j;
    while (e < n && isWordChar(text.charCodeAt(e))) e++;
    if (!sameWord(text, j, e, word)) return false;
    j = e;
  }
  return true;
}

/** Does `phrase` end right before `j` (spaces, hyphens and apostrophes between words)? */
function phraseBefore(text: string, j: number, phrase: Phrase): boolean {
  for (let w = phrase.length - 1; w >= 0; w--) {
    const [s, e] = wordBefore(text, j);
    if (!sameWord(text, s, e, phrase[w]!)) return false;
    j = s;
  }
  return true;
}

/** The word that ends before `j`, past spaces, hyphens and apostrophes: [start, end), empty if none. */
function wordBefore(text: string, j: number): [number, number] {
  j--;
  while (j >= 0 && isJoiner(text.charCodeAt(j))) j--;
  const e = j + 1;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  return [j + 1, e];
}

/** Is text[s, e) the folded `word` (or, for "stem*", a word it begins)? */
function sameWord(text: string, s: number, e: number, word: string): boolean {
  const prefix = word.endsWith(STAR);
  const len = prefix ? word.length - 1 : word.length;
  if (e === s || (prefix ? e - s < len : e - s !== len)) return false;
  for (let k = 0; k < len; k++) if (foldCode(text.charCodeAt(s + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether a different given name stands right before a surname at `start`:
 * a capitalised word, separated by spaces only, that is not all capitals, not
 * a title nor a sentence's opening word, not one of the person's own names,
 * in a text that is not a Title Case headline. "J. Aliyev": an initial that is
 * not one of the person's.
 */
function someoneElse(text: string, start: number, own: ReadonlySet<string>, lastEnd: number): boolean {
  let j = start - 1;
  if (j < 0 || !isSpaceCode(text.charCodeAt(j))) return false;
  while (j >= 0 && isSpaceCode(text.charCodeAt(j))) j--;
  // An initial: "J. Aliyev".
  const initial = j >= 1 && text.charCodeAt(j) === 0x2e && !isLowerChar(text.charCodeAt(j - 1)) && isWordChar(text.charCodeAt(j - 1)) && (j < 2 || !isWordChar(text.charCodeAt(j - 2)));
  if (initial) return !own.has(String.fromCharCode(foldCode(text.charCodeAt(j - 1))));
  const e = j + 1;
  if (e === lastEnd) return false;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  const s = j + 1;
  if (e - s < 2) return false;
  const first = text.charCodeAt(s);
  if (isLowerChar(first) || !isWordChar(first) || (first >= 0x30 && first <= 0x39)) return false;
  // All capitals: an acronym or a dateline ("PM Aliyev", "BAKU Aliyev").
  let lower = false;
  for (let k = s + 1; k < e && !lower; k++) lower = isLowerChar(text.charCodeAt(k));
  if (!lower) return false;
  let folded = '';
  for (let k = s; k < e; k++) folded += String.fromCharCode(foldCode(text.charCodeAt(k)));
  if (own.has(folded) || NOT_GIVEN_NAMES.has(folded)) return false;
  return !isTitleCase(text);
}

/** Whether most of a text's words of three letters or more are capitalised, as in a headline. */
function isTitleCase(text: string): boolean {
  let words = 0;
  let capitalised = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    const s = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    if (i - s < 3) continue;
    words++;
    if (!isLowerChar(text.charCodeAt(s))) capitalised++;
  }
  return words >= 3 && capitalised >= 0.7 * words;
}
