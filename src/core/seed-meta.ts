// The shape of seeds/metadata.json: curated facts keyed by seed id, for what a
// seed's text does not state. Checked strictly, because a misspelt field
// ("autor") would otherwise be ignored without a word.
import { isIsoDate } from './iso-date';

/** Curated facts about one seed. */
export interface SeedMeta {
  title?: string;
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  source?: string;
  agency?: string;
  author?: string;
  /** BCP-47 language of the text; "id" when absent. */
  lang?: string;
  /** Why the entry says what it says; not used by the parse. */
  note?: string;
}

export const SEED_META_FIELDS: readonly (keyof SeedMeta)[] = ['title', 'date', 'source', 'agency', 'author', 'lang', 'note'];

/**
 * Checks parsed metadata.json and returns its entries. Keys starting with "$"
 * are comments. `where` names the file in error messages.
 */
export function parseSeedMetadata(json: unknown, where = 'metadata.json'): Map<string, SeedMeta> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${where}: expected an object keyed by seed id`);
  }
  const entries = new Map<string, SeedMeta>();
  for (const [id, value] of Object.entries(json)) {
    if (id.startsWith('$')) continue;
    if (!/^[\w.-]+$/.test(id) || id.endsWith('.txt')) {
      throw new Error(`${where}: "${id}" is not a seed id (the file name without .txt)`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${where}: entry "${id}" must be an object`);
    }
    const meta: SeedMeta = {};
    for (const [field, v] of Object.entries(value as Record<string, unknown>)) {
      if (!(SEED_META_FIELDS as readonly string[]).includes(field)) {
        throw new Error(`${where}: entry "${id}" has unknown field "${field}" (known: ${SEED_META_FIELDS.join(', ')})`);
      }
      if (typeof v !== 'string' || v.trim() === '') {
        throw new Error(`${where}: entry "${id}" field "${field}" must be a non-empty string`);
      }
      if (field === 'date' && !isIsoDate(v)) {
        throw new Error(`${where}: entry "${id}" date "${v}" is not a valid YYYY-MM-DD date`);
      }
      meta[field as keyof SeedMeta] = v;
    }
    entries.set(id, meta);
  }
  return entries;
}
