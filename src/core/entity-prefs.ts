// The reader's entity preferences, as stored in storage.local: the entities
// followed, the reader's own entities, changes to known ones (a name, added
// and removed aliases, a type), and mutes, everywhere or on one site. A
// record with a format and a version: one of another format, a newer
// version, or any malformed field is refused with the reason (nothing is
// guessed from it); an older version is migrated step by step first.
import { ENTITY_ID } from './entity-compile';
import { isObject } from './guards';
import { isOwnId, nameProblem, normalizeSite } from './reader-names';
import { ENTITY_TYPES, type EntityType } from './types';

export const ENTITY_PREFS_FORMAT = 'newscontext-entity-prefs';
/** Bump when EntityPrefs changes, with a migration from the version before in MIGRATIONS. */
export const ENTITY_PREFS_VERSION = 1;

/** Limits that keep the record small (storage.local) and the matcher quick. */
export const PREFS_LIMITS = { followed: 5000, own: 2000, aliases: 50, muted: 5000, sites: 1000, description: 200 } as const;

/** An entity the reader made: matched by its name and its aliases. */
export interface OwnEntity {
  /** "u-" and a slug (reader-names.ts, ownEntityId). */
  id: string;
  name: string;
  type: EntityType;
  /** More spellings, as typed; the name is always one. */
  aliases: string[];
  description?: string;
}

/** The reader's changes to an entity of the knowledge base. */
export interface EntityOverride {
  /** The name shown for it (the spellings matched are its aliases). */
  name?: string;
  type?: EntityType;
  /** Spellings added, as typed. */
  added?: string[];
  /** Spellings of the knowledge base taken away, as typed (compared folded). */
  removed?: string[];
}

export interface EntityPrefs {
  followed: string[];
  own: OwnEntity[];
  /** Entity id → the reader's changes to it (known entities only; own ones are edited in place). */
  overrides: Record<string, EntityOverride>;
  /** Never lit, wherever. */
  muted: string[];
  /** Hostname → entities not lit on that site. */
  mutedOn: Record<string, string[]>;
}

export interface StoredEntityPrefs extends EntityPrefs {
  format: typeof ENTITY_PREFS_FORMAT;
  version: number;
}

export const EMPTY_PREFS: EntityPrefs = Object.freeze({ followed: [], own: [], overrides: {}, muted: [], mutedOn: {} }) as EntityPrefs;

export class EntityPrefsError extends Error {
  override name = 'EntityPrefsError';
}

/** Turns a record of one version into the next; MIGRATIONS[n] reads version n. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** No version before 1 was ever stored: the chain starts here, and grows with each bump. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

const KEYS = ['format', 'version', 'followed', 'own', 'overrides', 'muted', 'mutedOn'];
const isEntityId = (v: unknown): v is string => typeof v === 'string' && v.length <= 200 && ENTITY_ID.test(v);
const isType = (v: unknown): v is EntityType => ENTITY_TYPES.includes(v as EntityType);
const isName = (v: unknown): v is string => typeof v === 'string' && nameProblem(v) === null;

/** The first problem of a list of ids: not a list, not an id, twice, too many. */
function idsProblem(v: unknown, field: string, max: number): string | null {
  if (!Array.isArray(v)) return `${field} is not a list`;
  if (v.length > max) return `${field} holds more than ${max} entries`;
  const bad = v.findIndex((id) => !isEntityId(id));
  if (bad >= 0) return `${field}[${bad}] is not an entity id`;
  if (new Set(v).size !== v.length) return `${field} names an entity twice`;
  return null;
}

function namesProblem(v: unknown, field: string): string | null {
  if (!Array.isArray(v)) return `${field} is not a list`;
  if (v.length > PREFS_LIMITS.aliases) return `${field} holds more than ${PREFS_LIMITS.aliases} names`;
  const bad = v.findIndex((a) => !isName(a));
  return bad >= 0 ? `${field}[${bad}] is not a name` : null;
}

function ownProblem(v: unknown, i: number): string | null {
  const at = `own[${i}]`;
  if (!isObject(v)) return `${at} is not an entity`;
  const extra = Object.keys(v).find((k) => !['id', 'name', 'type', 'aliases', 'description'].includes(k));
  if (extra !== undefined) return `${at} has an unknown field "${extra}"`;
  if (typeof v.id !== 'string' || !isOwnId(v.id)) return `${at}.id is not a reader's entity id ("u-…")`;
  if (!isName(v.name)) return `${at}.name is not a name`;
  if (!isType(v.type)) return `${at}.type is not one of ${ENTITY_TYPES.join(', ')}`;
  const d = v.description;
  if (d !== undefined && (typeof d !== 'string' || d.length > PREFS_LIMITS.description || /[\r\n]/.test(d))) return `${at}.description is not one line`;
  return namesProblem(v.aliases, `${at}.aliases`);
}

function overrideProblem(id: string, v: unknown): string | null {
  const at = `overrides["${id}"]`;
  if (!isEntityId(id) || isOwnId(id)) return `${at} is not for an entity of the knowledge base`;
  if (!isObject(v)) return `${at} is not a set of changes`;
  const extra = Object.keys(v).find((k) => !['name', 'type', 'added', 'removed'].includes(k));
  if (extra !== undefined) return `${at} has an unknown field "${extra}"`;
  if (v.name !== undefined && !isName(v.name)) return `${at}.name is not a name`;
  if (v.type !== undefined && !isType(v.type)) return `${at}.type is not one of ${ENTITY_TYPES.join(', ')}`;
  for (const key of ['added', 'removed'] as const) {
    if (v[key] === undefined) continue;
    const problem = namesProblem(v[key], `${at}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** Why a record of this version is not a valid EntityPrefs, or null. */
export function entityPrefsProblem(v: Record<string, unknown>): string | null {
  const extra = Object.keys(v).find((k) => !KEYS.includes(k));
  if (extra !== undefined) return `unknown field "${extra}"`;
  const problem =
    idsProblem(v.followed, 'followed', PREFS_LIMITS.followed) ??
    idsProblem(v.muted, 'muted', PREFS_LIMITS.muted) ??
    (!Array.isArray(v.own) ? 'own is not a list' : v.own.length > PREFS_LIMITS.own ? `own holds more than ${PREFS_LIMITS.own} entities` : null);
  if (problem) return problem;
  const own = v.own as unknown[];
  for (let i = 0; i < own.length; i++) {
    const p = ownProblem(own[i], i);
    if (p) return p;
  }
  if (new Set(own.map((e) => (e as OwnEntity).id)).size !== own.length) return 'own has two entities with one id';
  if (!isObject(v.overrides)) return 'overrides is not a set of changes';
  for (const [id, o] of Object.entries(v.overrides)) {
    const p = overrideProblem(id, o);
    if (p) return p;
  }
  if (!isObject(v.mutedOn)) return 'mutedOn is not a set of sites';
  const sites = Object.entries(v.mutedOn);
  if (sites.length > PREFS_LIMITS.sites) return `mutedOn names more than ${PREFS_LIMITS.sites} sites`;
  for (const [site, ids] of sites) {
    if (normalizeSite(site) !== site) return `mutedOn has "${site.slice(0, 60)}", which is not a hostname`;
    const p = idsProblem(ids, `mutedOn["${site}"]`, PREFS_LIMITS.muted);
    if (p) return p;
  }
  return null;
}

const fail = (reason: string): never => {
  throw new EntityPrefsError(`NewsContext: the followed names cannot be read: ${reason}.`);
};

/**
 * The preferences in a stored record: nothing stored is none; an older
 * version is migrated; anything else that is not this code's record throws an
 * EntityPrefsError that says why.
 */
export function readEntityPrefs(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, current = ENTITY_PREFS_VERSION): EntityPrefs {
  if (raw === undefined || raw === null) return EMPTY_PREFS;
  if (!isObject(raw) || raw.format !== ENTITY_PREFS_FORMAT) return fail('the stored record is not NewsContext preferences');
  let record: Record<string, unknown> = raw;
  if (typeof record.version !== 'number' || !Number.isInteger(record.version) || record.version < 1) {
    return fail(`the record has no valid version (${JSON.stringify(record.version)})`);
  }
  let version: number = record.version;
  if (version > current) return fail(`a newer NewsContext wrote them (version ${version}; this one reads up to ${current}): update the extension`);
  while (version < current) {
    const step = migrations[version];
    if (!step) return fail(`there is no migration from version ${version}`);
    record = step(record);
    if (record.version !== version + 1) return fail(`the migration from version ${version} did not give version ${version + 1}`);
    version += 1;
  }
  const problem = entityPrefsProblem(record);
  if (problem) fail(problem);
  const { format: _format, version: _version, ...prefs } = record as unknown as StoredEntityPrefs;
  return prefs;
}

/** The record to store. */
export function toStoredPrefs(prefs: EntityPrefs): StoredEntityPrefs {
  return { format: ENTITY_PREFS_FORMAT, version: ENTITY_PREFS_VERSION, ...prefs };
}
