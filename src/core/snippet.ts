// Short excerpts for search results and cards: the sentence around the first
// match, with the ranges to emphasise. Pure, so the UI only renders `marks` as
// <mark> and never re-finds anything.
import { fold } from './fold';
import { WORD } from './search-options';

/** [start, end) as UTF-16 offsets. */
export type Range = [number, number];

/** A short excerpt, and the ranges of it to emphasise. */
export interface Snippet {
  text: string;
  marks: Range[];
}

const ELLIPSIS = '…';

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set(['dr', 'drs', 'prof', 'ir', 'jl', 'no', 'st', 'mr', 'mrs', 'ms', 'sept', 'jan', 'feb', 'agu', 'okt', 'des', 'vs', 'dll', 'dsb', 'u.s']);

/** Where sentences start: after ., ! or ? (with any closing quotes) and a space, or after a line break. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  const boundary = /([.!?]+)["”’)\]]*\s+|\n+/gu;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m[1] === '.') {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      // "PM.", "Dr.": a single capital or a known abbreviation does not end a sentence.
      if (/^\p{Lu}$/u.test(before) || ABBREVIATIONS.has(before.toLowerCase())) continue;
    }
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/** The sentence containing `offset`, as [start, end) without the surrounding whitespace. */
export function sentenceAround(text: string, offset: number): { start: number; end: number; text: string } {
  const at = Math.min(Math.max(0, offset), text.length);
  const starts = sentenceStarts(text);
  let start = 0;
  let end = text.length;
  for (const s of starts) {
    if (s <= at) start = s;
    else {
      end = s;
      break;
    }
  }
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end, text: text.slice(start, end) };
}

/**
 * Ranges of the words in `text` that match `terms`: folded equality, or a
 * folded prefix for terms of three letters or more (the user typed "Pashin").
 */
export function findTermRanges(text: string, terms: readonly string[]): Range[] {
  const wanted = terms.map((t) => fold(t)).filter((t) => t.length > 0);
  if (wanted.length === 0) return [];
  const folded = fold(text);
  const ranges: Range[] = [];
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    if (wanted.some((t) => word === t || (t.length >= 3 && word.startsWith(t)))) {
      ranges.push([m.index, m.index + word.length]);
    }
  }
  return ranges;
}

/** Sorted, overlapping and touching ranges merged, empty ones dropped. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * The sentence around the first match, cut to `maxLen` around that match when
 * the sentence is longer, with the matches inside it as marks. With no match,
 * the opening sentence and no marks.
 */
export function snippet(text: string, match: readonly string[] | readonly Range[], maxLen = 180): Snippet {
  const ranges = isTermList(match) ? findTermRanges(text, match) : mergeRanges(match.map(([s, e]) => [s, e] as Range));
  const inText = ranges.filter(([s, e]) => s >= 0 && e <= text.length);
  const first = bestAnchor(text, inText);
  const sentence = sentenceAround(text, first ? first[0] : 0);
  let begin = sentence.start;
  let finish = sentence.end;
  if (finish - begin > maxLen) {
    // Keep the match in the first third of the window: what leads up to it is
    // less telling than what follows.
    const anchor = first ? first[0] : begin;
    begin = Math.max(begin, Math.min(anchor - Math.floor(maxLen / 3), finish - maxLen));
    finish = Math.min(finish, begin + maxLen);
    if (begin > sentence.start) begin = snapForward(text, begin, anchor);
    if (finish < sentence.end) finish = snapBack(text, finish, first ? first[1] : begin);
  }
  const head = begin > sentence.start ? ELLIPSIS : '';
  const tail = finish < sentence.end ? ELLIPSIS : '';
  const marks: Range[] = [];
  for (const [s, e] of inText) {
    const from = Math.max(s, begin);
    const to = Math.min(e, finish);
    if (to > from) marks.push([from - begin + head.length, to - begin + head.length]);
  }
  return { text: head + text.slice(begin, finish) + tail, marks };
}

/**
 * The first match of the sentence that shows the most distinct matched words
 * (so that "Turkey drones" shows the sentence naming both); the earliest on a tie.
 */
function bestAnchor(text: string, ranges: readonly Range[]): Range | undefined {
  let best: { range: Range; distinct: number } | undefined;
  const seen = new Set<number>();
  for (const range of ranges) {
    const sentence = sentenceAround(text, range[0]);
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    const words = new Set(
      ranges.filter(([s, e]) => s >= sentence.start && e <= sentence.end).map(([s, e]) => fold(text.slice(s, e))),
    );
    if (!best || words.size > best.distinct) best = { range, distinct: words.size };
  }
  return best?.range;
}

function isTermList(match: readonly string[] | readonly Range[]): match is readonly string[] {
  return match.length === 0 || typeof match[0] === 'string';
}

/** Moves a cut forward to the start of a word, never past `limit`. */
function snapForward(text: string, at: number, limit: number): number {
  if (at === 0 || /\s/u.test(text[at - 1] ?? '')) return at;
  const space = text.slice(at, limit).search(/\s/u);
  return space < 0 ? at : at + space + 1;
}

/** Moves a cut back to the end of a word, never before `limit`. */
function snapBack(text: string, at: number, limit: number): number {
  if (at >= text.length || /\s/u.test(text[at] ?? '')) return trimEnd(text, at, limit);
  const space = text.slice(limit, at).search(/\s\S*$/u);
  return space < 0 ? at : trimEnd(text, limit + space, limit);
}

function trimEnd(text: string, at: number, limit: number): number {
  let end = at;
  while (end > limit && /[\s,;:]/u.test(text[end - 1] ?? '')) end--;
  return end;
}
