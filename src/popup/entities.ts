// Names and types of entities for the popup's chips and reasons (and the
// other extension pages'), looked up in the lit gazetteer
// (shared/lit-gazetteer.ts), read before a page renders and kept in step
// with it after. A plain map, not the matcher: the popup never matches text, and
// compiling the matcher's trie would delay first paint. A page names only lit
// entities, and a related article shares only those with it.
import type { CompiledEntity } from '../core/types';
import { getLitGazetteer, onLitGazetteerChanged } from '../shared/lit-gazetteer';

let entities: readonly CompiledEntity[] = [];
let byId = new Map<string, CompiledEntity>();

function take(list: readonly CompiledEntity[]): void {
  entities = list;
  byId = new Map(list.map((e) => [e.id, e]));
}

/**
 * Reads the lit entities, and follows their changes (a save may light new
 * ones); without them (the background did not answer), names show as their ids.
 */
export async function loadEntities(): Promise<void> {
  onLitGazetteerChanged((g) => take(g.entities));
  try {
    take((await getLitGazetteer()).entities);
  } catch {
    take([]);
  }
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
