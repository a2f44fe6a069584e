// One entity's source form to the compiled form the matcher reads: aliases
// folded and deduplicated (a name beats a demonym, a free spelling beats an
// exact one), acronyms in capitals matched as written, context phrases
// folded. Pure: the build compiles the knowledge base with it
// (src/build/gazetteer.ts), and the background compiles the reader's own
// entities and added names with it at run time, so that both read a name the
// same way.
import { fold } from './fold';
import { ENTITY_TYPES } from './types';
import type { AliasSpec, CompiledEntity, ContextRule, EntitySpec } from './types';

export const ENTITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;

export function compileFail(message: string): never {
  throw new Error(`Gazetteer: ${message}`);
}

/** A spelling as the matcher keys it: composed (NFC, so that marks fold away), trimmed, one space between words. */
export const normalizeName = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Acronyms in capitals ("AS", "US", "ISIS") are common words in lower case: match them as written. */
export function isAcronym(text: string): boolean {
  return HAS_LETTER.test(text) && !HAS_LOWER.test(text) && text.replace(/[^\p{L}]/gu, '').length >= 2;
}

/** How an alias is matched: as a name, as a demonym (weak), or only as written (exact). */
export type AliasKind = 'strong' | 'weak' | 'exact';

/** How the matcher takes one spelling: its folded key and its kind. */
export function aliasKey(a: Pick<AliasSpec, 'text' | 'weak' | 'caseSensitive'>): { key: string; kind: AliasKind; text: string } {
  const text = normalizeName(a.text);
  const exact = a.caseSensitive ?? isAcronym(text);
  return { key: fold(text), kind: exact ? 'exact' : a.weak ? 'weak' : 'strong', text };
}

/** A word of a rule's phrase: letters, marks and digits, and a final "*" for any ending. */
const PHRASE_WORD = /^[\p{L}\p{M}\p{N}]+\*?$/u;

/**
 * A rule's phrases, folded: each of one or more words, split where the text's
 * words split (spaces, hyphens, apostrophes: "tête de Turc", "l'anglaise");
 * a word may end in "*" to take any ending ("рулетк*").
 */
function compilePhrases(e: EntitySpec, list: unknown, key: string): string[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) compileFail(`"${e.id}": context.${key} must be a list of phrases`);
  const phrases = list.map((phrase: unknown) => {
    const words = typeof phrase === 'string' ? phrase.trim().split(/[\s\-'’]+/u).filter(Boolean) : [];
    if (words.length === 0 || words.some((w) => !PHRASE_WORD.test(w))) {
      compileFail(`"${e.id}": context.${key} has ${JSON.stringify(phrase)}, not a phrase of words (letters, digits, a final "*")`);
    }
    return words.map((w) => fold(w)).join(' ');
  });
  return phrases.length ? [...new Set(phrases)] : undefined;
}

function compileContext(e: EntitySpec): ContextRule | undefined {
  const after = compilePhrases(e, e.context?.notFollowedBy, 'notFollowedBy');
  const before = compilePhrases(e, e.context?.notPrecededBy, 'notPrecededBy');
  if (!after && !before) return undefined;
  const rule: ContextRule = {};
  if (after) rule.notFollowedBy = after;
  if (before) rule.notPrecededBy = before;
  return rule;
}

export interface CompiledSpec {
  entity: CompiledEntity;
  /** The folded key of each alias and its spelling, in source order: for the one-owner-per-alias check. */
  keys: Array<[key: string, text: string]>;
}

export interface CompileOptions {
  /** The reader's own entities may have no description. */
  descriptionOptional?: boolean;
}

/**
 * Validates one entity and compiles it. Throws when its id, type, name or
 * description is wrong, or an alias is malformed; whether another entity
 * claims one of its aliases is the caller's to check (`keys`).
 */
export function compileEntity(e: EntitySpec, options: CompileOptions = {}): CompiledSpec {
  const where = `entity ${JSON.stringify(e?.id)}`;
  if (typeof e?.id !== 'string' || !ENTITY_ID.test(e.id)) compileFail(`${where}: id must be kebab-case`);
  if (!ENTITY_TYPES.includes(e.type)) compileFail(`${where}: type must be one of ${ENTITY_TYPES.join(', ')}`);
  if (typeof e.name !== 'string' || !e.name.trim()) compileFail(`${where}: name is empty`);
  const describedOk = typeof e.description === 'string' && (options.descriptionOptional === true || e.description.trim() !== '');
  if (!describedOk) compileFail(`${where}: description is empty`);
  if (!Array.isArray(e.aliases)) compileFail(`${where}: aliases must be an array`);

  // Folded key → how this entity matches it.
  const mine = new Map<string, { kind: AliasKind; text: string }>();
  const keys: Array<[string, string]> = [];
  const ambiguous = new Set<string>();
  for (const a of e.aliases) {
    if (typeof a?.text !== 'string' || !normalizeName(a.text)) compileFail(`${where}: an alias has no text`);
    if (typeof a.lang !== 'string' || !a.lang) compileFail(`${where}: alias "${a.text}" has no lang`);
    const { key, kind, text } = aliasKey(a);
    if (kind === 'exact' && a.weak) compileFail(`${where}: alias "${text}" cannot be both weak and case-sensitive`);
    keys.push([key, text]);
    if (a.ambiguous === true) ambiguous.add(key);
    const old = mine.get(key);
    // strong > weak > exact: a free name covers the exact spelling, and a
    // country name in one language ("Swiss") outranks a demonym in another.
    const rank = { strong: 3, weak: 2, exact: 1 } as const;
    if (!old || rank[kind] > rank[old.kind]) mine.set(key, { kind, text });
  }
  if (!mine.size) compileFail(`${where}: no aliases`);

  const pick = (kind: AliasKind, exact = false): string[] =>
    [...mine].filter(([, v]) => v.kind === kind).map(([k, v]) => (exact ? v.text : k)).sort();
  const out: CompiledEntity = {
    id: e.id,
    type: e.type,
    name: e.name.trim(),
    description: e.description.trim(),
    aliases: pick('strong'),
  };
  const weak = pick('weak');
  if (weak.length) out.weak = weak;
  const exactList = pick('exact', true);
  if (exactList.length) out.exact = exactList;
  if (ambiguous.size) out.ambiguous = [...ambiguous].sort();
  const context = compileContext(e);
  if (context) out.context = context;
  return { entity: out, keys };
}
