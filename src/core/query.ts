// A query as the reader typed it, shaped for the library's search: which
// words are names (answered from the entity lists), which is still being
// typed (matched as a prefix), which may forgive a typo, and which are
// function words to leave out. Pure.
import { FUZZY_MIN, PREFIX_MIN, processTerm, WORD } from './search-options';
import { isStopWord } from './stop-words';
import type { Mention } from './types';

export interface QueryWord {
  /** The word as typed. */
  text: string;
  /** Its folded terms: one, or a name's several ("nikol", "pashinyan"). */
  terms: string[];
  /** The entities the word names ("Putin", "Россия", "Nikol Pashinyan"); empty for a word of text. */
  entities: string[];
  /** The last word, still being typed: it matches as a prefix too. */
  prefix: boolean;
  /** Long enough to forgive a typo, when it matches nothing as typed. */
  fuzzy: boolean;
}

export interface QueryPlan {
  words: QueryWord[];
  /** Every word is a function word ("itu", "что"): they are searched in titles and leads alone. */
  onlyStopWords: boolean;
}

interface Token {
  text: string;
  term: string;
  start: number;
  end: number;
}

/**
 * Shapes a query. `find` is the library's matcher: the names it finds in the
 * query make entity words. The last word is being typed unless the query ends
 * in a space or a punctuation mark.
 */
export function shapeQuery(query: string, find?: (text: string) => readonly Mention[]): QueryPlan {
  const tokens: Token[] = [];
  for (const m of query.matchAll(WORD)) {
    const term = processTerm(m[0]);
    if (term) tokens.push({ text: m[0], term, start: m.index, end: m.index + m[0].length });
  }
  if (tokens.length === 0) return { words: [], onlyStopWords: false };
  const typing = tokens[tokens.length - 1]!.end === query.length;
  const mentions = find ? find(query) : [];

  const words: QueryWord[] = [];
  const seen = new Set<string>();
  // One word per name, however many of its spellings the query has ("Russian Rusya"), one per word of text.
  const push = (w: QueryWord) => {
    const key = w.entities.length > 0 ? `=${w.entities.join(',')}` : `${w.terms.join(' ')}|${w.prefix}`;
    if (seen.has(key)) return;
    seen.add(key);
    words.push(w);
  };
  let i = 0;
  for (const mention of mentions) {
    const covered: Token[] = [];
    for (; i < tokens.length && tokens[i]!.start < mention.end; i++) {
      const t = tokens[i]!;
      if (t.start >= mention.start && t.end <= mention.end) covered.push(t);
      else pushText(t, i);
    }
    if (covered.length > 0) {
      push({ text: query.slice(mention.start, mention.end), terms: covered.map((t) => t.term), entities: [mention.entityId], prefix: false, fuzzy: false });
    }
  }
  for (; i < tokens.length; i++) pushText(tokens[i]!, i);

  function pushText(t: Token, at: number): void {
    const prefix = typing && at === tokens.length - 1 && t.term.length >= PREFIX_MIN;
    push({ text: t.text, terms: [t.term], entities: [], prefix, fuzzy: t.term.length >= FUZZY_MIN });
  }

  const isStop = (w: QueryWord) => w.entities.length === 0 && isStopWord(w.terms[0]!);
  const content = words.filter((w) => !isStop(w));
  if (content.length > 0) return { words: content, onlyStopWords: false };
  return { words, onlyStopWords: true };
}
