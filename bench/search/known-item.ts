// The known-item test: for a sample of the library's articles, the queries a
// reader types to find one of them again, and whether that article is among
// the first ten hits. Four kinds of query per article:
// - words: two or three of its distinctive words (rare in the library, not
//   unique: in at most 1% of the articles, and in at least one other);
// - name + word: a name it makes much of, as it writes it, and one such word;
// - title: three or four consecutive words of its title, around the title's
//   rarest word (when that word is rare in the library: a title of common
//   words only names no one article);
// - typo: two distinctive words, one of them (five letters or more) with two
//   neighbouring letters swapped.
import type { LibraryMatcher } from '../../src/core/library';
import { articleText } from '../../src/core/entity-profile';
import { processTerm, tokenize } from '../../src/core/search-options';
import { isStopWord } from '../../src/core/stop-words';
import type { Article } from '../../src/core/types';
import { createRng, type Rng } from '../rng';

export type KnownItemKind = 'words' | 'name + word' | 'title' | 'typo';
export const KNOWN_ITEM_KINDS: readonly KnownItemKind[] = ['words', 'name + word', 'title', 'typo'];

export interface KnownItemQuery {
  articleId: string;
  kind: KnownItemKind;
  query: string;
}

/** How many articles each folded term is in. */
export function documentFrequencies(articles: readonly Article[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const w of tokenize(articleText(a))) {
      const t = processTerm(w);
      if (t) seen.add(t);
    }
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return df;
}

function distinctive(a: Article, df: ReadonlyMap<string, number>, total: number): string[] {
  const most = Math.max(3, Math.floor(total / 100));
  const words = new Map<string, string>();
  for (const w of tokenize(articleText(a))) {
    const t = processTerm(w);
    if (!t || t.length < 4 || isStopWord(t) || /\d/.test(t)) continue;
    const n = df.get(t) ?? 0;
    if (n >= 2 && n <= most && !words.has(t)) words.set(t, w);
  }
  return [...words.values()];
}

function pick<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

function typo(word: string, rng: Rng): string {
  const k = rng.int(1, word.length - 3);
  return word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
}

/** Queries for `sample` articles picked at random (four each, fewer where an article gives no material for one). */
export function knownItemQueries(articles: readonly Article[], matcher: LibraryMatcher, sample: number, seed = 17): KnownItemQuery[] {
  const rng = createRng(seed);
  const df = documentFrequencies(articles);
  const out: KnownItemQuery[] = [];
  for (const a of pick(rng, articles, sample)) {
    const words = distinctive(a, df, articles.length);
    const add = (kind: KnownItemKind, parts: string[]) => parts.length > 0 && out.push({ articleId: a.id, kind, query: parts.join(' ') });
    if (words.length >= 2) add('words', pick(rng, words, rng.int(2, 3)));
    const text = articleText(a);
    const mentions = matcher.find(text).filter((m) => !m.weak);
    if (mentions.length > 0 && words.length > 0) {
      const m = mentions[rng.int(0, Math.min(mentions.length, 5) - 1)]!;
      add('name + word', [text.slice(m.start, m.end), pick(rng, words, 1)[0]!]);
    }
    const title = tokenize(a.title);
    const dfOf = (w: string) => df.get(processTerm(w) ?? '') ?? Infinity;
    let rarest = 0;
    title.forEach((w, i) => {
      if (dfOf(w) < dfOf(title[rarest]!)) rarest = i;
    });
    // A title no word of which is rare names no one article: no reader finds it by its title.
    if (title.length >= 3 && dfOf(title[rarest]!) <= Math.max(3, Math.floor(articles.length / 100))) {
      const len = Math.min(title.length, rng.int(3, 4));
      const start = Math.max(0, Math.min(title.length - len, rarest - rng.int(0, len - 1)));
      add('title', title.slice(start, start + len));
    }
    const long = words.filter((w) => w.length >= 5);
    if (long.length >= 1 && words.length >= 2) {
      const [wrong] = pick(rng, long, 1);
      const other = pick(rng, words.filter((w) => w !== wrong), 1);
      add('typo', rng.next() < 0.5 ? [typo(wrong!, rng), ...other] : [...other, typo(wrong!, rng)]);
    }
  }
  return out;
}

export interface KnownItemScore {
  /** Queries whose article was in the first ten hits, over all queries; and per kind. */
  found: number;
  total: number;
  byKind: Record<KnownItemKind, { found: number; total: number }>;
  /** A few queries that missed, for the report. */
  missed: string[];
}

export function scoreKnownItems(queries: readonly KnownItemQuery[], search: (q: string) => readonly string[]): KnownItemScore {
  const byKind = Object.fromEntries(KNOWN_ITEM_KINDS.map((k) => [k, { found: 0, total: 0 }])) as KnownItemScore['byKind'];
  const missed: string[] = [];
  let found = 0;
  for (const q of queries) {
    const hit = search(q.query).slice(0, 10).includes(q.articleId);
    byKind[q.kind].total++;
    if (hit) {
      found++;
      byKind[q.kind].found++;
    } else if (missed.length < 6) missed.push(`${q.kind}: \`${q.query}\``);
  }
  return { found, total: queries.length, byKind, missed };
}
