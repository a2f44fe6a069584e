// Context rules (src/core/context-rules.ts): the words around a name that say
// it is not the entity, in each language they apply to.
import { describe, expect, test } from 'vitest';
import { compileGazetteer, EXPRESSIONS, loadGazetteer } from '../../src/build/gazetteer';
import { createMatcher } from '../../src/core/matcher';
import type { EntitySpec } from '../../src/core/types';

const m = createMatcher(loadGazetteer());
const ids = (text: string, matcher = m) => matcher.find(text).map((x) => `${x.entityId}:${text.slice(x.start, x.end)}`);

describe('someone else with the same surname', () => {
  test('a different given name before the surname is someone else, in every script', () => {
    expect(ids('Heydar Aliyev founded the modern state.')).toEqual([]);
    expect(ids('Sejak era Heydar Aliyev, Azerbaijan berubah.')).toEqual(['azerbaijan:Azerbaijan']);
    expect(ids('Гейдар Алиев был президентом.')).toEqual([]);
    expect(ids('First lady Emine Erdoğan visited the school.')).toEqual([]);
    expect(ids('Bilal Erdoğan, the president’s son, spoke.')).toEqual([]);
    expect(ids('Lyudmila Putin was not there.')).toEqual([]);
  });

  test('the person’s own names, titles and sentence openers are not someone else', () => {
    expect(ids('Ilham Aliyev met Putin.')).toEqual(['aliyev:Ilham Aliyev', 'putin:Putin']);
    expect(ids('İlham Əliyev said.')).toEqual(['aliyev:İlham Əliyev']);
    expect(ids('President Aliyev and Prime Minister Pashinyan met.')).toEqual(['aliyev:Aliyev', 'pashinyan:Pashinyan']);
    expect(ids('Presiden Erdogan tiba. Kata Erdogan, perang harus berakhir. Menurut Putin, tidak.')).toEqual([
      'erdogan:Erdogan',
      'erdogan:Erdogan',
      'putin:Putin',
    ]);
    expect(ids('Президент Путин заявил. Cumhurbaşkanı Erdoğan konuştu. Laut Putin ist das so.')).toEqual([
      'putin:Путин',
      'erdogan:Erdoğan',
      'putin:Putin',
    ]);
    expect(ids('Tayyip Erdoğan spoke; Vladimir Putin listened.')).toEqual(['erdogan:Tayyip Erdoğan', 'putin:Vladimir Putin']);
  });

  test('a name right after another name, an acronym or a possessive is no given name', () => {
    expect(ids('Erdoğan Putin’le görüştü.')).toEqual(['erdogan:Erdoğan', 'putin:Putin']);
    expect(ids('Azerbaijan’s Aliyev and PM Pashinyan')).toEqual(['azerbaijan:Azerbaijan', 'aliyev:Aliyev', 'pashinyan:Pashinyan']);
    expect(ids('BAKU Aliyev said on Monday.')).toEqual(['baku:BAKU', 'aliyev:Aliyev']);
  });

  test('initials: the person’s own, or someone else’s', () => {
    expect(ids('V. Putin signed it.')).toEqual(['putin:Putin']);
    expect(ids('M. Aliyev, a chess player, won.')).toEqual([]);
  });

  test('a Title Case headline capitalises every word: no given name is read there', () => {
    expect(ids('Turkey Welcomes Aliyev After Talks')).toEqual(['turkey:Turkey', 'aliyev:Aliyev']);
    expect(ids('Turkey welcomes Ramil Aliyev after talks')).toEqual(['turkey:Turkey']);
  });

  test('places and organisations have no surnames', () => {
    expect(ids('Greater Moscow and Central Baku.')).toEqual(['moscow:Moscow', 'baku:Baku']);
  });
});

describe('phrases around a name', () => {
  const spec = (context: EntitySpec['context']): EntitySpec => ({
    id: 'russia',
    type: 'place',
    name: 'Russia',
    description: 'Country.',
    aliases: [
      { text: 'Russia', lang: 'en' },
      { text: 'Russian', lang: 'en', weak: true },
      { text: 'русский', lang: 'ru', weak: true },
      { text: 'russe', lang: 'fr', weak: true },
      { text: 'Turc', lang: 'fr', weak: true },
    ],
    context,
  });
  const g = createMatcher(
    compileGazetteer([spec({ notFollowedBy: ['roulette', 'рулетк*'], notPrecededBy: ['roulette', 'tête de', "filer à l'"] })]),
  );

  test('hold in any case, and across inflection with "*"', () => {
    expect(ids('Russian roulette. RUSSIAN ROULETTE. Russian Roulette Returns', g)).toEqual([]);
    expect(ids('Русская рулетка. Русскую рулетку. Русской рулеткой', g)).toEqual([]);
    expect(ids('la roulette russe. La Roulette Russe', g)).toEqual([]);
    expect(ids('Russian troops. Русская армия', g)).toEqual(['russia:Russian', 'russia:Русская']);
  });

  test('phrases of several words, across hyphens and apostrophes', () => {
    expect(ids('Il est la tête de Turc du gouvernement.', g)).toEqual([]);
    expect(ids('La Tête-de-Turc', g)).toEqual([]);
    expect(ids('de Turc', g)).toEqual(['russia:Turc']);
    expect(ids("Il a filé à l'anglaise, filer à l'Russe", g)).toEqual([]);
  });
});

describe('fixed expressions (src/core/gazetteer/expressions.json)', () => {
  test('name every entity they are written for', () => {
    const known = new Set(loadGazetteer().entities.map((e) => e.id));
    expect(Object.keys(EXPRESSIONS).filter((id) => !known.has(id))).toEqual([]);
  });

  test('a dish, a drink, a game or a figure of speech is not the place', () => {
    expect(ids('He ordered a Moscow Mule and some French Fries.')).toEqual([]);
    expect(ids('Russian Roulette, Turkish Delight and Turkish coffee; American football.')).toEqual([]);
    expect(ids('Dia bermain rolet Rusia sambil minum kopi Turki.')).toEqual([]);
    expect(ids('Rus salatası ve Rus ruleti; Fransız kaldım.')).toEqual([]);
    expect(ids('Roast Turkey With Gravy; Thanksgiving Turkey')).toEqual([]);
  });

  test('the place itself still is', () => {
    expect(ids('Moscow said; French troops; Russian officials; Turkey voted.')).toEqual([
      'moscow:Moscow',
      'france:French',
      'russia:Russian',
      'turkey:Turkey',
    ]);
    expect(ids('Rusia dan Turki sepakat.')).toEqual(['russia:Rusia', 'turkey:Turki']);
  });
});
