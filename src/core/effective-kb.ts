// The knowledge base as the reader made it: the bundled one with the reader's
// changes applied (names, types, aliases added and taken away) and the
// reader's own entities after it. What the background matches, profiles the
// library with, lights and names. Pure.
//
// The result always compiles: a name of the reader's that another entity has
// (by the matcher's trie path, so inflected Cyrillic forms count) is left out
// and reported, never a reason for createMatcher to throw. The edits
// (entity-edits.ts) refuse such a name before it is stored; this only matters
// when the bundled knowledge base later takes a name the reader had.
import { aliasKey, normalizeName } from './entity-compile';
import type { NamesByLanguage } from './entity-names';
import type { EntityOverride, EntityPrefs, OwnEntity } from './entity-prefs';
import { fold } from './fold';
import { triePath } from './inflection';
import { indexOf, LayeredIndex, type NameIndex } from './name-index';
import { uniqueNames } from './reader-names';
import type { CompiledEntity, CompiledGazetteer } from './types';

/** A name of the reader's that the knowledge base gives to another entity. */
export interface DroppedName {
  entityId: string;
  alias: string;
  ownerId: string;
}

export interface EffectiveKnowledge {
  gazetteer: CompiledGazetteer;
  dropped: DroppedName[];
  /** Who has which spelling in it (name-index.ts). */
  index: NameIndex;
}

/** The trie path of a spelling the reader typed, and how it is kept: as a name, or as written (an acronym). */
export function readerAlias(text: string): { path: string; key: string; exact: boolean; text: string } {
  const { key, kind, text: tidy } = aliasKey({ text });
  const exact = kind === 'exact';
  return { path: triePath(key, exact), key, exact, text: tidy };
}

/** A known entity with the reader's removals applied (added names come after, once every removal is known). */
function withRemovals(e: CompiledEntity, o: EntityOverride | undefined): CompiledEntity {
  if (!o) return e;
  const out: CompiledEntity = { ...e };
  if (o.name !== undefined) out.name = normalizeName(o.name);
  if (o.type !== undefined) out.type = o.type;
  if (o.removed?.length) {
    const gone = new Set(o.removed.map((r) => fold(normalizeName(r))));
    out.aliases = e.aliases.filter((a) => !gone.has(a));
    const weak = e.weak?.filter((a) => !gone.has(a));
    const exact = e.exact?.filter((a) => !gone.has(fold(a)));
    const ambiguous = e.ambiguous?.filter((a) => !gone.has(a));
    if (weak?.length) out.weak = weak;
    else delete out.weak;
    if (exact?.length) out.exact = exact;
    else delete out.exact;
    if (ambiguous?.length) out.ambiguous = ambiguous;
    else delete out.ambiguous;
  }
  return out;
}

/** A reader's entity before its names are added, each checked against the others'. */
function ownEntity(own: OwnEntity): CompiledEntity {
  return { id: own.id, type: own.type, name: normalizeName(own.name), description: own.description?.trim() ?? '', aliases: [] };
}

/**
 * The knowledge base with the reader's preferences applied. Its start
 * characters are left for createMatcher to work out when the reader added
 * names (subsetGazetteer works them out again for the pages anyway).
 */
export function effectiveKnowledge(base: CompiledGazetteer, prefs: EntityPrefs): EffectiveKnowledge {
  const overrides = prefs.overrides;
  const overridden = Object.keys(overrides);
  if (overridden.length === 0 && prefs.own.length === 0) return { gazetteer: base, dropped: [], index: indexOf(base) };

  const changed = new Set([...overridden, ...prefs.own.map((o) => o.id)]);
  const index = new LayeredIndex(indexOf(base), changed);
  const entities = base.entities.map((e) => {
    if (!changed.has(e.id)) return e;
    const out = withRemovals(e, overrides[e.id]);
    index.add(out);
    return out;
  });
  const dropped: DroppedName[] = [];
  const byId = new Map<string, number>();
  entities.forEach((e, i) => changed.has(e.id) && byId.set(e.id, i));
  const add = (at: number, names: readonly string[]) => {
    let e = entities[at]!;
    for (const name of names) {
      const a = readerAlias(name);
      if (a.key === '') continue;
      const owner = index.pathOwner(a.path);
      if (owner !== undefined && owner !== e.id) {
        dropped.push({ entityId: e.id, alias: a.text, ownerId: owner });
        continue;
      }
      if (owner === e.id) continue;
      index.addPath(a.path, e.id);
      if (!a.exact) index.addKey(a.key, e.id);
      e = a.exact ? { ...e, exact: [...(e.exact ?? []), a.text].sort() } : { ...e, aliases: [...e.aliases, a.key].sort() };
    }
    entities[at] = e;
  };
  let adds = false;
  for (const [id, o] of Object.entries(overrides)) {
    const at = byId.get(id);
    if (at === undefined || !o.added?.length) continue;
    adds = true;
    add(at, o.added);
  }
  for (const own of prefs.own) {
    if (byId.has(own.id)) continue;
    adds = true;
    byId.set(own.id, entities.length);
    entities.push(ownEntity(own));
    add(entities.length - 1, [own.name, ...own.aliases]);
  }
  // Names taken away only: the bundled start characters still cover every name (a few more, harmlessly).
  const gazetteer: CompiledGazetteer = { version: base.version, entities, ...(!adds && base.starts ? { starts: base.starts } : {}) };
  return { gazetteer, dropped, index };
}

/**
 * An entity's spellings by language as the reader made them: a reader's
 * entity's name and aliases, or the bundled spellings without those taken
 * away and with those added (under "mul": the reader did not say a language).
 */
export function effectiveNames(prefs: EntityPrefs, id: string, bundled: NamesByLanguage | undefined): NamesByLanguage | undefined {
  const own = prefs.own.find((e) => e.id === id);
  if (own) return { mul: uniqueNames([own.name, ...own.aliases]).map((text) => ({ text })) };
  const o = prefs.overrides[id];
  if (!o?.added?.length && !o?.removed?.length) return bundled;
  const gone = new Set((o.removed ?? []).map((r) => fold(normalizeName(r))));
  const out: NamesByLanguage = {};
  for (const [lang, list] of Object.entries(bundled ?? {})) {
    const kept = list.filter((s) => !gone.has(fold(s.text)));
    if (kept.length) out[lang] = kept;
  }
  const shared = out.mul ?? [];
  const fresh = (o.added ?? []).filter((a) => !shared.some((s) => fold(s.text) === fold(a)));
  if (fresh.length) out.mul = [...shared, ...fresh.map((text) => ({ text }))];
  return out;
}

/** Every spelling of an entity once, names before demonyms: what the entities page lists and filters on. */
export function spellingList(names: NamesByLanguage | undefined): string[] {
  const all = Object.values(names ?? {}).flat();
  return uniqueNames([...all.filter((s) => !s.weak), ...all.filter((s) => s.weak)].map((s) => s.text));
}
