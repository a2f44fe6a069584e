// The catalog: entries and profiles held as lists of numbers, profiles made
// back as they were put in, articles replaced and removed, the lists ranked
// exactly as ranking.ts ranks profiles; and the catalog as the background
// keeps it, read back as it was, refused when made by another version or
// knowledge base.
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog';
import { CATALOG_VERSION, catalogProblem, packCatalog } from '../../src/core/catalog-pack';
import { rankByEntities, rankByLists, rankForEntity, rankForEntityByLists } from '../../src/core/ranking';
import type { EntityProfile, EntityStat, LibraryEntry } from '../../src/core/types';

const stat = (count: number, prominent = false, weakCount = 0, first = 0): EntityStat => ({ count, weakCount, first, prominent });
const entry = (id: string, entities: EntityProfile, savedAt?: number): LibraryEntry => ({ id, title: id, source: 'S', date: '2024-01-01', lang: 'id', ...(savedAt ? { savedAt } : {}), entities });

const ENTRIES: LibraryEntry[] = [
  entry('dushanbe-crash', { putin: stat(10, true), aliyev: stat(3), dushanbe: stat(1, false, 0, 40), azerbaijan: stat(8, true) }, 1),
  entry('karabakh', { putin: stat(3), pashinyan: stat(6), armenia: stat(9, true), azerbaijan: stat(5, true) }, 2),
  entry('baku-visit', { putin: stat(5, true), aliyev: stat(3), azerbaijan: stat(9, true), baku: stat(4, true, 2) }, 3),
  entry('erdogan-call', { putin: stat(6, true), erdogan: stat(5, true), turkey: stat(9, true), nato: stat(3) }, 4),
  entry('isis-coalition', { putin: stat(7), hollande: stat(1), france: stat(3), turkey: stat(1) }, 5),
  entry('empty', {}, 6),
];

function filled(entries = ENTRIES): Catalog {
  const c = new Catalog();
  for (const { entities, ...meta } of entries) c.put(meta, entities, (meta as { savedAt?: number }).savedAt ?? 0);
  return c;
}

describe('Catalog', () => {
  it('gives back each entry as it was put in, and the lists of the articles naming each entity', () => {
    const c = filled();
    expect(c.size).toBe(6);
    for (const e of ENTRIES) expect(c.entry(e.id)).toEqual(e);
    expect(c.naming('aliyev')).toEqual(['dushanbe-crash', 'baku-visit']);
    expect(c.frequencies().get('putin')).toBe(5);
    expect(c.stat('baku-visit', 'baku')).toEqual(stat(4, true, 2));
    expect(c.stat('baku-visit', 'nato')).toBeUndefined();
  });

  it('replaces an article put in again, and forgets a removed one, in its lists and counts', () => {
    const c = filled();
    c.put({ id: 'karabakh', title: 'again', source: 'S', date: '2024-01-02', lang: 'id' }, { baku: stat(1) }, 9);
    expect(c.entry('karabakh')).toMatchObject({ title: 'again', entities: { baku: stat(1) } });
    expect(c.version('karabakh')).toBe(9);
    expect(c.naming('pashinyan')).toEqual([]);
    expect(c.frequencies().has('pashinyan')).toBe(false);
    expect(c.naming('baku')).toEqual(['baku-visit', 'karabakh']);
    expect(c.remove('baku-visit')).toBe(true);
    expect(c.remove('baku-visit')).toBe(false);
    expect(c.naming('baku')).toEqual(['karabakh']);
    expect(c.frequencies().get('putin')).toBe(3);
    expect(c.size).toBe(5);
  });

  it('ranks from the lists exactly as ranking.ts ranks the profiles', () => {
    const c = filled();
    const items = ENTRIES.map((e) => ({ id: e.id, entities: e.entities }));
    const df = c.frequencies();
    const pages = [
      [{ id: 'putin', count: 8, weakCount: 0, prominent: true }, { id: 'dushanbe', count: 1, weakCount: 0, prominent: false }, { id: 'aliyev', count: 2, weakCount: 0, prominent: false }],
      [{ id: 'putin', count: 20, weakCount: 0, prominent: true }, { id: 'pashinyan', count: 1, weakCount: 0, prominent: false }],
      [{ id: 'turkey', count: 0, weakCount: 3, prominent: false }, { id: 'azerbaijan', count: 2, weakCount: 1, prominent: true }],
    ];
    for (const page of pages) {
      const byProfiles = rankByEntities(items, page, { df, totalDocs: c.size, limit: 4 }).map((r) => ({ id: r.item.id, score: r.score, shared: r.shared }));
      expect(rankByLists(c, page, { df, totalDocs: c.size, limit: 4 })).toEqual(byProfiles);
      for (const entityId of ['putin', 'azerbaijan']) {
        const card = rankForEntity(items, entityId, page, { df, totalDocs: c.size });
        const lists = rankForEntityByLists(c, entityId, page, { df, totalDocs: c.size, limit: 3 });
        expect(lists.count).toBe(card.length);
        expect(lists.ranked).toEqual(card.slice(0, 3).map((r) => ({ id: r.item.id, score: r.score, shared: r.shared })));
      }
    }
    expect(rankByLists(c, pages[0]!, { df, totalDocs: c.size, limit: 10, exclude: 'dushanbe-crash' }).map((r) => r.id)).not.toContain('dushanbe-crash');
  });

  it('orders equal scores by id, over the base and the articles put in after it, past a removed one', () => {
    const c = new Catalog();
    const meta = (id: string) => ({ id, title: id, source: 'S', date: '2024-01-01', lang: 'id' });
    const base = new Catalog();
    for (const id of ['m', 'c', 'x']) base.put(meta(id), { baku: stat(2) }, 1);
    c.loadBase(packCatalog(base, () => true, 'k', 1));
    for (const id of ['k', 'a', 'z']) c.put(meta(id), { baku: stat(2) }, 1);
    c.remove('c');
    const page = [{ id: 'baku', count: 3, weakCount: 0, prominent: false }];
    const o = { df: c.frequencies(), totalDocs: c.size, limit: 4 };
    expect(rankByLists(c, page, o).map((r) => r.id)).toEqual(['a', 'k', 'm', 'x']);
    expect(rankByLists(c, page, { ...o, exclude: 'a' }).map((r) => r.id)).toEqual(['k', 'm', 'x', 'z']);
    expect(rankForEntityByLists(c, 'baku', page, o).ranked.map((r) => r.id)).toEqual(['a', 'k', 'm', 'x']);
  });
});

describe('the packed catalog', () => {
  const saved = (meta: object) => 'savedAt' in meta;

  it('reads back the entries packed, profiles and versions and all, dead postings left out', () => {
    const c = filled();
    c.remove('karabakh');
    c.put({ id: 'erdogan-call', title: 'again', source: 'S', date: '2024-01-01', lang: 'id', savedAt: 7 } as never, { erdogan: stat(2) }, 7);
    const packed = structuredClone(packCatalog(c, saved, 'kb', 7));
    expect(catalogProblem(packed, 'kb')).toBeNull();
    expect(packed.generation).toBe(7);
    const back = new Catalog();
    back.loadBase(packed);
    expect(back.size).toBe(5);
    for (const id of c.ids()) {
      expect(back.entry(id)).toEqual(c.entry(id));
      expect(back.version(id)).toBe(c.version(id));
    }
    expect(new Map(back.frequencies())).toEqual(new Map(c.frequencies()));
    // The base takes changes as the second layer does, and packs again the same.
    back.remove('baku-visit');
    back.put({ id: 'new', title: 'n', source: 'S', date: '2024-02-02', lang: 'id', savedAt: 8 } as never, { putin: stat(2), baku: stat(1, true) }, 8);
    c.remove('baku-visit');
    c.put({ id: 'new', title: 'n', source: 'S', date: '2024-02-02', lang: 'id', savedAt: 8 } as never, { putin: stat(2), baku: stat(1, true) }, 8);
    expect(back.naming('baku')).toEqual(c.naming('baku'));
    expect(back.stat('new', 'baku')).toEqual(stat(1, true));
    const again = new Catalog();
    again.loadBase(structuredClone(packCatalog(back, saved, 'kb', 8)));
    for (const id of c.ids()) expect(again.entry(id)).toEqual(c.entry(id));
    expect(() => again.loadBase(packed)).toThrow(/not empty/);
  });

  it('keeps only the articles asked for (the saved ones)', () => {
    const c = filled();
    c.put({ id: 'bundled', title: 'b', source: 'S', date: '2020-01-01', lang: 'id' }, { putin: stat(1) }, -5);
    const packed = packCatalog(c, saved, 'kb', 1);
    expect(packed.ids).not.toContain('bundled');
    expect(packed.ids).toHaveLength(6);
  });

  it('is refused when made by another version or knowledge base, or malformed', () => {
    const packed = packCatalog(filled(), saved, 'kb', 1);
    expect(catalogProblem(packed, 'kb-2')).toMatch(/another knowledge base/);
    expect(catalogProblem({ ...packed, version: CATALOG_VERSION + 1 }, 'kb')).toMatch(/version/);
    expect(catalogProblem({ ...packed, slots: [1, 2] }, 'kb')).toMatch(/malformed/);
    expect(catalogProblem({ ...packed, counts: packed.counts.slice(1) }, 'kb')).toMatch(/malformed/);
    expect(catalogProblem({ ...packed, slots: packed.slots.map(() => 99) }, 'kb')).toMatch(/malformed/);
    expect(catalogProblem(undefined, 'kb')).toMatch(/not a catalog/);
  });
});
