// The reader's changes to the entity preferences, one edit at a time: pure
// functions from the preferences and the effective knowledge base to new
// preferences and what happened, or to the reason the edit is refused (a name
// that is no name, an alias another entity has, an entity that is not there).
// The background applies them one after another and stores the result.
import { normalizeName } from './entity-compile';
import type { EntityLookup } from './entity-lookup';
import { EMPTY_PREFS, PREFS_LIMITS, type EntityOverride, type EntityPrefs, type OwnEntity } from './entity-prefs';
import { fold } from './fold';
import { defaultType, nameProblem, normalizeSite, ownEntityId, uniqueNames, type NameProblem } from './reader-names';
import { ENTITY_TYPES, type CompiledEntity, type CompiledGazetteer, type EntityType } from './types';

export type EntityEdit =
  /** Follow a name: the entity that has it, or a new entity of the reader's. */
  | { kind: 'follow-name'; name: string; aliases?: string[]; type?: EntityType }
  | { kind: 'follow' | 'unfollow' | 'mute' | 'unmute' | 'delete'; id: string }
  | { kind: 'rename'; id: string; name: string }
  | { kind: 'describe'; id: string; description: string }
  | { kind: 'type'; id: string; type: EntityType }
  | { kind: 'add-alias' | 'remove-alias'; id: string; alias: string }
  | { kind: 'mute-site' | 'unmute-site'; id: string; site: string };

export type EditProblem =
  | { kind: 'name'; text: string; problem: NameProblem }
  /** Another entity has this spelling. */
  | { kind: 'taken'; alias: string; ownerId: string; ownerName: string }
  | { kind: 'unknown-entity'; id: string }
  /** Only the reader's own entities can be deleted or described. */
  | { kind: 'not-own'; id: string }
  /** Taking away the entity's last name (or an own entity's name: rename it instead). */
  | { kind: 'last-name'; alias: string }
  | { kind: 'not-an-alias'; alias: string }
  | { kind: 'site'; text: string }
  | { kind: 'description' }
  | { kind: 'too-many'; limit: number };

export interface EditOutcome {
  /** followed: an entity the knowledge base knew; created: a new one of the reader's; unchanged: nothing to do. */
  status: 'followed' | 'created' | 'changed' | 'unchanged';
  id: string;
  name: string;
  type: EntityType;
}

export type EditResult = { ok: true; prefs: EntityPrefs; outcome: EditOutcome } | { ok: false; problem: EditProblem };

export interface EditContext {
  /** The bundled knowledge base: what an override is relative to. */
  base: CompiledGazetteer;
  /** The effective knowledge base (effective-kb.ts) of the current preferences, and its lookup. */
  lookup: EntityLookup;
}

const refuse = (problem: EditProblem): EditResult => ({ ok: false, problem });
const without = (list: readonly string[], item: string) => list.filter((x) => x !== item);
const withItem = (list: readonly string[], item: string) => (list.includes(item) ? [...list] : [...list, item]);
const hasFolded = (list: readonly string[] | undefined, name: string) => list?.some((x) => fold(x) === fold(name)) ?? false;

function namesProblem(names: readonly string[]): EditProblem | null {
  for (const text of names) {
    const problem = nameProblem(text);
    if (problem) return { kind: 'name', text, problem };
  }
  return null;
}

/** The first of these names that an entity other than `selfId` has. */
function takenProblem(lookup: EntityLookup, names: readonly string[], selfId?: string): EditProblem | null {
  for (const alias of names) {
    const owner = lookup.claim(alias, selfId);
    if (owner) return { kind: 'taken', alias: normalizeName(alias), ownerId: owner.id, ownerName: owner.name };
  }
  return null;
}

/** Puts an override back, or drops it when it changes nothing. */
function setOverride(prefs: EntityPrefs, id: string, o: EntityOverride): EntityPrefs {
  const clean: EntityOverride = {};
  if (o.name !== undefined) clean.name = o.name;
  if (o.type !== undefined) clean.type = o.type;
  if (o.added?.length) clean.added = o.added;
  if (o.removed?.length) clean.removed = o.removed;
  const overrides = { ...prefs.overrides };
  if (Object.keys(clean).length) overrides[id] = clean;
  else delete overrides[id];
  return { ...prefs, overrides };
}

function setOwn(prefs: EntityPrefs, own: OwnEntity): EntityPrefs {
  return { ...prefs, own: prefs.own.map((e) => (e.id === own.id ? own : e)) };
}

/** Names the entity already answers to (so adding them again changes nothing). */
function newNames(lookup: EntityLookup, id: string, names: readonly string[]): string[] {
  return uniqueNames(names).filter((n) => lookup.named(n)?.id !== id);
}

function followName(ctx: EditContext, prefs: EntityPrefs, edit: Extract<EntityEdit, { kind: 'follow-name' }>): EditResult {
  const aliases = uniqueNames(edit.aliases ?? []);
  const bad = namesProblem([edit.name, ...aliases]);
  if (bad) return refuse(bad);
  const name = normalizeName(edit.name);
  const known = ctx.lookup.named(name);
  if (known) {
    const taken = takenProblem(ctx.lookup, aliases, known.id);
    if (taken) return refuse(taken);
    const next = addNames(ctx, prefs, known, newNames(ctx.lookup, known.id, aliases));
    if (!next.ok) return next;
    const already = prefs.followed.includes(known.id) && next.prefs === prefs;
    if (!prefs.followed.includes(known.id) && prefs.followed.length >= PREFS_LIMITS.followed) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.followed });
    const prefsAfter = { ...next.prefs, followed: withItem(next.prefs.followed, known.id) };
    return { ok: true, prefs: already ? prefs : prefsAfter, outcome: { status: already ? 'unchanged' : 'followed', id: known.id, name: known.name, type: known.type } };
  }
  const taken = takenProblem(ctx.lookup, [name, ...aliases]);
  if (taken) return refuse(taken);
  if (prefs.own.length >= PREFS_LIMITS.own) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.own });
  if (prefs.followed.length >= PREFS_LIMITS.followed) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.followed });
  const id = ownEntityId(name, (x) => ctx.lookup.entity(x) !== undefined || prefs.own.some((e) => e.id === x));
  const type = edit.type ?? defaultType(name);
  const own: OwnEntity = { id, name, type, aliases: aliases.filter((a) => fold(a) !== fold(name)) };
  return { ok: true, prefs: { ...prefs, own: [...prefs.own, own], followed: [...prefs.followed, id] }, outcome: { status: 'created', id, name, type } };
}

/** Adds names to an entity: to an own entity's aliases, or to a known one's override (a removed one comes back). */
function addNames(ctx: EditContext, prefs: EntityPrefs, e: CompiledEntity, names: readonly string[]): EditResult {
  const outcome: EditOutcome = { status: names.length ? 'changed' : 'unchanged', id: e.id, name: e.name, type: e.type };
  if (!names.length) return { ok: true, prefs, outcome };
  const own = prefs.own.find((o) => o.id === e.id);
  if (own) {
    const aliases = uniqueNames([...own.aliases, ...names]);
    if (aliases.length > PREFS_LIMITS.aliases) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.aliases });
    return { ok: true, prefs: setOwn(prefs, { ...own, aliases }), outcome };
  }
  const o = prefs.overrides[e.id] ?? {};
  // A spelling the reader took away comes back; any other is added.
  const restored = names.filter((n) => hasFolded(o.removed, n));
  const removed = (o.removed ?? []).filter((r) => !hasFolded(restored, r));
  const added = uniqueNames([...(o.added ?? []), ...names.filter((n) => !hasFolded(o.removed, n))]);
  if (added.length > PREFS_LIMITS.aliases) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.aliases });
  return { ok: true, prefs: setOverride(prefs, e.id, { ...o, added, removed }), outcome };
}

function removeName(ctx: EditContext, prefs: EntityPrefs, e: CompiledEntity, alias: string): EditResult {
  const outcome: EditOutcome = { status: 'changed', id: e.id, name: e.name, type: e.type };
  const key = fold(normalizeName(alias));
  const own = prefs.own.find((o) => o.id === e.id);
  if (own) {
    if (fold(normalizeName(own.name)) === key) return refuse({ kind: 'last-name', alias });
    if (!hasFolded(own.aliases, alias)) return refuse({ kind: 'not-an-alias', alias });
    return { ok: true, prefs: setOwn(prefs, { ...own, aliases: own.aliases.filter((a) => fold(a) !== key) }), outcome };
  }
  const o = prefs.overrides[e.id] ?? {};
  if (hasFolded(o.added, alias)) return { ok: true, prefs: setOverride(prefs, e.id, { ...o, added: o.added!.filter((a) => fold(a) !== key) }), outcome };
  const names = [...e.aliases, ...(e.weak ?? []), ...(e.exact ?? []).map(fold)];
  if (!names.includes(key)) return refuse({ kind: 'not-an-alias', alias });
  if (names.filter((n) => n !== key).length === 0) return refuse({ kind: 'last-name', alias });
  return { ok: true, prefs: setOverride(prefs, e.id, { ...o, removed: uniqueNames([...(o.removed ?? []), normalizeName(alias)]) }), outcome };
}

function mutedOn(prefs: EntityPrefs, site: string, id: string, on: boolean): EntityPrefs {
  const ids = prefs.mutedOn[site] ?? [];
  const next = on ? withItem(ids, id) : without(ids, id);
  const all = { ...prefs.mutedOn };
  if (next.length) all[site] = next;
  else delete all[site];
  return { ...prefs, mutedOn: all };
}

/** Every trace of an entity the reader deletes. */
function forget(prefs: EntityPrefs, id: string): EntityPrefs {
  let next: EntityPrefs = { ...prefs, own: prefs.own.filter((e) => e.id !== id), followed: without(prefs.followed, id), muted: without(prefs.muted, id) };
  for (const site of Object.keys(prefs.mutedOn)) next = mutedOn(next, site, id, false);
  return next;
}

/** Applies one edit; the preferences are never changed in place. */
export function applyEdit(ctx: EditContext, prefs: EntityPrefs = EMPTY_PREFS, edit: EntityEdit): EditResult {
  if (edit.kind === 'follow-name') return followName(ctx, prefs, edit);
  const e = ctx.lookup.entity(edit.id);
  if (!e) return refuse({ kind: 'unknown-entity', id: edit.id });
  const done = (next: EntityPrefs): EditResult => ({ ok: true, prefs: next, outcome: { status: 'changed', id: e.id, name: e.name, type: e.type } });
  const own = prefs.own.find((o) => o.id === e.id);
  const base = ctx.base.entities.find((b) => b.id === e.id);
  switch (edit.kind) {
    case 'follow':
      if (!prefs.followed.includes(e.id) && prefs.followed.length >= PREFS_LIMITS.followed) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.followed });
      return done({ ...prefs, followed: withItem(prefs.followed, e.id) });
    case 'unfollow':
      return done({ ...prefs, followed: without(prefs.followed, e.id) });
    case 'mute':
      if (!prefs.muted.includes(e.id) && prefs.muted.length >= PREFS_LIMITS.muted) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.muted });
      return done({ ...prefs, muted: withItem(prefs.muted, e.id) });
    case 'unmute':
      return done({ ...prefs, muted: without(prefs.muted, e.id) });
    case 'mute-site':
    case 'unmute-site': {
      const site = normalizeSite(edit.site);
      if (site === null) return refuse({ kind: 'site', text: edit.site });
      const on = edit.kind === 'mute-site';
      if (on && !(site in prefs.mutedOn) && Object.keys(prefs.mutedOn).length >= PREFS_LIMITS.sites) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.sites });
      return done(mutedOn(prefs, site, e.id, on));
    }
    case 'delete':
      return own ? done(forget(prefs, e.id)) : refuse({ kind: 'not-own', id: e.id });
    case 'describe': {
      if (!own) return refuse({ kind: 'not-own', id: e.id });
      const description = edit.description.trim();
      if (description.length > PREFS_LIMITS.description || /[\r\n]/.test(description)) return refuse({ kind: 'description' });
      const { description: _old, ...rest } = own;
      return done(setOwn(prefs, description ? { ...rest, description } : rest));
    }
    case 'type':
      if (own) return done(setOwn(prefs, { ...own, type: edit.type }));
      return done(setOverride(prefs, e.id, { ...prefs.overrides[e.id], type: edit.type === base?.type ? undefined : edit.type }));
    case 'rename': {
      const bad = namesProblem([edit.name]);
      if (bad) return refuse(bad);
      const name = normalizeName(edit.name);
      if (own) {
        // An own entity's name is one of its spellings: it must be free. The
        // old name stays a spelling, so a rename unlights nothing.
        const taken = takenProblem(ctx.lookup, [name], e.id);
        if (taken) return refuse(taken);
        const aliases = uniqueNames([own.name, ...own.aliases]).filter((a) => fold(a) !== fold(name));
        if (aliases.length > PREFS_LIMITS.aliases) return refuse({ kind: 'too-many', limit: PREFS_LIMITS.aliases });
        return done(setOwn(prefs, { ...own, name, aliases }));
      }
      return done(setOverride(prefs, e.id, { ...prefs.overrides[e.id], name: name === base?.name ? undefined : name }));
    }
    case 'add-alias': {
      const bad = namesProblem([edit.alias]);
      if (bad) return refuse(bad);
      const taken = takenProblem(ctx.lookup, [edit.alias], e.id);
      if (taken) return refuse(taken);
      return addNames(ctx, prefs, e, newNames(ctx.lookup, e.id, [edit.alias]));
    }
    case 'remove-alias':
      return removeName(ctx, prefs, e, edit.alias);
  }
}

/** A string a reader could have typed: bounded, so that a message stays small (its length as a name is checked by the edit). */
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 2000;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const ID_KINDS: ReadonlySet<string> = new Set(['follow', 'unfollow', 'mute', 'unmute', 'delete']);

/** Checks an edit that arrives in a message (shared/messages.ts). */
export function isEntityEdit(v: unknown): v is EntityEdit {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const e = v as Record<string, unknown>;
  const keys = (...allowed: string[]) => Object.keys(e).every((k) => k === 'kind' || allowed.includes(k));
  if (e.kind === 'follow-name') {
    const aliases = e.aliases;
    return keys('name', 'aliases', 'type') && isText(e.name) && (aliases === undefined || (Array.isArray(aliases) && aliases.length <= 60 && aliases.every(isText))) && (e.type === undefined || ENTITY_TYPES.includes(e.type as EntityType));
  }
  if (typeof e.kind !== 'string' || !isId(e.id)) return false;
  if (ID_KINDS.has(e.kind)) return keys('id');
  switch (e.kind) {
    case 'rename':
      return keys('id', 'name') && isText(e.name);
    case 'describe':
      return keys('id', 'description') && isText(e.description);
    case 'type':
      return keys('id', 'type') && ENTITY_TYPES.includes(e.type as EntityType);
    case 'add-alias':
    case 'remove-alias':
      return keys('id', 'alias') && isText(e.alias);
    case 'mute-site':
    case 'unmute-site':
      return keys('id', 'site') && isText(e.site);
    default:
      return false;
  }
}
