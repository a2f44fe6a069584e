// Generated libraries: N articles made of the seeds' vocabulary (the corpus's
// sentences in four languages, plus a Zipfian tail of rarer words made of the
// seeds' syllables), 300–800 words each, with the names that the corpus
// splices in. And the queries a reader types: one to three words,
// names, partial words, common words, a typo now and then.
import type { Article } from '../../src/core/types';
import type { Corpus } from '../corpus';
import { createRng, type Rng } from '../rng';

const SOURCES = ['Kompas.com', 'detikNews', 'AP', 'Reuters', 'TASS', 'Anadolu', 'AFP', 'Solopos.com'];

const wordCount = (s: string): number => s.split(/\s+/).length;

/**
 * A long tail of rarer words, so that the vocabulary grows with the library as
 * real text's does (Heaps' law) instead of stopping at the few thousand words
 * of the seeds and templates. Words are made of syllables of the seeds' words;
 * their frequencies follow Zipf's law (rank r drawn as LEXICON^u).
 */
const LEXICON = 300_000;
const RARE_SHARE = 0.12;

function rareWords(corpus: Corpus): (rng: Rng) => string {
  const syllables = [...new Set(corpus.words.flatMap((w) => w.toLowerCase().match(/[^aeiouаеиоуыэюяıöü]*[aeiouаеиоуыэюяıöü]+/giu) ?? []))].filter(
    (x) => x.length >= 2 && x.length <= 4,
  );
  // One script per word: every fifth is Cyrillic.
  const cyrillic = syllables.filter((x) => /^[\u0400-\u04ff]+$/.test(x));
  const latin = syllables.filter((x) => /^[a-zçğıöşü]+$/.test(x));
  const word = (rank: number): string => {
    const pool = rank % 5 === 0 ? cyrillic : latin;
    let out = '';
    for (let h = (rank * 2654435761) >>> 0, k = 2 + (rank % 3); k > 0; k--, h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0) {
      out += pool[h % pool.length];
    }
    return out;
  };
  return (rng) => word(Math.floor(Math.pow(LEXICON, rng.next())));
}

function withTail(text: string, rare: (rng: Rng) => string, rng: Rng): string {
  return text.replace(/[\p{Ll}]{4,}/gu, (w) => (rng.next() < RARE_SHARE ? rare(rng) : w));
}

/**
 * A headline: a line of the corpus with the tail's words, and at least one of
 * them, so that, as real headlines are, it is this article's own; the lines
 * alone repeat across thousands of articles.
 */
function headline(line: string, rare: (rng: Rng) => string, rng: Rng): string {
  const words = [...line.matchAll(/[\p{Ll}]{4,}/gu)];
  if (words.length === 0) return `${line} ${rare(rng)}`;
  const pick = words[rng.int(0, words.length - 1)]!;
  const withOne = line.slice(0, pick.index) + rare(rng) + line.slice(pick.index + pick[0].length);
  return withTail(withOne, rare, rng);
}

export function generateArticles(corpus: Corpus, count: number, seed = 11): Article[] {
  const rng = createRng(seed);
  const rare = rareWords(corpus);
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const target = rng.int(300, 800);
    const lead = withTail(corpus.paragraph(rng), rare, rng);
    const paragraphs: string[] = [];
    for (let words = wordCount(lead); words < target; ) {
      const p = withTail(corpus.paragraph(rng), rare, rng);
      paragraphs.push(p);
      words += wordCount(p);
    }
    const day = 1 + (i % 28);
    out.push({
      id: `gen_${String(i).padStart(6, '0')}`,
      title: headline(corpus.line(rng), rare, rng),
      source: rng.pick(SOURCES),
      date: `20${String(15 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      lead,
      paragraphs,
      lang: 'id',
    });
  }
  return out;
}

/**
 * `count` queries of one to three words, as readers type them: mostly words
 * that occur together in some article (its title or lead), the last one often
 * still being typed (a prefix); names; now and then a typo or a word pair that
 * no article has (which makes the library fall back to OR).
 */
export function generateQueries(corpus: Corpus, articles: readonly Article[], count: number, seed = 13): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = rng.next() < 0.45 ? 1 : rng.next() < 0.7 ? 2 : 3;
    let words: string[];
    const r = rng.next();
    if (r < 0.25) {
      words = Array.from({ length: n }, () => corpus.name(rng).split(/[\s']/)[0]!);
    } else if (r < 0.35) {
      words = Array.from({ length: n }, () => rng.pick(corpus.words));
    } else {
      const a = rng.pick(articles);
      const text = (rng.next() < 0.5 ? a.title : a.lead).match(/[\p{L}\p{M}\p{N}]{3,}/gu) ?? ['berita'];
      const at = rng.int(0, Math.max(0, text.length - n));
      words = text.slice(at, at + n);
    }
    const last = words.length - 1;
    const w = words[last]!;
    const t = rng.next();
    if (t < 0.35 && w.length > 4) words[last] = w.slice(0, rng.int(3, w.length - 1)); // still typing
    else if (t < 0.42 && w.length > 4) {
      const k = rng.int(1, w.length - 3); // two letters swapped
      words[last] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
    }
    out.push(words.join(' '));
  }
  return out;
}
