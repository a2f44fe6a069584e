// The reader's stored entity preferences (src/core/entity-prefs.ts): read back
// as written, older versions migrated, anything else refused with the reason.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_PREFS,
  ENTITY_PREFS_FORMAT,
  ENTITY_PREFS_VERSION,
  EntityPrefsError,
  readEntityPrefs,
  toStoredPrefs,
  type EntityPrefs,
  type Migration,
} from '../../src/core/entity-prefs';
import { defaultType, nameProblem, normalizeSite, ownEntityId, splitAliases, uniqueNames } from '../../src/core/reader-names';

const prefs: EntityPrefs = {
  followed: ['putin', 'u-zorbania'],
  own: [{ id: 'u-zorbania', name: 'Zorbania', type: 'place', aliases: ['Republic of Zorbania', 'Зорбания'], description: 'A country nobody anticipated.' }],
  overrides: { russia: { name: 'Russian Federation', added: ['RF'], removed: ['Rus'] }, baku: { type: 'place' } },
  muted: ['moscow'],
  mutedOn: { localhost: ['putin'], 'news.example.org': ['russia', 'baku'] },
};

const stored = () => structuredClone(toStoredPrefs(prefs)) as unknown as Record<string, unknown>;

describe('readEntityPrefs', () => {
  it('reads back what was stored, and nothing stored as no preferences', () => {
    expect(readEntityPrefs(stored())).toEqual(prefs);
    expect(readEntityPrefs(undefined)).toEqual(EMPTY_PREFS);
    expect(readEntityPrefs(toStoredPrefs(EMPTY_PREFS))).toEqual(EMPTY_PREFS);
  });

  it('refuses another format, a missing or newer version, saying what to do', () => {
    expect(() => readEntityPrefs({ ...stored(), format: 'other' })).toThrow(/not NewsContext preferences/);
    expect(() => readEntityPrefs('followed')).toThrow(EntityPrefsError);
    expect(() => readEntityPrefs({ ...stored(), version: undefined })).toThrow(/no valid version \(undefined\)/);
    expect(() => readEntityPrefs({ ...stored(), version: 1.5 })).toThrow(/no valid version/);
    expect(() => readEntityPrefs({ ...stored(), version: ENTITY_PREFS_VERSION + 1 })).toThrow(/newer NewsContext .* update the extension/);
  });

  const broken: Array<[string, (r: Record<string, unknown>) => void, RegExp]> = [
    ['an unknown field', (r) => (r.extra = 1), /unknown field "extra"/],
    ['followed not a list', (r) => (r.followed = 'putin'), /followed is not a list/],
    ['an id that is not one', (r) => (r.followed = ['Putin!']), /followed\[0\] is not an entity id/],
    ['an entity followed twice', (r) => (r.followed = ['putin', 'putin']), /names an entity twice/],
    ['an own entity without the u- prefix', (r) => ((r.own as Array<Record<string, unknown>>)[0]!.id = 'zorbania'), /own\[0\]\.id/],
    ['an own entity with an empty name', (r) => ((r.own as Array<Record<string, unknown>>)[0]!.name = '  '), /own\[0\]\.name is not a name/],
    ['an alias of 101 characters', (r) => ((r.own as Array<Record<string, unknown>>)[0]!.aliases = ['x'.repeat(101)]), /own\[0\]\.aliases\[0\] is not a name/],
    ['an alias with no letter', (r) => ((r.own as Array<Record<string, unknown>>)[0]!.aliases = ['123 !!']), /aliases\[0\] is not a name/],
    ['a type of its own', (r) => ((r.own as Array<Record<string, unknown>>)[0]!.type = 'planet'), /own\[0\]\.type/],
    ['a description of two lines', (r) => ((r.own as Array<Record<string, unknown>>)[0]!.description = 'a\nb'), /not one line/],
    ['two own entities with one id', (r) => (r.own = [...(r.own as unknown[]), ...(r.own as unknown[])]), /two entities with one id/],
    ['an override of an own entity', (r) => (r.overrides = { 'u-zorbania': { name: 'Z' } }), /not for an entity of the knowledge base/],
    ['an override with an unknown change', (r) => (r.overrides = { russia: { colour: 'red' } }), /unknown field "colour"/],
    ['a site that is no hostname', (r) => (r.mutedOn = { 'http://localhost/page': ['putin'] }), /not a hostname/],
    ['a site in capitals', (r) => (r.mutedOn = { LOCALHOST: ['putin'] }), /not a hostname/],
  ];
  it.each(broken)('refuses %s, naming the field', (_, breakIt, message) => {
    const r = stored();
    breakIt(r);
    expect(() => readEntityPrefs(r)).toThrow(message);
  });
});

describe('migrations', () => {
  // Version 1 is the first: the chain is tested with a made-up next version.
  const toV2: Migration = (old) => ({ ...old, version: 2, followed: [...(old.followed as string[]), 'baku'] });

  it('runs each step from the stored version to the current one', () => {
    expect(readEntityPrefs(stored(), { 1: toV2 }, 2).followed).toEqual(['putin', 'u-zorbania', 'baku']);
  });

  it('refuses a version with no way forward, and a step that does not end where it should', () => {
    expect(() => readEntityPrefs(stored(), {}, 2)).toThrow(/no migration from version 1/);
    expect(() => readEntityPrefs(stored(), { 1: (old) => ({ ...old }) }, 2)).toThrow(/did not give version 2/);
    // What a step produces is validated like any record.
    expect(() => readEntityPrefs(stored(), { 1: (old) => ({ ...old, version: 2, followed: 'x' }) }, 2)).toThrow(/followed is not a list/);
  });

  it('stores under its format and version', () => {
    expect(toStoredPrefs(EMPTY_PREFS)).toMatchObject({ format: ENTITY_PREFS_FORMAT, version: ENTITY_PREFS_VERSION });
  });
});

describe('names the reader types', () => {
  it('accepts any name with a letter, up to 100 characters, and says why not otherwise', () => {
    expect(nameProblem('Zorbania')).toBeNull();
    expect(nameProblem('  ')).toBe('empty');
    expect(nameProblem('x'.repeat(101))).toBe('too-long');
    expect(nameProblem(` ${'x'.repeat(100)} `)).toBeNull();
    // Characters, not UTF-16 units: 100 emoji and a letter are 101.
    expect(nameProblem(`${'🦊'.repeat(99)}a`)).toBeNull();
    expect(nameProblem('🦊🦊 42 ?!')).toBe('no-letters');
    expect(nameProblem('.*')).toBe('no-letters');
    for (const hostile of ['Zorb.*', '(Zorb|ania)+$', 'Zorbania\\', '[Zorbania', 'إسرائيل', 'Zorbania 🦊', 'the']) expect(nameProblem(hostile)).toBeNull();
  });

  it('splits the form\'s aliases on commas, tidy and once each', () => {
    expect(splitAliases(' Zorbanian , ,Republic  of Zorbania,')).toEqual(['Zorbanian', 'Republic of Zorbania']);
    expect(uniqueNames(['Zorbania', 'ZORBANIA', 'zorbánia', 'Zorba'])).toEqual(['Zorbania', 'Zorba']);
  });

  it('makes a stable, unique id for a reader\'s entity, whatever its script', () => {
    const none = () => false;
    expect(ownEntityId('Zorbania', none)).toBe('u-zorbania');
    expect(ownEntityId('  Ülkü  Şahin ', none)).toBe('u-ulku-sahin');
    expect(ownEntityId('Zorbania', (id) => id === 'u-zorbania' || id === 'u-zorbania-2')).toBe('u-zorbania-3');
    const cyrillic = ownEntityId('Зорбания', none);
    expect(cyrillic).toMatch(/^u-[a-z0-9]+$/);
    expect(ownEntityId('ЗОРБАНИЯ', none)).toBe(cyrillic);
    expect(ownEntityId('x'.repeat(100), none).length).toBeLessThanOrEqual(42);
  });

  it('gives a new name a type without asking: an acronym is an organisation, anything else a person', () => {
    expect(defaultType('ZRB')).toBe('organisation');
    expect(defaultType('Anna Zorbanova')).toBe('person');
    expect(defaultType('Zorbania')).toBe('person');
  });

  it('reads a site from a hostname or a pasted address, as location.hostname has it', () => {
    expect(normalizeSite('localhost')).toBe('localhost');
    expect(normalizeSite(' News.Example.org ')).toBe('news.example.org');
    expect(normalizeSite('https://www.example.com/a/b?c')).toBe('www.example.com');
    expect(normalizeSite('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normalizeSite('bücher.de')).toBe('xn--bcher-kva.de');
    expect(normalizeSite('')).toBeNull();
    expect(normalizeSite('not a site')).toBeNull();
  });
});
