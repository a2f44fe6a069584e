import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  compileGazetteer,
  countryNames,
  loadGazetteer,
  unusedEntities,
} from '../../src/build/gazetteer';
import { fold } from '../../src/core/fold';
import { GAZETTEER_VERSION, type EntitySpec } from '../../src/core/types';

const spec = (over: Partial<EntitySpec> & Pick<EntitySpec, 'id'>): EntitySpec => ({
  type: 'person',
  name: 'Someone',
  description: 'Someone in the news.',
  aliases: [{ text: over.id, lang: 'en' }],
  ...over,
});

describe('compileGazetteer', () => {
  test('folds and deduplicates aliases; a name beats a demonym, a free spelling an exact one', () => {
    const g = compileGazetteer([
      spec({
        id: 'erdogan',
        aliases: [
          { text: 'Erdoğan', lang: 'tr' },
          { text: 'Erdogan', lang: 'en' },
          { text: '  Recep   Tayyip Erdoğan ', lang: 'tr' },
          { text: 'Tayyip', lang: 'tr', weak: true },
          { text: 'TAYYIP', lang: 'tr' }, // all caps, so exact: folds like the weak "Tayyip", which covers it
          { text: 'RTE', lang: 'tr' },
        ],
      }),
    ]);
    expect(g.version).toBe(GAZETTEER_VERSION);
    expect(g.entities).toEqual([
      {
        id: 'erdogan',
        type: 'person',
        name: 'Someone',
        description: 'Someone in the news.',
        aliases: ['erdogan', 'recep tayyip erdogan'],
        weak: ['tayyip'],
        exact: ['RTE'],
      },
    ]);
  });

  test('leaves the ids of the reader\'s own entities ("u-…") to the reader', () => {
    expect(() => compileGazetteer([spec({ id: 'u-zorbania' })])).toThrow(/"u-zorbania": ids starting with "u-" are the reader's/);
  });

  test('two entities claiming one alias: the error names the alias and both ids', () => {
    const specs = [
      spec({ id: 'baku', type: 'place', aliases: [{ text: 'Baku', lang: 'mul' }] }),
      spec({ id: 'baku-tembak', aliases: [{ text: 'BAKU', lang: 'id', caseSensitive: false }] }),
    ];
    expect(() => compileGazetteer(specs)).toThrow(/alias "BAKU" is claimed by both "baku" \("Baku"\) and "baku-tembak"/);
    // Folding counts: "Çavuşoğlu" and "Cavusoglu" are one alias; so are a weak and a strong one.
    expect(() =>
      compileGazetteer([
        spec({ id: 'a', aliases: [{ text: 'Çavuşoğlu', lang: 'tr' }] }),
        spec({ id: 'b', aliases: [{ text: 'Cavusoglu', lang: 'en', weak: true }] }),
      ]),
    ).toThrow(/"Cavusoglu".*"a".*"b"/);
  });

  test('refuses bad ids, types, names and descriptions', () => {
    expect(() => compileGazetteer([spec({ id: 'Putin' })])).toThrow(/kebab-case/);
    expect(() => compileGazetteer([spec({ id: 'a' }), spec({ id: 'a', aliases: [{ text: 'b', lang: 'en' }] })])).toThrow(
      /id "a" is used twice/,
    );
    expect(() => compileGazetteer([spec({ id: 'a', type: 'city' as never })])).toThrow(/type must be one of/);
    expect(() => compileGazetteer([spec({ id: 'a', name: ' ' })])).toThrow(/name is empty/);
    expect(() => compileGazetteer([spec({ id: 'a', description: '' })])).toThrow(/description is empty/);
    expect(() => compileGazetteer([spec({ id: 'a', aliases: [] })])).toThrow(/no aliases/);
    expect(() => compileGazetteer([spec({ id: 'a', aliases: [{ text: ' ', lang: 'en' }] })])).toThrow(/no text/);
    expect(() => compileGazetteer([spec({ id: 'a', iso: 'XX' })])).toThrow(/unknown ISO code "XX"/);
    expect(() =>
      compileGazetteer([spec({ id: 'a', aliases: [{ text: 'USA', lang: 'en', weak: true }] })]),
    ).toThrow(/both weak and case-sensitive/);
    expect(() =>
      compileGazetteer([spec({ id: 'a', context: { notFollowedBy: ['tembak!'] } })]),
    ).toThrow(/context.notFollowedBy has "tembak!", not a phrase of words/);
    expect(() => compileGazetteer([spec({ id: 'a', context: { notPrecededBy: [' '] } })])).toThrow(/not a phrase of words/);
  });

  test('adds country names from i18n-iso-countries, with acronyms kept exact', () => {
    const g = compileGazetteer([spec({ id: 'us', type: 'place', iso: 'US', aliases: [] })]);
    const us = g.entities[0]!;
    expect(us.aliases).toEqual(expect.arrayContaining(['united states', 'amerika serikat', 'amerika birlesik devletleri']));
    expect(us.exact).toEqual(expect.arrayContaining(['US', 'USA', 'США', 'ABD']));
    expect(us.aliases).not.toContain('us');
    // Index forms with a comma are left out.
    expect(countryNames('SY').map((n) => n.text)).not.toContain('Syrien, Arabische Republik');
    expect(countryNames('RU')).toEqual(expect.arrayContaining([{ text: 'Россия', lang: 'ru' }, { text: 'Rusya', lang: 'tr' }]));
  });

  test('context phrases are folded, split where words split, with "*" kept', () => {
    const g = compileGazetteer([
      spec({ id: 'a', context: { notFollowedBy: ['Tembak', 'Рулетк*'], notPrecededBy: ['İvan', 'Tête de', "filer à l'"] } }),
    ]);
    expect(g.entities[0]!.context).toEqual({ notFollowedBy: ['tembak', 'рулетк*'], notPrecededBy: ['ivan', 'tete de', 'filer a l'] });
  });

  test('inflected stems that collide are refused too', () => {
    expect(() =>
      compileGazetteer([
        spec({ id: 'a', aliases: [{ text: 'Москва', lang: 'ru' }] }),
        spec({ id: 'b', aliases: [{ text: 'Москвы', lang: 'ru' }] }),
      ]),
    ).toThrow(/"москвы" of "b".*"a"/);
  });
});

describe('the bundled gazetteer', () => {
  const g = loadGazetteer();
  const ids = g.entities.map((e) => e.id);

  test('has every entity the seeds name', () => {
    const required = [
      'putin', 'aliyev', 'erdogan', 'pashinyan', 'zakharova', 'cavusoglu', 'hollande', 'alizade', 'murakhtin',
      'russia', 'azerbaijan', 'armenia', 'turkey', 'ukraine', 'kazakhstan', 'tajikistan', 'chechnya', 'syria',
      'iraq', 'iran', 'france', 'switzerland', 'united-states', 'moscow', 'baku', 'grozny', 'dushanbe', 'yerevan',
      'gyumri', 'sochi', 'geneva', 'nagorno-karabakh', 'south-caucasus', 'black-sea', 'indian-ocean',
      'soviet-union', 'nato', 'isis', 'united-nations', 'azerbaijan-airlines', 'kremlin',
    ];
    expect(ids).toEqual(expect.arrayContaining(required));
    // Article metadata, not entities.
    for (const meta of ['kompas', 'afp', 'ap', 'reuters', 'associated-press']) expect(ids).not.toContain(meta);
  });

  test('aliases are folded, sorted, unique, and owned by one entity', () => {
    const owner = new Map<string, string>();
    for (const e of g.entities) {
      const all = [...e.aliases, ...(e.weak ?? [])];
      for (const a of all) expect(fold(a)).toBe(a);
      expect([...e.aliases].sort()).toEqual(e.aliases);
      for (const a of [...all, ...(e.exact ?? []).map(fold)]) {
        expect(owner.get(a) ?? e.id, `${a} in ${e.id} and ${owner.get(a)}`).toBe(e.id);
        owner.set(a, e.id);
      }
    }
  });

  test('keeps the traps as data', () => {
    const byId = (id: string) => g.entities.find((e) => e.id === id)!;
    expect(byId('baku').context?.notFollowedBy).toEqual(expect.arrayContaining(['tembak', 'hantam']));
    expect(byId('baku').exact).toEqual(['Bakı']);
    expect(byId('united-states').exact).toContain('AS');
    expect(byId('united-nations').exact).toEqual(expect.arrayContaining(['PBB', 'ООН']));
    expect(byId('russia').weak).toEqual(expect.arrayContaining(['russian']));
    expect(byId('moscow').aliases).toEqual(expect.arrayContaining(['moskow', 'moskwa', 'москва']));
  });

  test('is compact enough to ship in the content script', () => {
    const json = JSON.stringify(g);
    expect(json.length).toBeLessThan(16_000);
    expect(gzipSync(json).length).toBeLessThan(6_000);
  });

  test('unusedEntities: only Iraq and Syria, named inside "Negara Islam Irak dan Suriah" (ISIS)', () => {
    const dir = new URL('../../seeds/', import.meta.url);
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'));
    expect(texts).toHaveLength(5);
    // Longest match wins, so the only place the seeds name them is part of ISIS's name.
    expect(unusedEntities(g, texts).sort()).toEqual(['iraq', 'syria']);
    expect(unusedEntities(g, ['Putin di Baku']).length).toBe(g.entities.length - 2);
  });
});
