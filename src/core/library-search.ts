// The library's search: a shaped query (query.ts) answered word by word and
// merged. A word that is a name is answered from the entity lists, which
// already know every article naming the entity in any spelling ("Россия"
// finds an article that says "Rusia"); other words by MiniSearch.
//
// Every word must match (AND); when no article has them all, any may (OR),
// and the hits say so. The word that narrows most goes first (names by how
// many articles name them, words by how many postings they have), and each
// later word is scored only over the articles still in the running
// (MiniSearch skips the others before scoring them: boostDocument returns 0).
// A word that matches nothing as typed is tried with two neighbouring letters
// swapped, then with MiniSearch's fuzzy matching. Only the hits shown are
// assembled.
import type { SearchOptions, SearchResult, MatchInfo, Query } from 'minisearch';
import type { Catalog } from './catalog';
import type { FullText } from './full-text';
import type { QueryPlan, QueryWord } from './query';
import { FIELD_BOOST, FUZZY, INDEX_FIELDS, PREFIX_MIN } from './search-options';
import type { EntityStat } from './types';

export interface SearchOpts {
  /** At most this many hits; 20 when absent. */
  limit?: number;
  /** Only articles that mention this entity. */
  entityId?: string;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Words of the article's text that matched, folded ("pashinyan" for "Pashin"): the ones to emphasise. */
  terms: string[];
  /** The query words that found something, folded. */
  queryTerms: string[];
  /** Entities found through their names although the text may spell them otherwise ("Russia" finds "Rusia"). */
  entities: string[];
  /** MiniSearch's match info: each matched term and the fields it was found in. */
  match: MatchInfo;
  /** True when no article matched every query word and this hit matched only some. */
  partial: boolean;
}

export interface SearchSources {
  fullText: FullText;
  /** The articles' entries and the lists of the articles naming each entity. */
  catalog: Catalog;
}

const DEFAULT_LIMIT = 20;
/** Function-word queries, and lone broad words first, look in titles and leads: in bodies most articles have them. */
const STOP_FIELDS = ['title', 'lead'];
/**
 * A name's own spelling in an article's text adds to what naming it is worth
 * ("Олланда" in the article sought, not only some spelling of Hollande), when
 * so few articles are left that looking it up costs little.
 */
const RERANK_MAX = 1000;

/** The articles still in the running: a word's scores (a Map) or an entity's list. */
interface Candidates {
  has(id: string): boolean;
  readonly size: number;
  keys(): IterableIterator<string>;
}

interface WordResult {
  word: QueryWord;
  scores: Map<string, number>;
  /** MiniSearch's results by id: which terms of the text matched, and where. */
  text: Map<string, SearchResult> | undefined;
}

/** BM25's weight of a term in `df` of `total` documents, as MiniSearch computes it. */
function idf(df: number, total: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}

/**
 * What naming an entity is worth to an article, on the scale of MiniSearch's
 * scores: BM25 over its mentions (demonyms counted less), as much more when
 * it is named in the title or lead as a word found in the title counts more.
 */
export function entityScore(stat: Pick<EntityStat, 'count' | 'weakCount' | 'prominent'>, df: number, total: number): number {
  const tf = stat.count + 0.4 * stat.weakCount;
  const saturation = 0.5 + (tf * 2.2) / (tf + 1.2);
  return idf(df, total) * saturation * (stat.prominent ? FIELD_BOOST.title : FIELD_BOOST.body);
}

const dfOf = (src: SearchSources, entityId: string) => src.catalog.frequencies().get(entityId) ?? 0;

/**
 * Visits the articles naming the entity among the candidates: the entity's
 * list is walked and the candidates asked, unless the candidates are far
 * fewer (asking an article for its stat costs more than a step of the list).
 */
function forEachNamingAmong(src: SearchSources, entityId: string, candidates: Candidates | undefined, visit: (id: string, stat: Pick<EntityStat, 'count' | 'weakCount' | 'prominent'>) => void): void {
  if (candidates && candidates.size * 8 < dfOf(src, entityId)) {
    for (const id of candidates.keys()) {
      const stat = src.catalog.stat(id, entityId);
      if (stat) visit(id, stat);
    }
  } else {
    src.catalog.forEachNaming(entityId, (id, count, weakCount, prominent) => {
      if (!candidates || candidates.has(id)) visit(id, { count, weakCount, prominent });
    });
  }
}

function entityResult(src: SearchSources, word: QueryWord, candidates: Candidates | undefined): WordResult {
  const scores = new Map<string, number>();
  for (const entityId of word.entities) {
    const df = dfOf(src, entityId);
    forEachNamingAmong(src, entityId, candidates, (id, stat) => {
      const s = entityScore(stat, df, src.catalog.size);
      if (!(scores.get(id)! >= s)) scores.set(id, s);
    });
  }
  return { word, scores, text: undefined };
}

function textResult(src: SearchSources, word: QueryWord, query: Query, options: SearchOptions, plan: QueryPlan, candidates: Candidates | undefined): WordResult {
  const results = src.fullText.mini.search(query, {
    fields: plan.onlyStopWords ? STOP_FIELDS : [...INDEX_FIELDS],
    combineWith: 'OR',
    ...options,
    ...(candidates ? { boostDocument: (id: unknown) => (candidates.has(id as string) ? 1 : 0) } : {}),
  });
  const scores = new Map<string, number>();
  const text = new Map<string, SearchResult>();
  for (const r of results) {
    scores.set(r.id as string, r.score);
    text.set(r.id as string, r);
  }
  return { word, scores, text };
}

/** The spellings one swap of neighbouring letters away that the index has. */
function swaps(src: SearchSources, term: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    const t = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (t !== term && src.fullText.postings(t, false) > 0) out.add(t);
  }
  return [...out];
}

/** How a word of text is looked up: as typed, or, for a typo, its swapped or fuzzy spellings. */
interface Lookup {
  query: Query;
  options: SearchOptions;
}

/** The lookups to try for a word of text, in order: as typed (a prefix too, if being typed); then, for a long word, forgiving a typo. */
function* lookups(src: SearchSources, word: QueryWord): Generator<Lookup> {
  const term = word.terms[0]!;
  yield { query: term, options: { prefix: word.prefix && term.length >= PREFIX_MIN, fuzzy: false } };
  if (!word.fuzzy) return;
  const swapped = swaps(src, term);
  if (swapped.length > 0) yield { query: { combineWith: 'OR', queries: swapped }, options: { prefix: false, fuzzy: false } };
  yield { query: term, options: { prefix: false, fuzzy: FUZZY } };
}

/** A word's hits among the candidates, scored: as typed, or, when that finds nothing, forgiving a typo. */
function wordResult(src: SearchSources, word: QueryWord, plan: QueryPlan, candidates: Candidates | undefined, fields?: string[]): WordResult {
  if (word.entities.length > 0) return entityResult(src, word, candidates);
  let result: WordResult | undefined;
  for (const { query, options } of lookups(src, word)) {
    result = textResult(src, word, query, fields ? { ...options, fields } : options, plan, candidates);
    if (result.scores.size > 0) break;
  }
  return result!;
}

/**
 * The articles a word matches among the candidates, and the lookup that
 * found them, without scoring them: MiniSearch asks boostDocument about each
 * posting before scoring it, and a boost of 0 skips it.
 */
function matchWord(src: SearchSources, word: QueryWord, plan: QueryPlan, candidates: Candidates | undefined): { docs: Set<string>; lookup?: Lookup } {
  const docs = new Set<string>();
  if (word.entities.length > 0) {
    for (const e of word.entities) forEachNamingAmong(src, e, candidates, (id) => docs.add(id));
    return { docs };
  }
  for (const lookup of lookups(src, word)) {
    src.fullText.mini.search(lookup.query, {
      fields: plan.onlyStopWords ? STOP_FIELDS : [...INDEX_FIELDS],
      combineWith: 'OR',
      ...lookup.options,
      boostDocument: (id: unknown) => {
        if (!candidates || candidates.has(id as string)) docs.add(id as string);
        return 0;
      },
    });
    if (docs.size > 0) return { docs, lookup };
  }
  return { docs };
}

/** How many articles (names) or postings (words) a word brings: the fewer, the earlier it goes. */
function breadth(src: SearchSources, word: QueryWord): number {
  if (word.entities.length > 0) return word.entities.reduce((n, e) => n + dfOf(src, e), 0);
  const term = word.terms[0]!;
  return src.fullText.postings(term, word.prefix && term.length >= PREFIX_MIN);
}

/** Whether at least `limit` articles have a word of text in their title or lead. */
function enoughInTitles(results: readonly WordResult[], limit: number): boolean {
  const seen = new Set<string>();
  for (const r of results) {
    if (!r.text) continue;
    for (const id of r.text.keys()) {
      seen.add(id);
      if (seen.size >= limit) return true;
    }
  }
  return false;
}

/** The `k` best of the ids by score, best first; of equal scores the one met first. */
function topK(ids: Iterable<string>, score: (id: string) => number, k: number): Array<[string, number]> {
  const best: Array<[string, number]> = [];
  for (const id of ids) {
    const s = score(id);
    if (best.length === k && !(s > best[k - 1]![1])) continue;
    let i = best.length === k ? k - 1 : best.length;
    if (best.length < k) best.push([id, s]);
    while (i > 0 && best[i - 1]![1] < s) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = [id, s];
  }
  return best;
}

/**
 * A word of text in more than this share of the articles narrows almost
 * nothing, and BM25 gives it almost no weight (idf 0.06 at 94%): beside
 * narrower words it is left out, as a function word is. Names never are.
 */
const COMMON_SHARE = 0.5;
/** A word in more than this share of the articles is a broad one. */
const BROAD_SHARE = 0.1;

export function searchLibrary(src: SearchSources, plan: QueryPlan, opts: SearchOpts = {}): SearchHit[] {
  if (plan.words.length === 0) return [];
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const within: Candidates | undefined = opts.entityId === undefined ? undefined : new Set(src.catalog.naming(opts.entityId));
  const sized = plan.words.map((word) => ({ word, breadth: breadth(src, word) })).sort((a, b) => a.breadth - b.breadth);
  const common = (w: (typeof sized)[number]) => w.word.entities.length === 0 && w.breadth > COMMON_SHARE * src.catalog.size;
  const narrow = sized.filter((w) => !common(w));
  const words = (narrow.length > 0 ? narrow : sized).map((w) => w.word);

  // A lone broad word: its matches in titles and leads, where they count most, and only
  // when there are too few of those, its matches in bodies too.
  const lone = words.length === 1 && sized[0]!.breadth > BROAD_SHARE * src.catalog.size;
  if (lone && !plan.onlyStopWords) {
    const r = wordResult(src, words[0]!, plan, within, STOP_FIELDS);
    if (r.scores.size >= limit) return topK(r.scores.keys(), (id) => r.scores.get(id)!, limit).map(([id, s]) => assemble(src, [r], id, s, false));
  }

  // AND: the articles every word matches, found without scoring, each word looked up among
  // those the words before it left; then each word scored over those alone.
  const results: WordResult[] = [];
  let partial = false;
  let docs: Candidates | undefined = within;
  const found: Array<Lookup | undefined> = [];
  if (words.length === 1) {
    results.push(wordResult(src, words[0]!, plan, within));
    docs = results[0]!.scores;
    partial = docs.size === 0;
  } else {
    for (const word of words) {
      const m = matchWord(src, word, plan, docs);
      found.push(m.lookup);
      docs = m.docs;
      if (docs.size === 0) break;
    }
    partial = docs!.size === 0;
    if (!partial) {
      const scoreAll = (fields?: string[]) =>
        words.map((word, i) => {
          const lookup = found[i];
          if (!lookup) return entityResult(src, word, docs);
          return textResult(src, word, lookup.query, fields ? { ...lookup.options, fields } : lookup.options, plan, docs);
        });
      // Many articles have every word: those with them in the title or lead are the ones shown,
      // and only when there are too few of those are the bodies scored too.
      let scored = docs!.size > BROAD_SHARE * src.catalog.size && !plan.onlyStopWords ? scoreAll(STOP_FIELDS) : undefined;
      if (scored && !enoughInTitles(scored, limit)) scored = undefined;
      results.push(...(scored ?? scoreAll()));
    }
  }
  let ids: Iterable<string>;
  let score: (id: string) => number;
  if (!partial) {
    const matched = docs!;
    ids = matched.keys();
    if (matched.size <= RERANK_MAX) {
      for (const r of results) {
        // Letters of an abbreviation ("U.S.S.R.") are in every article: only words are looked up.
        const spellings = r.word.terms.filter((t) => t.length >= PREFIX_MIN);
        if (r.word.entities.length === 0 || spellings.length === 0) continue;
        const spelt = textResult(src, r.word, { combineWith: 'OR', queries: spellings }, { prefix: false, fuzzy: false }, plan, matched);
        for (const [id, s] of spelt.scores) r.scores.set(id, (r.scores.get(id) ?? 0) + s);
        r.text = spelt.text;
      }
    }
    score = (id) => results.reduce((n, r) => n + (r.scores.get(id) ?? 0), 0);
  } else {
    // OR: each word over every article (within the entity, if one is asked for); more words matched, more score.
    for (let i = 0; i < words.length; i++) {
      if (!results[i]) results[i] = wordResult(src, words[i]!, plan, within);
    }
    const all = new Set<string>();
    for (const r of results) for (const id of r.scores.keys()) all.add(id);
    ids = all;
    score = (id) => {
      let n = 0;
      let matched = 0;
      for (const r of results) {
        const s = r.scores.get(id);
        if (s !== undefined) {
          n += s;
          matched++;
        }
      }
      return n * matched;
    };
  }
  return topK(ids, score, limit).map(([id, s]) => assemble(src, results, id, s, partial));
}

function assemble(src: SearchSources, results: readonly WordResult[], id: string, score: number, partial: boolean): SearchHit {
  const terms = new Set<string>();
  const entities = new Set<string>();
  const queryTerms: string[] = [];
  const match: MatchInfo = {};
  for (const r of results) {
    if (!r.scores.has(id)) continue;
    queryTerms.push(...r.word.terms);
    for (const e of r.word.entities) if (src.catalog.stat(id, e)) entities.add(e);
    const found = r.text?.get(id);
    if (!found) continue;
    for (const t of found.terms) terms.add(t);
    for (const [t, fields] of Object.entries(found.match)) match[t] = [...new Set([...(match[t] ?? []), ...fields])];
  }
  return { id, score, terms: [...terms], queryTerms, entities: [...entities], match, partial };
}
