// The names the reference highlighters get: every alias of the gazetteer's
// entities as written (their specs in the knowledge base's sources plus the
// country names from i18n-iso-countries), and
// the compiled, folded aliases, deduplicated. mark.js folds case and
// diacritics itself; the regex baselines get both spellings so that they find
// "Erdoğan" as well as "Erdogan".
import { countryNames, knowledgeSources, mergeSources } from '../src/build/gazetteer';
import type { CompiledGazetteer } from '../src/core/types';

/** Original spellings of the gazetteer's entities (what mark.js gets), longest first. */
export function originalAliases(g: CompiledGazetteer): string[] {
  const ids = new Set(g.entities.map((e) => e.id));
  const set = new Set<string>();
  for (const e of mergeSources(knowledgeSources())) {
    if (!ids.has(e.id)) continue;
    for (const a of e.aliases) set.add(a.text.trim().replace(/\s+/g, ' '));
    if (e.iso) for (const a of countryNames(e.iso)) set.add(a.text.trim().replace(/\s+/g, ' '));
  }
  return byLength([...set]);
}

/** Original and folded spellings, longest first: the alternatives of the regex baselines. */
export function regexAliases(g: CompiledGazetteer): string[] {
  const set = new Set(originalAliases(g));
  for (const e of g.entities) for (const a of [...e.aliases, ...(e.weak ?? []), ...(e.exact ?? [])]) set.add(a);
  return byLength([...set]);
}

const byLength = (list: string[]): string[] => list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Source of the one-alternation pattern (no boundaries: the floor is the cheapest honest pass). */
export function alternationSource(aliases: readonly string[]): string {
  return aliases.map(escapeRegex).join('|');
}

/** Unicode word boundaries as lookarounds, for baselines that must not find "Putin" in "Rasputin". */
export const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
export const BOUNDARY_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
