import { fold, foldCode, isLowerChar } from './fold';
import type { CompiledEntity } from './types';

// Which characters can start a name: those that are not lower-case and whose
// folded form begins some alias (names look like names). Working them out takes
// looking at all 65,536 code units, so it is done at build time and shipped in
// the gazetteer, as ranges.
//
// The text is searched for them with one RegExp: the engine runs native code
// between two candidates, where a loop of ours, one character at a time, is a
// large part of find(), the more so before the JIT has optimized it, as on a
// page's first scan. Its class is the ranges with small gaps filled
// (lower-case letters among capitals in Latin Extended): a class of the exact
// ranges, a few hundred, is slower than the loop. So each candidate is also
// looked up in a table of the exact ones.

/** How wide a gap between two ranges of start characters the RegExp's class fills. */
const CLASS_GAP = 16;

/**
 * The characters that can start one of these entities' names: code unit
 * ranges, flat and relative, [skip, run, skip, run, ...], where a range starts
 * `skip` code units after the end of the one before (after 0 for the first)
 * and is `run` code units long. Relative, because most ranges are one capital
 * of Latin Extended every other code unit: "2,1,2,1", which compresses to
 * little in the content script (~140 bytes gzipped, against ~450 absolute).
 * `letters` is firstLetters(entities), when the caller has it already.
 */
export function startRanges(entities: readonly CompiledEntity[], letters: readonly number[][] = firstLetters(entities)): number[] {
  const firsts = new Set(letters.map((row) => row[0]!));
  const isStart = (c: number) => !isLowerChar(c) && firsts.has(foldCode(c));
  const ranges: number[] = [];
  let end = 0;
  for (let c = 0; c <= 0xffff; c++) {
    if (!isStart(c)) continue;
    let last = c;
    while (last < 0xffff && isStart(last + 1)) last++;
    ranges.push(c - end, last - c + 1);
    end = last + 1;
    c = last;
  }
  return ranges;
}

/**
 * Each folded first letter of the entities' aliases (names, demonyms, exact
 * spellings folded), then the indices of the entities with an alias that
 * starts with it, ascending: [[code, i, j, ...], ...], the letters ascending.
 */
export function firstLetters(entities: readonly CompiledEntity[]): number[][] {
  const byCode = new Map<number, number[]>();
  entities.forEach((e, i) => {
    const file = (code: number) => {
      let row = byCode.get(code);
      if (!row) byCode.set(code, (row = [code]));
      if (row.length === 1 || row[row.length - 1] !== i) row.push(i);
    };
    for (const a of e.aliases) file(a.charCodeAt(0));
    for (const a of e.weak ?? []) file(a.charCodeAt(0));
    for (const a of e.exact ?? []) file(fold(a).charCodeAt(0));
  });
  return [...byCode.values()].sort((a, b) => a[0]! - b[0]!);
}

/** startRanges' relative ranges as absolute ones, flat: [first, last, first, last, ...]. */
export function absoluteRanges(relative: readonly number[]): number[] {
  const out: number[] = [];
  let end = 0;
  for (let k = 0; k + 1 < relative.length; k += 2) {
    const first = end + relative[k]!;
    end = first + relative[k + 1]!;
    out.push(first, end - 1);
  }
  return out;
}

/** A global RegExp for the ranges, gaps of up to CLASS_GAP filled: it finds every start character, and some others. */
export function coarseStartRegExp(ranges: readonly number[]): RegExp {
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let source = '';
  for (let k = 0; k < ranges.length; k += 2) {
    const first = ranges[k]!;
    let last = ranges[k + 1]!;
    while (k + 2 < ranges.length && ranges[k + 2]! - last <= CLASS_GAP) {
      k += 2;
      last = ranges[k + 1]!;
    }
    source += first === last ? hex(first) : `${hex(first)}-${hex(last)}`;
  }
  // No ranges: '[]' matches nothing, as no name can start anywhere.
  return new RegExp(`[${source}]`, 'g');
}
