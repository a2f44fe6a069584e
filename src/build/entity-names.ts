// Build step: the gazetteer source to entity-names.json, every entity's
// spellings by language as written (country names included, as the gazetteer
// adds them), for the entity page. Node only: it reads i18n-iso-countries.
import { countryNames } from './gazetteer';
import { ENTITY_NAMES_FORMAT, ENTITY_NAMES_VERSION, type NamesByLanguage, type SerializedEntityNames } from '../core/entity-names';
import type { EntitySpec } from '../core/types';

const normalize = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** One entity's spellings by language: each once per language, a name winning over the same demonym. */
export function namesByLanguage(spec: EntitySpec): NamesByLanguage {
  const aliases = [...spec.aliases, ...(spec.iso !== undefined ? countryNames(spec.iso) : [])];
  const out: NamesByLanguage = {};
  for (const alias of aliases) {
    const text = normalize(alias.text);
    if (text === '') continue;
    const list = (out[alias.lang] ??= []);
    const weak = 'weak' in alias && alias.weak === true;
    const known = list.find((s) => s.text === text);
    if (!known) list.push(weak ? { text, weak: true } : { text });
    else if (!weak) delete known.weak;
  }
  return out;
}

export function entityNamesFile(specs: readonly EntitySpec[]): SerializedEntityNames {
  const entities: Record<string, NamesByLanguage> = {};
  for (const spec of specs) entities[spec.id] = namesByLanguage(spec);
  return { format: ENTITY_NAMES_FORMAT, version: ENTITY_NAMES_VERSION, entities };
}
