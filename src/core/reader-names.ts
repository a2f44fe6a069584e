// What the reader types as a name, an alias or a site: data, never a pattern.
// A name is accepted whatever its characters (the matcher's trie takes any
// folded string), or refused for one of three reasons the reader can act on.
// Pure: the background checks with it, the entities page checks as the
// reader types, and the stored preferences are validated with it.
import { isAcronym, normalizeName } from './entity-compile';
import { fold } from './fold';
import type { EntityType } from './types';

/** The longest name or alias, in characters (code points), after spaces are tidied. */
export const NAME_MAX = 100;

export type NameProblem = 'empty' | 'too-long' | 'no-letters';

const LETTER = /\p{L}/u;

/** Why a name cannot be one, or null when it can. */
export function nameProblem(text: string): NameProblem | null {
  const name = normalizeName(text);
  if (name === '') return 'empty';
  if ([...name].length > NAME_MAX) return 'too-long';
  if (!LETTER.test(name)) return 'no-letters';
  return null;
}

/** The comma-separated aliases of the follow form, tidied; empty entries dropped. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[,،、]/u)
    .map(normalizeName)
    .filter((a) => a !== '');
}

/** Names that fold alike, once each, the first spelling kept ("Zorbania", "ZORBANIA" → "Zorbania"). */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = normalizeName(raw);
    const key = fold(name);
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * The type a name the knowledge base does not know gets when the reader
 * follows it without saying: an acronym in capitals ("ZRB") is an
 * organisation; anything else a person, as the names a reader follows from
 * the news most often are. The entities page changes it in one step.
 */
export function defaultType(name: string): EntityType {
  return isAcronym(normalizeName(name)) ? 'organisation' : 'person';
}

/** FNV-1a over UTF-16 units, in base 36: a short stable stem for names with no Latin letter. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The id of a reader's own entity: "u-" and the name's folded Latin letters and digits ("u-zorbania"), or a hash of it; unique. */
export function ownEntityId(name: string, taken: (id: string) => boolean): string {
  const folded = fold(normalizeName(name));
  const slug = folded
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  const stem = slug || hash(folded);
  let id = `u-${stem}`;
  for (let n = 2; taken(id); n++) id = `u-${stem}-${n}`;
  return id;
}

/** The id of a reader's own entity, as ownEntityId makes them. */
const OWN_ID = /^u-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isOwnId = (id: string): boolean => OWN_ID.test(id);

/**
 * The hostname a site is muted under, as the content script reads it from
 * location.hostname (lower case, punycode): from a hostname, or from an
 * address pasted whole. Null when it names no site.
 */
export function normalizeSite(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  try {
    const host = new URL(text.includes('://') ? text : `http://${text}`).hostname;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}
