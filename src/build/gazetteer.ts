// Build step: the gazetteer source (src/core/gazetteer/entities.json) to the
// compact, folded form the content script ships. Node only (reads the
// i18n-iso-countries tables, which are too big to ship).

import countries from 'i18n-iso-countries';
import { fold } from '../core/fold';
import { createMatcher, startRanges } from '../core/matcher';
import { ENTITY_TYPES, GAZETTEER_VERSION } from '../core/types';
import type { CompiledEntity, CompiledGazetteer, ContextRule, EntitySpec } from '../core/types';
import entitiesJson from '../core/gazetteer/entities.json';

/** Languages whose country names are taken from i18n-iso-countries (a fixed list, so builds are reproducible). */
export const COUNTRY_LANGS = ['en', 'id', 'ms', 'ru', 'uk', 'tr', 'az', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl'] as const;

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;

function fail(message: string): never {
  throw new Error(`Gazetteer: ${message}`);
}

/** Names of a country in COUNTRY_LANGS, as the package spells them. */
export function countryNames(iso: string): Array<{ text: string; lang: string }> {
  const out: Array<{ text: string; lang: string }> = [];
  for (const lang of COUNTRY_LANGS) {
    for (const text of countries.getName(iso, lang, { select: 'all' }) ?? []) {
      // "Syrien, Arabische Republik" is an index form that no text uses.
      if (!text.includes(',')) out.push({ text, lang });
    }
  }
  return out;
}

/** Acronyms in capitals ("AS", "US", "ISIS") are common words in lower case: match them as written. */
function isAcronym(text: string): boolean {
  return HAS_LETTER.test(text) && !HAS_LOWER.test(text) && text.replace(/[^\p{L}]/gu, '').length >= 2;
}

const normalize = (s: string): string => s.trim().replace(/\s+/g, ' ');

function compileContext(e: EntitySpec): ContextRule | undefined {
  const words = (list: unknown, key: string): string[] | undefined => {
    if (list === undefined) return undefined;
    if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || !/^[\p{L}\p{M}\p{N}]+$/u.test(w))) {
      fail(`"${e.id}": context.${key} must be a list of single words`);
    }
    return list.length ? [...new Set(list.map((w: string) => fold(w)))] : undefined;
  };
  const after = words(e.context?.notFollowedBy, 'notFollowedBy');
  const before = words(e.context?.notPrecededBy, 'notPrecededBy');
  if (!after && !before) return undefined;
  const rule: ContextRule = {};
  if (after) rule.notFollowedBy = after;
  if (before) rule.notPrecededBy = before;
  return rule;
}

/**
 * Validates the source and compiles it: aliases folded and deduplicated (a name
 * beats a demonym, a free spelling beats an exact one), country names added.
 * Throws when an id, type, name or description is wrong, or when two entities
 * claim the same alias (after folding): the message names the alias and both ids.
 */
export function compileGazetteer(specs: EntitySpec[]): CompiledGazetteer {
  if (!Array.isArray(specs)) fail('the source must be an array of entities');
  const ids = new Set<string>();
  // Folded alias → owner, across entities.
  const owners = new Map<string, { id: string; text: string }>();
  const entities: CompiledEntity[] = [];

  for (const e of specs) {
    const where = `entity ${JSON.stringify(e?.id)}`;
    if (typeof e?.id !== 'string' || !ID_RE.test(e.id)) fail(`${where}: id must be kebab-case`);
    if (ids.has(e.id)) fail(`id "${e.id}" is used twice`);
    ids.add(e.id);
    if (!ENTITY_TYPES.includes(e.type)) fail(`${where}: type must be one of ${ENTITY_TYPES.join(', ')}`);
    if (typeof e.name !== 'string' || !e.name.trim()) fail(`${where}: name is empty`);
    if (typeof e.description !== 'string' || !e.description.trim()) fail(`${where}: description is empty`);
    if (!Array.isArray(e.aliases)) fail(`${where}: aliases must be an array`);

    const specAliases = [...e.aliases];
    if (e.iso !== undefined) {
      const names = countryNames(e.iso);
      if (!names.length) fail(`${where}: unknown ISO code "${e.iso}"`);
      specAliases.push(...names);
    }

    // Folded key → how this entity matches it.
    const mine = new Map<string, { kind: 'strong' | 'weak' | 'exact'; text: string }>();
    for (const a of specAliases) {
      if (typeof a?.text !== 'string' || !normalize(a.text)) fail(`${where}: an alias has no text`);
      if (typeof a.lang !== 'string' || !a.lang) fail(`${where}: alias "${a.text}" has no lang`);
      const text = normalize(a.text);
      const exact = a.caseSensitive ?? isAcronym(text);
      if (exact && a.weak) fail(`${where}: alias "${text}" cannot be both weak and case-sensitive`);
      const key = fold(text);
      const owner = owners.get(key);
      if (owner && owner.id !== e.id) {
        fail(`alias "${text}" is claimed by both "${owner.id}" ("${owner.text}") and "${e.id}"`);
      }
      owners.set(key, { id: e.id, text });
      const kind = exact ? 'exact' : a.weak ? 'weak' : 'strong';
      const old = mine.get(key);
      // strong > weak > exact: a free name covers the exact spelling, and a
      // country name in one language ("Swiss") outranks a demonym in another.
      const rank = { strong: 3, weak: 2, exact: 1 } as const;
      if (!old || rank[kind] > rank[old.kind]) mine.set(key, { kind, text });
    }
    if (!mine.size) fail(`${where}: no aliases`);

    const pick = (kind: string, exact = false): string[] =>
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
    const context = compileContext(e);
    if (context) out.context = context;
    entities.push(out);
  }

  const g: CompiledGazetteer = { version: GAZETTEER_VERSION, entities, starts: startRanges(entities) };
  // Inflected Cyrillic stems can collide even when the spellings differ: the
  // matcher's own compile step throws on that, naming both entities.
  createMatcher(g);
  return g;
}

/** The bundled gazetteer's source, as written: spellings with their languages. */
export function gazetteerSource(): EntitySpec[] {
  return entitiesJson as unknown as EntitySpec[];
}

/** The bundled gazetteer, compiled. */
export function loadGazetteer(): CompiledGazetteer {
  return compileGazetteer(gazetteerSource());
}

/** Ids of the entities that no text mentions: the build prints them as a warning. */
export function unusedEntities(g: CompiledGazetteer, texts: readonly string[]): string[] {
  const m = createMatcher(g);
  const seen = new Set<string>();
  for (const t of texts) for (const mention of m.find(t)) seen.add(mention.entityId);
  return g.entities.filter((e) => !seen.has(e.id)).map((e) => e.id);
}
