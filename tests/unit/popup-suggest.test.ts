import { describe, expect, it } from 'vitest';
import type { CompiledEntity } from '../../src/core/types';
import { editDistance, suggestEntities } from '../../src/popup/suggest';

const entity = (id: string, name: string, aliases: string[]): CompiledEntity => ({ id, type: 'person', name, description: '', aliases });
const ENTITIES = [
  entity('pashinyan', 'Nikol Pashinyan', ['nikol pashinyan', 'pashinyan', 'пашинян']),
  entity('erdogan', 'Recep Tayyip Erdoğan', ['recep tayyip erdogan', 'erdogan']),
  entity('aliyev', 'Ilham Aliyev', ['ilham aliyev', 'aliyev']),
  entity('alizade', 'Zardusht Alizade', ['zardusht alizade', 'alizade']),
];

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
    expect(editDistance('', 'abc', 5)).toBe(3);
  });
  it('stops early past the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('suggestEntities', () => {
  it('finds a name from a misspelling of one of its words, diacritics folded', () => {
    expect(suggestEntities('Pashinian', ENTITIES).map((e) => e.id)).toEqual(['pashinyan']);
    expect(suggestEntities('Erdoğn', ENTITIES).map((e) => e.id)).toEqual(['erdogan']);
  });

  it('ranks the closest first', () => {
    const withNamesake = [...ENTITIES, entity('erdogdu', 'Ayla Erdoğdu', ['ayla erdogdu', 'erdogdu'])];
    // "erdogdan" is one edit from "erdogan", two from "erdogdu".
    expect(suggestEntities('Erdogdan', withNamesake).map((e) => e.id)).toEqual(['erdogan', 'erdogdu']);
  });

  it('suggests nothing for short or unrelated queries', () => {
    expect(suggestEntities('al', ENTITIES)).toEqual([]);
    expect(suggestEntities('sourdough', ENTITIES)).toEqual([]);
  });
});
