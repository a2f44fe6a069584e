// The one matcher: finds gazetteer entities in a string in a single pass.
//
// How: a trie of folded aliases, compiled once. One RegExp finds, in native
// code, the characters that can start a name (upper-case or caseless letters
// whose folded form begins some alias: names look like names); from each one
// that starts a word, we walk the trie over the ORIGINAL
// text, folding one code unit at a time (fold keeps lengths), so offsets need
// no mapping and find() allocates only its results. The longest candidate that
// passes the checks (word boundary at the end, exact spelling, context rules)
// wins, and scanning resumes after it. No per-alias loop, no per-call setup.

import { fold, foldCode, foldedWordRest, isLowerChar, isSpaceCode, isWordChar } from './fold';
import { compileRules, hasRules, ruledOut, type EntityRules } from './context-rules';
import { ENDINGS, inflection, MAX_ENDING } from './inflection';
import { absoluteRanges, coarseStartRegExp, firstLetters, startRanges } from './start-ranges';
import { turkicSuffixEnd } from './turkic-suffix';
import { GAZETTEER_VERSION, type CompiledEntity, type CompiledGazetteer, type Mention } from './types';

export interface MatcherOptions {
  /**
   * The text is Azerbaijani, which writes case endings onto names without an
   * apostrophe ("Əliyevin", "Bakıda"): a name followed by one is a mention of
   * the whole word (turkic-suffix.ts).
   */
  endingsOnNames?: boolean;
  /**
   * Builds the trie under each first letter only when a text first reaches it
   * (the content script: a frame's matcher is ready at once, and a page pays
   * only for the letters its names start with). Finds exactly what the eager
   * trie finds; a collision between two entities' aliases, which the build
   * refuses, keeps the first instead of throwing.
   */
  lazy?: boolean;
}

export interface Matcher {
  /** Mentions in text order, non-overlapping, with offsets into `text`. */
  find(text: string): Mention[];
  entity(id: string): CompiledEntity | undefined;
  readonly entities: readonly CompiledEntity[];
}

interface Term {
  entity: number;
  weak: boolean;
  /** Original spelling the text must have exactly ("AS", "US", "Bakı"). */
  exact: string | undefined;
  /** A person's surname met alone: someone else's when another given name stands before it (context-rules.ts). */
  surname: boolean;
}

/** Node.only when a node has no child, or more than one. */
const NO_CHILD = -1;
const SEVERAL = -2;

class Node {
  next: Map<number, Node> | undefined = undefined;
  /**
   * The code of the node's only child, and that child: past its first letters
   * an alias is a chain of single children, where a comparison does the work
   * of a Map lookup, for less, most of all before the JIT has optimized find()
   * (a page's first scan).
   */
  only = NO_CHILD;
  onlyNode: Node | undefined = undefined;
  term: Term | undefined = undefined;
  /** Where the walk goes after a Russian/Ukrainian case ending, possibly empty ("Путин", "Путина"). */
  slotAny: Node | undefined = undefined;
  /** Same, but the ending must be there: the stem lost a letter ("Москв" + а/ы/е). */
  slotReq: Node | undefined = undefined;
  /** A first letter's node in a lazy trie, before a text reaches it: the aliases to insert under it then. */
  lazy: Pending | undefined = undefined;
}

/**
 * The entities with an alias that starts with one letter (`code`, folded),
 * whose aliases of that letter wait to be inserted into a lazy trie: the
 * trie is made at once, with nothing allocated per alias until a text needs it.
 */
interface Pending {
  root: Node;
  entities: readonly CompiledEntity[];
  code: number;
  /** Entity indices, ascending: each entity's aliases are inserted in the eager trie's order. */
  ids: number[];
  /** Whether an entity's name alias is a surname met alone (its rules are compiled on first need). */
  isSurname(entity: number, alias: string): boolean;
}

// --- compiling ---------------------------------------------------------------

function child(node: Node, code: number): Node {
  node.next ??= new Map();
  let c = node.next.get(code);
  if (c === undefined) {
    node.next.set(code, (c = new Node()));
    const first = node.next.size === 1;
    node.only = first ? code : SEVERAL;
    node.onlyNode = first ? c : undefined;
  }
  return c;
}

function insert(root: Node, alias: string, term: Term, entities: readonly CompiledEntity[]): void {
  let node = root;
  const words = alias.split(' ');
  for (let w = 0; w < words.length; w++) {
    if (w > 0) node = child(node, 0x20);
    const word = words[w]!;
    const inf = term.exact === undefined ? inflection(word) : undefined;
    const stem = inf ? inf.stem : word;
    for (let i = 0; i < stem.length; i++) node = child(node, stem.charCodeAt(i));
    if (inf) node = inf.required ? (node.slotReq ??= new Node()) : (node.slotAny ??= new Node());
  }
  const old = node.term;
  if (old !== undefined && old.entity !== term.entity) {
    throw new Error(
      `Matcher: alias "${alias}" of "${entities[term.entity]!.id}" reads the same as an alias of ` +
        `"${entities[old.entity]!.id}" (after folding and inflection): remove it from one of them.`,
    );
  }
  // Within one entity a name beats a demonym, and a free spelling beats an exact one.
  if (old === undefined || (old.weak && !term.weak) || (old.exact !== undefined && term.exact === undefined)) {
    node.term = term;
  }
}

// --- matching ----------------------------------------------------------------

// Candidates of the current walk, reused across calls: find() is called on
// thousands of small text nodes and should allocate nothing but its results.
const candEnd: number[] = [];
const candTerm: Term[] = [];
let candCount = 0;
/** find()'s mentions, before they are copied out. */
const found: Mention[] = [];

/**
 * Inserts a lazy trie's waiting aliases under their first letter's node. A
 * collision (refused by the build's eager check) keeps the alias inserted first.
 */
function expand(node: Node): void {
  const pending = node.lazy!;
  node.lazy = undefined;
  const { root, entities, code } = pending;
  const put = (alias: string, term: Term) => {
    try {
      insert(root, alias, term, entities);
    } catch {
      // Two entities reading the same: the first keeps it.
    }
  };
  for (const i of pending.ids) forEachTerm(entities[i]!, i, pending.isSurname, put, code);
}

/**
 * Each alias of entity `i` as the trie holds it (names, demonyms, exact
 * spellings folded), with its term; with `first`, only those that start with
 * that letter (folded), the others' terms not made at all (a surname's term
 * compiles the entity's rules).
 */
function forEachTerm(e: CompiledEntity, i: number, isSurname: (entity: number, alias: string) => boolean, visit: (alias: string, term: Term) => void, first?: number): void {
  const wanted = (alias: string) => first === undefined || alias.charCodeAt(0) === first;
  for (const a of e.aliases) if (wanted(a)) visit(a, { entity: i, weak: false, exact: undefined, surname: isSurname(i, a) });
  for (const a of e.weak ?? []) if (wanted(a)) visit(a, { entity: i, weak: true, exact: undefined, surname: false });
  for (const a of e.exact ?? []) {
    const folded = fold(a);
    if (wanted(folded)) visit(folded, { entity: i, weak: false, exact: a, surname: false });
  }
}

function walk(text: string, n: number, node: Node, p: number): void {
  for (;;) {
    // Combining marks (text in NFD) belong to the letter before them. (-1: the end.)
    let c = p < n ? text.charCodeAt(p) : -1;
    while (c >= 0x300 && c <= 0x36f) c = ++p < n ? text.charCodeAt(p) : -1;
    if (node.term !== undefined) {
      candEnd[candCount] = p;
      candTerm[candCount++] = node.term;
    }
    if (node.slotAny !== undefined || node.slotReq !== undefined) slot(text, n, node, p);
    const next = node.next;
    if (next === undefined || c < 0) return;
    if (isSpaceCode(c)) {
      // One space in an alias stands for any run of whitespace in the text.
      const sp = next.get(0x20);
      if (sp === undefined) return;
      do p++; while (p < n && isSpaceCode(text.charCodeAt(p)));
      node = sp;
      continue;
    }
    const f = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 32 : c) : foldCode(c);
    const to = node.only === f ? node.onlyNode : node.only === SEVERAL ? next.get(f) : undefined;
    if (to !== undefined) {
      if (to.lazy !== undefined) expand(to);
      node = to;
      p++;
      continue;
    }
    // "VladimirPutin" (seed 000): a lower-to-upper step inside a word stands
    // for a lost space, for every multi-word alias, without listing variants.
    const sp = f !== c && !isLowerChar(c) ? next.get(0x20) : undefined;
    if (sp === undefined || p === 0 || !isLowerChar(text.charCodeAt(p - 1))) return;
    node = sp;
  }
}

function slot(text: string, n: number, node: Node, p: number): void {
  const ending = foldedWordRest(text, p, MAX_ENDING);
  if (ending === undefined) return;
  if (ending === '') {
    if (node.slotAny !== undefined) walk(text, n, node.slotAny, p);
    return;
  }
  if (!ENDINGS.has(ending)) return;
  const q = p + ending.length;
  if (node.slotAny !== undefined) walk(text, n, node.slotAny, q);
  if (node.slotReq !== undefined) walk(text, n, node.slotReq, q);
}

export function createMatcher(g: CompiledGazetteer, options: MatcherOptions = {}): Matcher {
  if (g.version !== GAZETTEER_VERSION) {
    throw new Error(`Matcher: compiled gazetteer version ${JSON.stringify(g.version)}, expected ${GAZETTEER_VERSION}: rebuild the extension (npm run build)`);
  }
  const endings = options.endingsOnNames === true;
  const entities = g.entities;
  /** Made on the first lookup: a content script's matcher is ready before it. */
  let byId: Map<string, CompiledEntity> | undefined;
  const root = new Node();
  /** Each entity's rules, compiled on first need (null: not yet; undefined: it has none). */
  const rules: Array<EntityRules | null | undefined> = new Array<null>(entities.length).fill(null);
  const rulesOf = (i: number): EntityRules | undefined => {
    let r = rules[i];
    if (r === null) {
      const compiled = compileRules(entities[i]!);
      r = rules[i] = hasRules(compiled) ? compiled : undefined;
    }
    return r;
  };
  const isSurname = (i: number, alias: string): boolean => rulesOf(i)?.surnames.has(alias) ?? false;
  const letters = options.lazy ? (g.firsts ?? firstLetters(entities)) : undefined;
  if (letters) {
    // Each first letter's node, with the entities whose aliases wait under it.
    for (const row of letters) {
      child(root, row[0]!).lazy = { root, entities, code: row[0]!, ids: row.slice(1), isSurname };
    }
  } else {
    entities.forEach((e, i) => forEachTerm(e, i, isSurname, (alias, term) => insert(root, alias, term, entities)));
  }
  const ranges = absoluteRanges(g.starts ?? startRanges(entities, letters));
  const startRe = coarseStartRegExp(ranges);
  const isStart = new Uint8Array(0x10000);
  for (let k = 0; k < ranges.length; k += 2) isStart.fill(1, ranges[k]!, ranges[k + 1]! + 1);

  /** Where the mention of a name ending at `end` ends: at `end`, or after an Azerbaijani ending. */
  function mentionEnd(text: string, n: number, start: number, end: number): number {
    if (!endings || end >= n || !isWordChar(text.charCodeAt(end))) return end;
    // Latin script only: Cyrillic names have their own endings (inflection()).
    const last = text.charCodeAt(end - 1);
    return last < 0x370 && isWordChar(last) ? turkicSuffixEnd(text, start, end) : end;
  }

  /** The name is text[start, end); its mention, text[start, stop); the mention before it ends at `lastEnd`. */
  function accepts(text: string, n: number, start: number, end: number, stop: number, t: Term, lastEnd: number): boolean {
    // No mention ends inside a word ("Putinism"); "Erdoğan'ın" and "Putin's" end at the apostrophe.
    if (stop < n && isWordChar(text.charCodeAt(stop)) && isWordChar(text.charCodeAt(stop - 1))) return false;
    if (t.exact !== undefined) {
      if (end - start !== t.exact.length) return false;
      for (let k = 0; k < t.exact.length; k++) if (text.charCodeAt(start + k) !== t.exact.charCodeAt(k)) return false;
    }
    const r = rulesOf(t.entity);
    return r === undefined || !ruledOut(text, start, stop, r, t.surname, lastEnd);
  }

  function find(text: string): Mention[] {
    found.length = 0;
    const n = text.length;
    // test(), not exec(): no match array per candidate; where it stopped is lastIndex.
    startRe.lastIndex = 0;
    while (startRe.test(text)) {
      const i = startRe.lastIndex - 1;
      if (isStart[text.charCodeAt(i)] === 0) continue;
      // A name starts a word: "Rasputin" holds no Putin.
      if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
      candCount = 0;
      walk(text, n, root, i);
      // Longest first; a rejected candidate gives way to the next longest.
      while (candCount > 0) {
        let best = 0;
        for (let k = 1; k < candCount; k++) if (candEnd[k]! > candEnd[best]!) best = k;
        const t = candTerm[best]!;
        const nameEnd = candEnd[best]!;
        const end = mentionEnd(text, n, i, nameEnd);
        if (accepts(text, n, i, nameEnd, end, t, found.length > 0 ? found[found.length - 1]!.end : -1)) {
          const m: Mention = { entityId: entities[t.entity]!.id, start: i, end };
          if (t.weak) m.weak = true;
          found.push(m);
          startRe.lastIndex = end;
          break;
        }
        candEnd[best] = candEnd[--candCount]!;
        candTerm[best] = candTerm[candCount]!;
      }
    }
    candCount = 0;
    // A copy of the right size: an array grown by push() from empty reserves
    // room for many, most texts have one or two mentions, and the page index
    // keeps every text node's array.
    return found.slice();
  }

  return { find, entity: (id) => (byId ??= new Map(entities.map((e) => [e.id, e]))).get(id), entities };
}
