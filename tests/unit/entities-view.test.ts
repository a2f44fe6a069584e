// The entities page's view model (src/pages/entities/view-model.ts) and the
// rows the background sends it (src/background/entities-handlers.ts): the
// reader's names first, then those the library names, every other known
// name only for a search; the follow form checked as the background checks.
import { describe, expect, it } from 'vitest';
import { entityRow } from '../../src/background/entities-handlers';
import { loadGazetteer } from '../../src/build/gazetteer';
import { EMPTY_PREFS, type EntityPrefs } from '../../src/core/entity-prefs';
import { loadEntityNames } from '../../src/core/entity-names';
import type { EntityListRow } from '../../src/shared/messages';
import { entitiesView, followEdit, KNOWN_SHOWN, matches, removableSpellings, sectionOf, type EntitiesLoad } from '../../src/pages/entities/view-model';

const row = (id: string, over: Partial<EntityListRow> = {}): EntityListRow => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  type: 'place',
  description: '',
  articleCount: 0,
  followed: false,
  own: false,
  muted: false,
  mutedOn: [],
  spellings: [id[0]!.toUpperCase() + id.slice(1)],
  added: [],
  removed: [],
  renamed: false,
  ...over,
});

const ready = (rows: EntityListRow[], problem?: string): EntitiesLoad => ({ status: 'ready', list: { rows, dropped: [], ...(problem ? { problem } : {}) } });

const ROWS = [
  row('russia', { articleCount: 5, spellings: ['Russia', 'Rusia', 'Россия'] }),
  row('baku', { articleCount: 2 }),
  row('chile'),
  row('argentina'),
  row('u-zorbania', { own: true, followed: true, name: 'Zorbania', spellings: ['Zorbania', 'Зорбания'] }),
  row('u-velmar', { own: true, name: 'Velmar' }),
  row('putin', { followed: true, muted: true, articleCount: 5, type: 'person', name: 'Vladimir Putin' }),
  row('moscow', { mutedOn: ['localhost'], articleCount: 3 }),
];

describe('entitiesView', () => {
  it('puts the reader\'s names first, then those the library names, most named first', () => {
    const view = entitiesView(ready(ROWS), '');
    if (view.kind !== 'ready') throw new Error(view.kind);
    expect(view.sections.map((s) => [s.key, s.rows.map((r) => r.id)])).toEqual([
      ['followed', ['putin', 'u-zorbania']],
      ['own', ['u-velmar']],
      ['muted', ['moscow']],
      ['library', ['russia', 'baku']],
    ]);
    expect(view.noneFollowed).toBe(false);
  });

  it('searches every known name, by any spelling, folded, and says when nothing matches', () => {
    const view = entitiesView(ready(ROWS), 'rossiya');
    expect(view.kind === 'ready' && view.noMatch).toBe(true);
    const byCyrillic = entitiesView(ready(ROWS), 'РОССИЯ');
    expect(byCyrillic.kind === 'ready' && byCyrillic.sections.flatMap((s) => s.rows.map((r) => r.id))).toEqual(['russia']);
    const known = entitiesView(ready(ROWS), 'chi');
    expect(known.kind === 'ready' && known.sections).toEqual([{ key: 'known', rows: [ROWS[2]], hidden: 0 }]);
    expect(matches(ROWS[7]!, 'LOCALHOST')).toBe(true);
  });

  it('puts the names that start with the search first, then those that hold it, then spellings', () => {
    const rows = [row('turkey', { spellings: ['Turkey', 'Turchia'], articleCount: 3 }), row('kazakhstan', { articleCount: 1, name: 'Kazakhstan', spellings: ['Kazakhstan', 'Kazachstan'] }), row('ch', { name: 'Chile', articleCount: 1 })];
    const view = entitiesView(ready(rows), 'ch');
    expect(view.kind === 'ready' && view.sections[0]!.rows.map((r) => r.id)).toEqual(['ch', 'turkey', 'kazakhstan']);
  });

  it(`shows ${KNOWN_SHOWN} known names for a wide search, and how many more there are`, () => {
    const many = Array.from({ length: 120 }, (_, i) => row(`place-${i}`, { name: `Place ${i}` }));
    const view = entitiesView(ready(many), 'place');
    expect(view.kind === 'ready' && view.sections.map((s) => [s.key, s.rows.length, s.hidden])).toEqual([['known', KNOWN_SHOWN, 120 - KNOWN_SHOWN]]);
  });

  it('says when nothing is followed, and passes on a refusal of the stored preferences', () => {
    const view = entitiesView(ready([row('chile')], 'NewsContext: the followed names cannot be read: followed is not a list.'), '');
    expect(view).toMatchObject({ kind: 'ready', noneFollowed: true, sections: [], problem: expect.stringContaining('cannot be read') });
    expect(entitiesView({ status: 'loading' }, '')).toEqual({ kind: 'loading' });
    expect(entitiesView({ status: 'error', message: 'gone' }, '')).toEqual({ kind: 'error', message: 'gone' });
  });

  it('says which of the reader\'s spellings another entity has taken, by name', () => {
    const load: EntitiesLoad = { status: 'ready', list: { rows: ROWS, dropped: [{ entityId: 'u-zorbania', alias: 'Baku', ownerId: 'baku' }] } };
    expect(entitiesView(load, '')).toMatchObject({ dropped: [{ name: 'Zorbania', alias: 'Baku', owner: 'Baku' }] });
  });

  it('files each row in the first section that says something about it', () => {
    expect(sectionOf(row('x', { followed: true, own: true, muted: true }))).toBe('followed');
    expect(sectionOf(row('x', { own: true, muted: true }))).toBe('own');
    expect(sectionOf(row('x', { muted: true, articleCount: 4 }))).toBe('muted');
    expect(sectionOf(row('x', { articleCount: 1 }))).toBe('library');
    expect(sectionOf(row('x'))).toBe('known');
  });
});

describe('the follow form', () => {
  it('makes the edit the background expects, aliases split on commas, the type only when chosen', () => {
    expect(followEdit(' Zorbania ', 'Zorbanian, Зорбания ,', '')).toEqual({ ok: true, edit: { kind: 'follow-name', name: ' Zorbania ', aliases: ['Zorbanian', 'Зорбания'] } });
    expect(followEdit('Zorbania', '', 'place')).toEqual({ ok: true, edit: { kind: 'follow-name', name: 'Zorbania', type: 'place' } });
  });

  it('refuses what the background would, saying which name', () => {
    expect(followEdit('', '', '')).toEqual({ ok: false, problem: { kind: 'name', text: '', problem: 'empty' } });
    expect(followEdit('Zorbania', 'ok, 12345', '')).toEqual({ ok: false, problem: { kind: 'name', text: '12345', problem: 'no-letters' } });
    expect(followEdit('Z'.repeat(101), '', '')).toMatchObject({ ok: false, problem: { problem: 'too-long' } });
  });

  it('offers to take away any spelling but the one an own entity is found by', () => {
    expect(removableSpellings(ROWS[4]!)).toEqual(['Зорбания']);
    expect(removableSpellings(ROWS[0]!)).toEqual(['Russia', 'Rusia', 'Россия']);
  });
});

describe('a row, as the background makes it', () => {
  const kb = loadGazetteer();
  const names = loadEntityNames({ format: 'newscontext-entity-names', version: 1, entities: { russia: { en: [{ text: 'Russia' }, { text: 'Russian', weak: true }], id: [{ text: 'Rusia' }] } } });
  const prefs: EntityPrefs = { ...EMPTY_PREFS, followed: ['russia'], overrides: { russia: { name: 'Russian Federation', added: ['RF'], removed: ['Rusia'] } } };

  it('says what the reader made of it: followed, renamed, spellings added and taken away, muted where', () => {
    const russia = kb.entities.find((e) => e.id === 'russia')!;
    expect(entityRow({ ...russia, name: 'Russian Federation' }, prefs, names, 5, ['localhost'])).toMatchObject({
      id: 'russia',
      name: 'Russian Federation',
      articleCount: 5,
      followed: true,
      own: false,
      muted: false,
      mutedOn: ['localhost'],
      spellings: ['Russia', 'RF', 'Russian'],
      added: ['RF'],
      removed: ['Rusia'],
      renamed: true,
    });
  });
});
