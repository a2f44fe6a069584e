// What the pages light (src/core/lit.ts): a name the library knows, or the
// reader follows, never a muted one; every known name with the setting on.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/build/gazetteer';
import { litIds, subsetGazetteer, type LitChoice } from '../../src/core/lit';
import { createMatcher } from '../../src/core/matcher';

const kb = loadGazetteer();
const none: LitChoice = { inLibrary: new Set(), followed: new Set(), muted: new Set(), lightAll: false };

describe('litIds', () => {
  it('lights what the library names and what the reader follows, and nothing else', () => {
    expect(litIds(kb, none)).toEqual([]);
    expect(litIds(kb, { ...none, inLibrary: new Set(['putin', 'baku']), followed: new Set(['sochi']) }).sort()).toEqual(['baku', 'putin', 'sochi']);
  });

  it('never lights a muted entity, even with every known name lit', () => {
    const all = litIds(kb, { ...none, lightAll: true, muted: new Set(['putin']) });
    expect(all).toHaveLength(kb.entities.length - 1);
    expect(all).not.toContain('putin');
    expect(litIds(kb, { ...none, inLibrary: new Set(['putin']), muted: new Set(['putin']) })).toEqual([]);
  });

  it('ignores ids the knowledge base does not have', () => {
    expect(litIds(kb, { ...none, followed: new Set(['nobody']) })).toEqual([]);
  });
});

describe('subsetGazetteer', () => {
  it('finds the lit names only, with the start characters of theirs', () => {
    const g = subsetGazetteer(kb, ['putin', 'moscow']);
    expect(g.entities.map((e) => e.id)).toEqual(['putin', 'moscow']);
    const m = createMatcher(g);
    expect(m.find('Putin flew from Moscow to Sochi; Путин в Москве.').map((x) => x.entityId)).toEqual(['putin', 'moscow', 'putin', 'moscow']);
    // Sochi's first letter starts no lit name, and Erdoğan's none either.
    expect(m.find('Sochi, Erdoğan').length).toBe(0);
  });

  it('of nothing is a gazetteer that finds nothing', () => {
    expect(createMatcher(subsetGazetteer(kb, [])).find('Putin in Baku')).toEqual([]);
  });
});
