// entity-names.json: the spellings by language that the entity page shows,
// written by the build from the gazetteer source and refused when not ours.
import { describe, expect, it } from 'vitest';
import { entityNamesFile, namesByLanguage } from '../../src/build/entity-names';
import { gazetteerSource } from '../../src/build/gazetteer';
import { ENTITY_NAMES_FORMAT, ENTITY_NAMES_VERSION, loadEntityNames } from '../../src/core/entity-names';
import type { EntitySpec } from '../../src/core/types';

const spec = (over: Partial<EntitySpec>): EntitySpec => ({
  id: 'someone',
  type: 'person',
  name: 'Someone',
  description: 'Someone in the news.',
  aliases: [],
  ...over,
});

describe('namesByLanguage', () => {
  it('groups spellings by language, as written, each once, a name winning over the same demonym', () => {
    const names = namesByLanguage(
      spec({
        aliases: [
          { text: 'Erdoğan', lang: 'mul' },
          { text: '  Recep   Tayyip Erdoğan ', lang: 'tr' },
          { text: 'Turkish', lang: 'en', weak: true },
          { text: 'Erdoğan', lang: 'mul' },
          { text: 'Эрдоган', lang: 'ru' },
          { text: 'Turkish', lang: 'en' },
        ],
      }),
    );
    expect(names).toEqual({
      mul: [{ text: 'Erdoğan' }],
      tr: [{ text: 'Recep Tayyip Erdoğan' }],
      en: [{ text: 'Turkish' }],
      ru: [{ text: 'Эрдоган' }],
    });
  });

  it('adds the country names the gazetteer adds, and keeps demonyms marked', () => {
    const names = namesByLanguage(spec({ id: 'russia', type: 'place', iso: 'RU', aliases: [{ text: 'Russian', lang: 'en', weak: true }] }));
    expect(names.en).toEqual(expect.arrayContaining([{ text: 'Russia' }, { text: 'Russian', weak: true }]));
    expect(names.id).toEqual(expect.arrayContaining([{ text: 'Rusia' }]));
    expect(names.ru).toEqual(expect.arrayContaining([{ text: 'Россия' }]));
  });
});

describe('entity-names.json', () => {
  const file = entityNamesFile(gazetteerSource());

  it('has every gazetteer entity, with the source spellings of the bundled ids', () => {
    expect(Object.keys(file.entities).sort()).toEqual(gazetteerSource().map((e) => e.id).sort());
    const names = loadEntityNames(JSON.parse(JSON.stringify(file)));
    expect(names.of('putin')?.ru).toEqual(expect.arrayContaining([{ text: 'Владимир Путин' }, { text: 'Путин' }]));
    expect(names.of('putin')?.mul).toEqual([{ text: 'Putin' }]);
    expect(names.of('nobody')).toBeUndefined();
  });

  it('is refused, saying to rebuild, when it is not ours, of another version, or malformed', () => {
    expect(() => loadEntityNames({ format: 'other' })).toThrow(/Not a NewsContext entity-names file: rebuild/);
    expect(() => loadEntityNames({ format: ENTITY_NAMES_FORMAT, version: ENTITY_NAMES_VERSION + 1, entities: {} })).toThrow(
      /version 2, expected 1: rebuild/,
    );
    expect(() => loadEntityNames({ format: ENTITY_NAMES_FORMAT, version: ENTITY_NAMES_VERSION })).toThrow(/"entities" is missing/);
    expect(() =>
      loadEntityNames({ format: ENTITY_NAMES_FORMAT, version: ENTITY_NAMES_VERSION, entities: { putin: { en: [{ text: 42 }] } } }),
    ).toThrow(/"putin" is malformed/);
  });
});
