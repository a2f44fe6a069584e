import { describe, expect, it } from 'vitest';
import { articleWeight, pageWeight, hasEvidence, rankByEntities, rankForEntity, rarity } from '../../src/core/ranking';
import type { EntityProfile, EntityStat } from '../../src/core/types';

const stat = (count: number, prominent = false, weakCount = 0): EntityStat => ({ count, weakCount, first: 0, prominent });
const page = (id: string, count = 1, prominent = false, weakCount = 0) => ({ id, count, weakCount, prominent });

// A hand-made library: Putin everywhere, the rest in one or two articles.
const library: Array<{ id: string; entities: EntityProfile }> = [
  { id: 'dushanbe-crash', entities: { putin: stat(10, true), aliyev: stat(3), dushanbe: stat(1), azerbaijan: stat(8, true) } },
  { id: 'karabakh', entities: { putin: stat(3), pashinyan: stat(6), armenia: stat(9, true), azerbaijan: stat(5, true) } },
  { id: 'baku-visit', entities: { putin: stat(5, true), aliyev: stat(3), azerbaijan: stat(9, true), baku: stat(4, true) } },
  { id: 'erdogan-call', entities: { putin: stat(6, true), erdogan: stat(5, true), turkey: stat(9, true), nato: stat(3) } },
  { id: 'isis-coalition', entities: { putin: stat(7), hollande: stat(1), france: stat(3), turkey: stat(1) } },
];

describe('weights', () => {
  it('makes an entity in every article worth far less than one in a single article', () => {
    expect(rarity(5, 5)).toBeLessThan(rarity(1, 5) / 5);
    expect(rarity(5, 5)).toBeGreaterThan(0);
    expect(rarity(0, 5)).toBe(0);
  });

  it('weighs a prominent, often named entity above a passing mention, and names above demonyms', () => {
    expect(pageWeight(page('x', 5, true))).toBeGreaterThan(pageWeight(page('x', 5)));
    expect(pageWeight(page('x', 5))).toBeGreaterThan(pageWeight(page('x', 1)));
    expect(pageWeight(page('x', 0, false, 3))).toBeLessThan(pageWeight(page('x', 1)));
    expect(pageWeight(page('x', 0))).toBe(0);
    expect(articleWeight(stat(3, true))).toBeGreaterThan(articleWeight(stat(3)));
  });
});

describe('rankByEntities', () => {
  it('ranks by what is rare: a page about Putin in Dushanbe finds the Dushanbe article first', () => {
    const ranked = rankByEntities(library, [page('putin', 8, true), page('dushanbe', 1), page('aliyev', 2)]);
    expect(ranked.map((r) => r.item.id)).toEqual(['dushanbe-crash', 'baku-visit', 'erdogan-call', 'isis-coalition', 'karabakh']);
    // Putin is named most, but tells least: he comes last among the reasons.
    expect(ranked[0]?.shared).toHaveLength(3);
    expect(ranked[0]?.shared[2]).toBe('putin');
  });

  it('lets one rare entity outweigh many mentions of a common one', () => {
    const ranked = rankByEntities(library, [page('putin', 20, true), page('pashinyan', 1)]);
    expect(ranked[0]?.item.id).toBe('karabakh');
  });

  it('leaves out articles sharing nothing and respects the limit', () => {
    const ranked = rankByEntities(library, [page('nato', 2)], {});
    expect(ranked.map((r) => r.item.id)).toEqual(['erdogan-call']);
    expect(rankByEntities(library, [page('putin')], { limit: 2 })).toHaveLength(2);
    expect(rankByEntities(library, [])).toEqual([]);
  });

  it('breaks ties by text similarity, then by id', () => {
    const twins = [
      { id: 'b', entities: { baku: stat(2) } },
      { id: 'a', entities: { baku: stat(2) } },
    ];
    expect(rankByEntities(twins, [page('baku')]).map((r) => r.item.id)).toEqual(['a', 'b']);
    const similarity = new Map([['b', 3]]);
    expect(rankByEntities(twins, [page('baku')], { similarity }).map((r) => r.item.id)).toEqual(['b', 'a']);
  });
});

describe('rankForEntity', () => {
  it('puts the article sharing the page context first: Putin on a page about Erdoğan', () => {
    const ranked = rankForEntity(library, 'putin', [page('erdogan', 4, true), page('putin', 2), page('turkey', 3)]);
    expect(ranked.map((r) => r.item.id)[0]).toBe('erdogan-call');
    expect(ranked).toHaveLength(5);
    expect(ranked[0]?.shared.slice(0, 2)).toEqual(['putin', 'erdogan']);
  });

  it('lists only articles naming the entity', () => {
    expect(rankForEntity(library, 'aliyev', [page('aliyev')]).map((r) => r.item.id).sort()).toEqual(['baku-visit', 'dushanbe-crash']);
    expect(rankForEntity(library, 'nobody', [page('putin')])).toEqual([]);
  });
});

describe('hasEvidence', () => {
  const weak = (id: string, weakCount: number) => ({ id, count: 0, weakCount, prominent: false });

  it('asks for more than one passing mention', () => {
    expect(hasEvidence([])).toBe(false);
    expect(hasEvidence([page('putin', 1)])).toBe(false);
    expect(hasEvidence([weak('russia', 1)])).toBe(false);
    expect(hasEvidence([weak('russia', 2), weak('turkey', 2)])).toBe(false);
  });

  it('takes two names, a name said twice, many demonyms, or a name in the title', () => {
    expect(hasEvidence([page('putin', 1), page('erdogan', 1)])).toBe(true);
    expect(hasEvidence([page('putin', 2)])).toBe(true);
    expect(hasEvidence([weak('russia', 5)])).toBe(true);
    expect(hasEvidence([page('putin', 1, true)])).toBe(true);
  });
});
