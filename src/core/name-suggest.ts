// Names a saved article repeats that no entity has: what the popup offers to
// follow after a save. A name here is a run of capitalised words (any script
// with capitals: Latin, Cyrillic, Greek), joined by spaces or by the
// particles of names ("de", "van", "bin"). It must come back at least twice,
// and not only where every word is capitalised anyway (a sentence's first
// word). Pure, tested on real article text.
import { isTitleOrOpener } from './context-rules';
import { fold } from './fold';
import { createMatcher } from './matcher';
import { GAZETTEER_VERSION, type Mention } from './types';

export interface NameSuggestion {
  /** The name as the article writes it most (for Russian, its shortest form: the one that declines into the others). */
  name: string;
  /** Shorter forms the article uses for it (a surname alone): followed with it. */
  aliases: string[];
  /** How often the article names it, in all its forms. */
  count: number;
}

export const SUGGESTION_LIMIT = 5;
/** A run of more capitalised words than this is a heading or a title of a work, not a name. */
const MAX_WORDS = 5;

/** Lower-case words that stand inside names. */
const PARTICLES = new Set(['de', 'da', 'das', 'del', 'della', 'der', 'den', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'bin', 'binti', 'ibn', 'al', 'el', 'of', 'y']);

/**
 * Capitalised words that are no name: courtesy pronouns, months and days,
 * in the languages we read that write them so (English, Indonesian, Turkish,
 * Azerbaijani, German), folded.
 */
const NOT_NAMES = new Set(
  [
    // Pronouns capitalised as courtesy: Indonesian "Anda", German "Sie".
    'anda', 'sie', 'ihnen',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'januari', 'februari', 'maret', 'mei', 'juni', 'juli', 'agustus', 'oktober', 'desember', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu', 'minggu',
    'ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık',
    'pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar',
    'yanvar', 'fevral', 'aprel', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr',
    'januar', 'februar', 'märz', 'dezember', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  ].map(fold),
);

/** English words capitalised as adjectives or for a creed, never names: "Islamists", "English". */
const ADJECTIVE = /\p{Ll}(?:ists?|isms?|ish)$/u;

interface Word {
  text: string;
  start: number;
  end: number;
  capital: boolean;
}

/** A letter, then letters, marks, digits, and apostrophes or hyphens between them ("O'Brien", "Jean-Luc"). */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const SPACES = /^[ \u00a0]+$/;
/** What ends a sentence before a word (quotes and brackets may stand between). */
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s*["“‘«(\[]*$/u;

/** "Zorbanov'un", "Zorbanov's": the name before an apostrophe that only an ending follows. */
function withoutEnding(word: string): string {
  const m = /^(.+?)['’](\p{Ll}+)$/u.exec(word);
  return m ? m[1]! : word;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => {
    const raw = m[0];
    const word = withoutEnding(raw);
    return { text: word, start: m.index, end: m.index + word.length, capital: CAPITAL.test(word) && [...word].length >= 2 };
  });
}

/** A heading in Title Case, where capitals say nothing: most words capitalised, and no sentence's end. */
function isHeading(p: string, words: readonly Word[]): boolean {
  const long = words.filter((w) => w.text.length >= 3);
  return long.length >= 3 && long.filter((w) => w.capital).length >= 0.7 * long.length && !/[.!?…:;"”»)]\s*$/u.test(p);
}

/**
 * Case endings of Russian nouns and adjectives, longest first: a name's forms
 * are counted as one ("Оскарович", "Оскаровича"; "Зорбания", "Зорбании").
 * "ов" and "ев" are not among them: they end surnames ("Зорбанов").
 */
const CYRILLIC_ENDING = /(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ым|им|ах|ях|ью|ию|ия|ии|ие|ий|ая|ую|а|я|у|ю|е|и|ы|о|ь|й)$/;

/** A name's words as one key, Russian case endings aside. */
const keyOf = (words: readonly string[]): string =>
  words
    .map((w) => fold(w))
    .map((w) => (/^[\u0400-\u04ff]{5,}$/.test(w) ? w.replace(CYRILLIC_ENDING, '') : w))
    .join(' ');

interface Tally {
  forms: Map<string, number>;
  count: number;
  /** Found once at least where a capital says something: not as a sentence's first word. */
  inside: boolean;
  first: number;
  words: number;
}

/**
 * Up to `limit` names the article repeats that `find` (the matcher of every
 * known entity) finds nothing in, most repeated first.
 */
export function suggestNames(article: { lead: string; paragraphs: readonly string[]; lang?: string }, find: (text: string) => Mention[], limit = SUGGESTION_LIMIT): NameSuggestion[] {
  // German capitalises every noun: there, a capital says nothing of a name.
  if (/^de\b/i.test(article.lang ?? '')) return [];
  const paragraphs = [article.lead, ...article.paragraphs].filter((p) => p.trim() !== '');
  // Words the article also writes in lower case are common words, wherever they are capitalised.
  const lower = new Set<string>();
  for (const p of paragraphs) for (const w of wordsOf(p)) if (!w.capital && LOWER.test(w.text[0]!)) lower.add(fold(w.text));
  const tallies = new Map<string, Tally>();
  /** Runs of several words that open a sentence: the first may be any word, capitalised only there ("Visit Oskarovich…"). */
  const openers: Array<{ name: string[]; at: number }> = [];
  let at = 0;

  const note = (words: readonly string[], atStart: boolean, when: number) => {
    const key = keyOf(words);
    const t = tallies.get(key) ?? { forms: new Map(), count: 0, inside: false, first: when, words: words.length };
    const form = words.join(' ');
    t.forms.set(form, (t.forms.get(form) ?? 0) + 1);
    t.count++;
    t.inside ||= !atStart;
    t.first = Math.min(t.first, when);
    tallies.set(key, t);
  };

  for (const p of paragraphs) {
    const words = wordsOf(p);
    if (!LOWER.test(p) || isHeading(p, words)) continue;
    for (let i = 0; i < words.length; ) {
      if (!words[i]!.capital) {
        i++;
        continue;
      }
      // A run: capitalised words, with particles between them, separated by spaces only.
      let j = i + 1;
      while (j < words.length && SPACES.test(p.slice(words[j - 1]!.end, words[j]!.start))) {
        const w = words[j]!;
        // A title inside a run ends it: "Zorbanya Cumhurbaşkanı Velmar Oskaroviç" is a place, then a person.
        if (w.capital && !isTitleOrOpener(fold(w.text))) j++;
        else if (PARTICLES.has(w.text) && words[j + 1]?.capital && SPACES.test(p.slice(w.end, words[j + 1]!.start))) j += 2;
        else break;
      }
      const run = words.slice(i, j);
      const atStart = i === 0 || SENTENCE_END.test(p.slice(Math.max(0, run[0]!.start - 16), run[0]!.start));
      i = j;
      if (run.length > MAX_WORDS) continue;
      // Titles and sentence openers before a name are not part of it ("President Zorbanov", "Menurut Zorbanov").
      let k = 0;
      while (k < run.length && (isTitleOrOpener(fold(run[k]!.text)) || (k === 0 && atStart && lower.has(fold(run[k]!.text))))) k++;
      const name = run.slice(k).map((w) => w.text);
      while (name.length && PARTICLES.has(name[name.length - 1]!)) name.pop();
      if (name.length === 0) continue;
      if (name.every((w) => lower.has(fold(w)) || NOT_NAMES.has(fold(w)))) continue;
      if (name.length === 1 && ADJECTIVE.test(name[0]!)) continue;
      if (atStart && k === 0 && name.length > 1) openers.push({ name, at: at++ });
      else note(name, atStart && k === 0, at++);
    }
  }
  // An opening run is a name where the article writes it so elsewhere; else,
  // when the rest of it is a name the article uses, its first word was only
  // the sentence's ("Визит Оскаровича" is a visit of Оскарович's).
  for (const { name, at: when } of openers) {
    if (!tallies.has(keyOf(name)) && tallies.has(keyOf(name.slice(1)))) note(name.slice(1), false, when);
    else note(name, true, when);
  }

  // A surname alone joins the full name it ends, when the full name came first
  // ("Emmerson Mnangagwa", then "Mnangagwa"), the most frequent such name;
  // "Māori" long before "Taranaki Māori" stays a name of its own.
  const byCount = [...tallies.entries()].sort(([, a], [, b]) => b.count - a.count || a.first - b.first);
  const merged = new Map<string, Tally & { aliases: string[] }>();
  /** Full names by their last word's key, the most frequent first. */
  const byLast = new Map<string, Array<Tally & { aliases: string[] }>>();
  for (const [key, t] of byCount) {
    if (t.words < 2) continue;
    const m = { ...t, aliases: [] };
    merged.set(key, m);
    const last = key.slice(key.lastIndexOf(' ') + 1);
    byLast.set(last, [...(byLast.get(last) ?? []), m]);
  }
  for (const [key, t] of byCount) {
    if (t.words > 1) continue;
    const m = byLast.get(key)?.find((full) => full.first < t.first);
    if (!m) {
      merged.set(key, { ...t, aliases: [] });
      continue;
    }
    m.count += t.count;
    m.inside ||= t.inside;
    m.aliases.push(display(t.forms));
  }

  return [...merged.values()]
    .filter((t) => t.count >= 2 && t.inside)
    .map((t) => ({ name: display(t.forms), aliases: t.aliases, count: t.count, first: t.first }))
    .filter((s) => find(s.name).length === 0 && s.aliases.every((a) => find(a).length === 0))
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, limit)
    .map(({ first: _first, ...s }) => s);
}

/**
 * The form to show and follow: the most frequent; in Cyrillic, the one that
 * as a name finds the most of the others (the nominative, which the matcher
 * declines: "Оскарович" finds "Оскаровича", not the other way round).
 */
function display(forms: ReadonlyMap<string, number>): string {
  const all = [...forms.entries()].sort(([a, x], [b, y]) => y - x || a.length - b.length);
  if (all.length === 1 || !/[\u0400-\u04ff]/.test(all[0]![0])) return all[0]![0];
  const reach = (name: string) => {
    const m = createMatcher({ version: GAZETTEER_VERSION, entities: [{ id: 'n', type: 'person', name, description: '', aliases: [fold(name)] }] });
    return all.filter(([form]) => m.find(form).length > 0).length;
  };
  return all.map(([form]) => ({ form, reach: reach(form) })).sort((a, b) => b.reach - a.reach)[0]!.form;
}
