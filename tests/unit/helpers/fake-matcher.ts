// A tiny stand-in for the real matcher: whole-word, folded alias lookup over a
// hand-made gazetteer. Enough to test the library without the real gazetteer.
import { fold } from '../../../src/core/fold';
import type { Matcher } from '../../../src/core/matcher';
import type { CompiledEntity, Mention } from '../../../src/core/types';

export const FAKE_ENTITIES: CompiledEntity[] = [
  { id: 'russia', type: 'place', name: 'Russia', description: 'Country', aliases: ['rusia', 'russia', 'россия'], weak: ['russian'] },
  { id: 'turkey', type: 'place', name: 'Turkey', description: 'Country', aliases: ['turki', 'turkey', 'turkiye'], weak: ['turkish'] },
  { id: 'putin', type: 'person', name: 'Vladimir Putin', description: 'President of Russia', aliases: ['putin', 'vladimir putin', 'путин'] },
  { id: 'erdogan', type: 'person', name: 'Recep Tayyip Erdoğan', description: 'President of Turkey', aliases: ['erdogan'] },
  { id: 'dushanbe', type: 'place', name: 'Dushanbe', description: 'Capital of Tajikistan', aliases: ['dushanbe'] },
];

export function fakeMatcher(entities: CompiledEntity[] = FAKE_ENTITIES): Matcher {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = entities.flatMap((e) => [
    ...e.aliases.map((a) => ({ id: e.id, weak: false, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'gu') })),
    ...(e.weak ?? []).map((a) => ({ id: e.id, weak: true, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'gu') })),
  ]);
  return {
    entities,
    entity: (id) => byId.get(id),
    find(text: string): Mention[] {
      const folded = fold(text);
      const found: Mention[] = [];
      for (const p of patterns) {
        for (const m of folded.matchAll(p.re)) {
          found.push({ entityId: p.id, start: m.index, end: m.index + m[0].length, ...(p.weak ? { weak: true } : {}) });
        }
      }
      // Longest first at one start, then drop overlaps: as the real matcher promises.
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      const out: Mention[] = [];
      for (const m of found) if (!out.length || m.start >= out[out.length - 1]!.end) out.push(m);
      return out;
    },
  };
}
