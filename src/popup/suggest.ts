// Names to offer when a search finds nothing: entities whose name is close to
// what was typed ("Pashinian" → Nikol Pashinyan). Every gazetteer entity occurs
// in the library, so a suggested name always finds something.
import { fold } from '../core/fold';
import type { CompiledEntity } from '../core/types';

/** Edit distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Up to `limit` entities whose name or alias (or one word of it) is within a typo or two of the query. */
export function suggestEntities(query: string, entities: readonly CompiledEntity[], limit = 3): CompiledEntity[] {
  const q = fold(query.trim());
  if (q.length < 3) return [];
  // One typo per four letters, at most two.
  const max = Math.min(2, Math.floor(q.length / 4) + (q.length >= 6 ? 1 : 0));
  const scored: Array<[CompiledEntity, number]> = [];
  for (const e of entities) {
    let best = max + 1;
    for (const alias of [fold(e.name), ...e.aliases]) {
      for (const candidate of [alias, ...alias.split(' ')]) {
        best = Math.min(best, editDistance(q, candidate, max));
      }
    }
    if (best <= max) scored.push([e, best]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name));
  return scored.slice(0, limit).map(([e]) => e);
}
