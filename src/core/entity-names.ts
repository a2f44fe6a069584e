// Every entity's spellings as the gazetteer source writes them, by language:
// what the entity page shows under "Also written". The compiled gazetteer
// cannot say it (it folds and merges aliases for the matcher), so the build
// writes this file beside library.json (entity-names.json), and only the
// background reads it: it never reaches a web page or the content script.
//
// Like the library, a file of another format or version is refused, loudly.
import { isObject } from './guards';

export const ENTITY_NAMES_FORMAT = 'newscontext-entity-names';
/** Bump when the shape below changes. */
export const ENTITY_NAMES_VERSION = 1;

/** One spelling; `weak` for a demonym or adjective ("Russian"), which is not a name. */
export interface NameSpelling {
  text: string;
  weak?: true;
}

/** BCP-47 language (or "mul", shared by many) → the spellings in it, in source order. */
export type NamesByLanguage = Record<string, NameSpelling[]>;

export interface SerializedEntityNames {
  format: typeof ENTITY_NAMES_FORMAT;
  version: number;
  entities: Record<string, NamesByLanguage>;
}

export interface EntityNames {
  /** The entity's spellings by language, or undefined for an id the file does not know. */
  of(entityId: string): NamesByLanguage | undefined;
}

const REBUILD = 'rebuild the extension (npm run build)';

function isSpelling(v: unknown): v is NameSpelling {
  return isObject(v) && typeof v.text === 'string' && v.text !== '' && (v.weak === undefined || v.weak === true);
}

function isNamesByLanguage(v: unknown): v is NamesByLanguage {
  return isObject(v) && Object.values(v).every((list) => Array.isArray(list) && list.every(isSpelling));
}

/** Checks a parsed entity-names.json; throws, saying what to do, when it is not this code's. */
export function loadEntityNames(json: unknown): EntityNames {
  if (!isObject(json) || json.format !== ENTITY_NAMES_FORMAT) {
    throw new Error(`Not a NewsContext entity-names file: ${REBUILD}`);
  }
  if (json.version !== ENTITY_NAMES_VERSION) {
    throw new Error(`Entity names version ${JSON.stringify(json.version)}, expected ${ENTITY_NAMES_VERSION}: ${REBUILD}`);
  }
  const { entities } = json;
  if (!isObject(entities)) throw new Error(`Entity names: "entities" is missing: ${REBUILD}`);
  for (const [id, names] of Object.entries(entities)) {
    if (!isNamesByLanguage(names)) throw new Error(`Entity names: the entry of "${id}" is malformed: ${REBUILD}`);
  }
  const byId = new Map(Object.entries(entities as Record<string, NamesByLanguage>));
  return { of: (entityId) => byId.get(entityId) };
}
