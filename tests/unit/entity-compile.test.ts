// One entity's compilation (src/core/entity-compile.ts), shared by the build
// and the reader's own names at run time; and the trie path that says when two
// aliases collide in the matcher (src/core/matcher.ts, triePath).
import { describe, expect, it } from 'vitest';
import { aliasKey, compileEntity, normalizeName } from '../../src/core/entity-compile';
import { createMatcher } from '../../src/core/matcher';
import { triePath } from '../../src/core/inflection';
import { GAZETTEER_VERSION, type CompiledEntity, type EntitySpec } from '../../src/core/types';

const spec = (over: Partial<EntitySpec>): EntitySpec => ({
  id: 'x',
  type: 'place',
  name: 'X',
  description: 'Somewhere.',
  aliases: [{ text: 'X', lang: 'mul' }],
  ...over,
});

describe('compileEntity', () => {
  it('folds, deduplicates and marks acronyms exact, as the build does', () => {
    const { entity, keys } = compileEntity(
      spec({ id: 'zorbania', name: 'Zorbania', aliases: [{ text: 'Zorbania', lang: 'mul' }, { text: ' ZORBANIA ', lang: 'mul' }, { text: 'ZRB', lang: 'mul' }, { text: 'Zorbanian', lang: 'en', weak: true }] }),
    );
    expect(entity).toEqual({ id: 'zorbania', type: 'place', name: 'Zorbania', description: 'Somewhere.', aliases: ['zorbania'], weak: ['zorbanian'], exact: ['ZRB'] });
    expect(keys.map(([k]) => k)).toEqual(['zorbania', 'zorbania', 'zrb', 'zorbanian']);
  });

  it('composes a decomposed spelling before folding, so that its marks fold away', () => {
    expect(normalizeName('  Zorba\u0301nia \n  City ')).toBe('Zorbánia City');
    expect(aliasKey({ text: 'Zorba\u0301nia' }).key).toBe('zorbania');
    const { entity } = compileEntity(spec({ aliases: [{ text: 'Zorba\u0301nia', lang: 'mul' }] }));
    const m = createMatcher({ version: GAZETTEER_VERSION, entities: [entity] });
    expect(m.find('In Zorbánia, and in Zorbania.').length).toBe(2);
  });

  it('lets a description be empty only when asked', () => {
    expect(() => compileEntity(spec({ description: '' }))).toThrow(/description is empty/);
    expect(compileEntity(spec({ description: '' }), { descriptionOptional: true }).entity.description).toBe('');
  });

  it('refuses what no entity can be', () => {
    expect(() => compileEntity(spec({ id: 'Not Kebab' }))).toThrow(/kebab-case/);
    expect(() => compileEntity(spec({ type: 'thing' as never }))).toThrow(/type must be/);
    expect(() => compileEntity(spec({ aliases: [] }))).toThrow(/no aliases/);
    expect(() => compileEntity(spec({ aliases: [{ text: '   ', lang: 'en' }] }))).toThrow(/has no text/);
  });
});

describe('triePath', () => {
  const entity = (id: string, alias: string, exact = false): CompiledEntity =>
    exact ? { id, type: 'person', name: id, description: '', aliases: [], exact: [alias] } : { id, type: 'person', name: id, description: '', aliases: [alias] };
  const collides = (a: CompiledEntity, b: CompiledEntity) => {
    try {
      createMatcher({ version: GAZETTEER_VERSION, entities: [a, b] });
      return false;
    } catch {
      return true;
    }
  };
  const pairs: Array<[string, boolean, string, boolean]> = [
    ['путин', false, 'путину', false],
    ['путин', false, 'путина', false],
    ['москва', false, 'москве', false],
    ['москва', false, 'москвы', false],
    ['us', false, 'US', true],
    ['baku', false, 'baki', false],
    ['нью-йорк', false, 'нью-йорка', false],
    ['зорба', false, 'зорбу', false],
    ['сочи', false, 'соча', false],
  ];
  it.each(pairs)('%s and %s collide in the matcher exactly when their paths are one', (a, ax, b, bx) => {
    const fa = ax ? a.toLowerCase() : a;
    const fb = bx ? b.toLowerCase() : b;
    expect(triePath(fa, ax) === triePath(fb, bx)).toBe(collides(entity('a', a, ax), entity('b', b, bx)));
  });
});
