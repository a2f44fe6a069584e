// Names and types of entities for the popup's chips and reasons, looked up in
// the lit gazetteer (shared/lit-gazetteer.ts), read once before the popup
// renders. A plain map, not the matcher: the popup never matches text, and
// compiling the matcher's trie would delay first paint. A page names only lit
// entities, and a related article shares only those with it.
import type { CompiledEntity } from '../core/types';
import { getLitGazetteer } from '../shared/lit-gazetteer';

let entities: readonly CompiledEntity[] = [];
let byId = new Map<string, CompiledEntity>();

/** Reads the lit entities; without them (the background did not answer), names show as their ids. */
export async function loadEntities(): Promise<void> {
  try {
    entities = (await getLitGazetteer()).entities;
  } catch {
    entities = [];
  }
  byId = new Map(entities.map((e) => [e.id, e]));
}

export function entityOf(id: string): CompiledEntity | undefined {
  return byId.get(id);
}

export function entityName(id: string): string {
  return byId.get(id)?.name ?? id;
}

/** Every lit entity, for suggestions when a search finds nothing. */
export function allEntities(): readonly CompiledEntity[] {
  return entities;
}
