// Case and diacritic folding that keeps offsets: fold(s)[i] is the folded
// form of s[i], so a match found in the folded string (or one character at a
// time with foldCode) is a match at the same offsets in the original.
// Pure, no DOM: shared by the build (gazetteer compiling) and the matcher.

// Per-code tables filled lazily, because computing all 65,536 entries up front
// would cost milliseconds on every page the content script runs in.
// CLASS[c]: bit 1 class computed, bit 2 word character, bit 4 lower-case
// letter, bit 8 FOLD[c] computed.
const FOLD = new Uint16Array(0x10000);
const CLASS = new Uint8Array(0x10000);
const COMPUTED = 1;
const WORD = 2;
const LOWER = 4;
const FOLDED = 8;

// Compiling a Unicode-property regex costs about a millisecond on a cold
// page, so the scripts of our corpus are classified by range first (below).
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

// Letters without a canonical decomposition that readers still treat as a
// plain letter with a mark: dotless ı (Turkish), schwa ə (Azerbaijani), and so on.
const SPECIAL = new Map<number, number>([
  [0x0131, 0x69], // ı → i
  [0x0259, 0x65], // ə → e (Ə lower-cases to ə first)
  [0x00f8, 0x6f], // ø → o
  [0x0142, 0x6c], // ł → l
  [0x0111, 0x64], // đ → d
  [0x0127, 0x68], // ħ → h
  // Typographic apostrophes and hyphens: "Erdoğan’ın", "Nagorno‑Karabakh".
  [0x2018, 0x27], [0x2019, 0x27], [0x02bc, 0x27], [0x02bb, 0x27],
  [0x2010, 0x2d], [0x2011, 0x2d],
  // Spaces that only differ in width or breaking.
  [0x00a0, 0x20], [0x2007, 0x20], [0x2009, 0x20], [0x200a, 0x20], [0x202f, 0x20], [0x3000, 0x20],
]);
// й is a letter of its own in Russian: folding it to и would merge distinct words.
const KEEP = new Set([0x0439]);

function computeFold(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c; // half of a surrogate pair: leave alone
  const lower = String.fromCharCode(c).toLowerCase();
  const l = lower.charCodeAt(0); // "İ".toLowerCase() is "i̇": its first unit is "i"
  const special = SPECIAL.get(l);
  if (special !== undefined) return special;
  // Beyond U+2000 fold() leaves characters to toLowerCase alone (kana with
  // voicing marks would otherwise decompose): stay consistent with it.
  if (KEEP.has(l) || l >= 0x2000) return l;
  // Below U+2000, a canonical decomposition longer than one unit is a base
  // letter and its combining marks (one-unit ones are singletons: keep those).
  const nfd = lower.normalize('NFD');
  return nfd.length > 1 ? nfd.charCodeAt(0) : l;
}

/** The folded form of one UTF-16 code unit: lower case, without diacritics. */
export function foldCode(c: number): number {
  if ((CLASS[c]! & FOLDED) !== 0) return FOLD[c]!;
  const r = computeFold(c);
  FOLD[c] = r;
  CLASS[c] = CLASS[c]! | FOLDED;
  return r;
}

// Word characters by range, for the scripts news in our languages use.
function wordByRange(c: number): boolean | undefined {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7; // Latin-1 letters, Latin Extended-A and -B
  if (c >= 0x300 && c <= 0x36f) return true; // combining marks
  if (c >= 0x400 && c <= 0x52f) return c !== 0x482; // Cyrillic (҂ is a sign)
  if (c >= 0x2000 && c <= 0x206f) return false; // punctuation, spaces, quotes, dashes
  return undefined;
}

function classify(c: number): number {
  let k = COMPUTED | (CLASS[c]! & FOLDED);
  // Surrogate halves count as non-word: astral characters are mostly emoji.
  if (c < 0xd800 || c > 0xdfff) {
    const s = String.fromCharCode(c);
    if (wordByRange(c) ?? WORD_RE.test(s)) k |= WORD;
    if (s.toUpperCase() !== s) k |= LOWER;
  }
  CLASS[c] = k;
  return k;
}

/** Unicode letter, combining mark or digit (JS `\b` only knows ASCII). */
export function isWordChar(code: number): boolean {
  const k = CLASS[code]!;
  return (((k & COMPUTED) !== 0 ? k : classify(code)) & WORD) !== 0;
}

/** A lower-case letter: a name cannot start with one. */
export function isLowerChar(code: number): boolean {
  const k = CLASS[code]!;
  return (((k & COMPUTED) !== 0 ? k : classify(code)) & LOWER) !== 0;
}

/**
 * The rest of the word from `from`, folded: an ending to look up ("Путин|ым",
 * "Bakı|da"). Empty at the word's end; undefined when longer than `max`
 * units. Its length is the ending's in `text` (fold keeps lengths).
 */
export function foldedWordRest(text: string, from: number, max: number): string | undefined {
  let q = from;
  while (q < text.length && isWordChar(text.charCodeAt(q))) q++;
  if (q - from > max) return undefined;
  let rest = '';
  for (let k = from; k < q; k++) rest += String.fromCharCode(foldCode(text.charCodeAt(k)));
  return rest;
}

/** Whitespace between words, as the matcher sees it ("Vladimir  Putin", a line break). */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && foldCode(c) === 0x20) ||
    c === 0x2028 || c === 0x2029;
}

// After toLowerCase, only these ranges can still need folding; plain ASCII and
// basic Cyrillic (а–я) are left to the native call, which is the fast path.
const NEEDS_TEST = /[\u00a0-\u042f\u0450-\u1fff\u2000-\u206f\u3000]/;
const NEEDS = /[\u00a0-\u042f\u0450-\u1fff\u2000-\u206f\u3000]/g;
const SURROGATE = /[\ud800-\udfff]/;
const foldChar = (ch: string): string => String.fromCharCode(foldCode(ch.charCodeAt(0)));

/**
 * A folded copy of `text` of the SAME length in UTF-16 units: lower case,
 * diacritics removed (é→e, ğ→g, ş→s, ı→i, İ→i, ə→e, ё→е), typographic
 * apostrophes and hyphens made plain. Offsets in the result are offsets in `text`.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !SURROGATE.test(text)) {
    return NEEDS_TEST.test(lower) ? lower.replace(NEEDS, foldChar) : lower;
  }
  // toLowerCase changed the length ("İ" → "i̇"), or may have lower-cased an
  // astral letter that foldCode, one unit at a time, cannot see: go unit by unit.
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = foldCode(text.charCodeAt(i));
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) {
    out += String.fromCharCode(...codes.slice(i, i + 8192));
  }
  return out;
}
