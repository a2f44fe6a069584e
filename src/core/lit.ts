// Which names the pages light, out of everything the knowledge base knows: a
// broad knowledge base must add no noise, so a name is lit only where the
// reader's library has something to say about it (an article naming it), or
// where the reader follows it. A muted entity is never lit; a setting lights
// every known name. The pages get a gazetteer of the lit entities alone, which
// keeps their matcher small however large the knowledge base grows.
import { firstLetters, startRanges } from './start-ranges';
import type { CompiledGazetteer, EntityProfile } from './types';

/** What the pages get: the lit entities, and which of them the reader muted on which site (hostname → ids). */
export interface LitGazetteer extends CompiledGazetteer {
  mutedOn?: Record<string, string[]>;
}

export interface LitChoice {
  /** Entities that at least one library article names. */
  inLibrary: ReadonlySet<string>;
  /** Entities the reader follows. */
  followed: ReadonlySet<string>;
  /** Entities the reader muted everywhere. */
  muted: ReadonlySet<string>;
  /** Light every entity of the knowledge base (a setting, off by default). */
  lightAll: boolean;
}

/** The entities that at least one of the articles names. */
export function entitiesNamedIn(articles: Iterable<{ entities: EntityProfile }>): Set<string> {
  const ids = new Set<string>();
  for (const article of articles) for (const id of Object.keys(article.entities)) ids.add(id);
  return ids;
}

/** The ids of the knowledge base's entities that the pages light, in the knowledge base's order. */
export function litIds(kb: CompiledGazetteer, choice: LitChoice): string[] {
  return kb.entities
    .filter((e) => !choice.muted.has(e.id) && (choice.lightAll || choice.inLibrary.has(e.id) || choice.followed.has(e.id)))
    .map((e) => e.id);
}

/** The per-site mutes of the lit entities only, sites with none left out. */
export function litMutes(mutedOn: Readonly<Record<string, readonly string[]>>, lit: readonly string[]): Record<string, string[]> | undefined {
  const ids = new Set(lit);
  const out: Record<string, string[]> = {};
  for (const [site, muted] of Object.entries(mutedOn)) {
    const kept = muted.filter((id) => ids.has(id));
    if (kept.length) out[site] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The knowledge base cut down to some of its entities, with the characters their names start with, and their first letters, worked out again. */
export function subsetGazetteer(kb: CompiledGazetteer, ids: readonly string[]): CompiledGazetteer {
  const wanted = new Set(ids);
  const entities = kb.entities.filter((e) => wanted.has(e.id));
  const firsts = firstLetters(entities);
  return { version: kb.version, entities, starts: startRanges(entities, firsts), firsts };
}
