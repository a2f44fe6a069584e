// Names and types of entities for the popup's chips and reasons, looked up in
// the gazetteer that the build inlines. A plain map, not the matcher: the popup
// never matches text, and compiling the matcher's trie would delay first paint.
import gazetteer from 'virtual:gazetteer';
import type { CompiledEntity } from '../core/types';

const entities: readonly CompiledEntity[] = gazetteer.entities;
const byId = new Map<string, CompiledEntity>(entities.map((e) => [e.id, e]));

export function entityOf(id: string): CompiledEntity | undefined {
  return byId.get(id);
}

export function entityName(id: string): string {
  return byId.get(id)?.name ?? id;
}

export const allEntities = entities;
