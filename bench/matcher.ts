// The matcher in node: throughput on ~10 MB of mixed-language text (English,
// Indonesian, Russian, Turkish paragraphs with names), against the two ways
// people usually do it: one RegExp per alias in a loop, and one big
// alternation. Both baselines get Unicode word boundaries (lookarounds) and the
// 'giu' flags; they know neither inflections nor context rules, so they find
// a different number of mentions (reported).
import type { CompiledGazetteer } from '../src/core/types';
import { createMatcher } from '../src/core/matcher';
import { BOUNDARY_AFTER, BOUNDARY_BEFORE, escapeRegex, regexAliases } from './aliases';
import type { Corpus } from './corpus';
import { generateText } from './pages';
import { median } from './stats';

export interface ThroughputRow {
  label: string;
  /** UTF-8 megabytes (10^6) per second. */
  mbPerSec: number;
  ms: number;
  /** Megabytes of text the row was measured on. */
  mb: number;
  mentions: number;
  runs: number;
}

export interface MatcherResult {
  mb: number;
  paragraphs: number;
  aliases: number;
  compileMs: number;
  rows: ThroughputRow[];
}

const countAll = (re: RegExp, text: string): number => {
  let n = 0;
  re.lastIndex = 0;
  while (re.test(text)) n++;
  return n;
};

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

export function benchMatcher(g: CompiledGazetteer, corpus: Corpus, opts: { megabytes: number; runs: number; perAliasMegabytes: number }): MatcherResult {
  const paragraphs = generateText(corpus, opts.megabytes * 1e6);
  const text = paragraphs.join('\n\n');
  const mb = Buffer.byteLength(text) / 1e6;
  const [matcher, compileMs] = time(() => createMatcher(g));
  const rows: ThroughputRow[] = [];
  const row = (label: string, runs: number, size: number, fn: () => number) => {
    fn(); // warm up: JIT, fold tables, regex tier-up
    const times: number[] = [];
    let mentions = 0;
    for (let r = 0; r < runs; r++) {
      const [n, ms] = time(fn);
      mentions = n;
      times.push(ms);
    }
    const ms = median(times);
    rows.push({ label, mbPerSec: size / (ms / 1000), ms, mb: size, mentions, runs });
  };

  row('our matcher, per paragraph (as text nodes)', opts.runs, mb, () => {
    let n = 0;
    for (const p of paragraphs) n += matcher.find(p).length;
    return n;
  });
  row('our matcher, whole text as one string', opts.runs, mb, () => matcher.find(text).length);

  const aliases = regexAliases(g);
  const big = new RegExp(`${BOUNDARY_BEFORE}(?:${aliases.map(escapeRegex).join('|')})${BOUNDARY_AFTER}`, 'giu');
  row('one alternation RegExp (giu, Unicode boundaries)', opts.runs, mb, () => countAll(big, text));

  // One regex per alias is slow enough to measure on a slice of the same text.
  const slice = text.slice(0, Math.floor((text.length * opts.perAliasMegabytes) / mb));
  const sliceMb = Buffer.byteLength(slice) / 1e6;
  const each = aliases.map((a) => new RegExp(`${BOUNDARY_BEFORE}${escapeRegex(a)}${BOUNDARY_AFTER}`, 'giu'));
  row(`one RegExp per alias, looped (${aliases.length} regexes)`, 1, sliceMb, () => each.reduce((n, re) => n + countAll(re, slice), 0));

  return { mb, paragraphs: paragraphs.length, aliases: aliases.length, compileMs, rows };
}
