// The reader's edits (src/core/entity-edits.ts) and the knowledge base they
// make (src/core/effective-kb.ts): following a known name links its entity,
// an unknown one becomes the reader's own; names are data, refused only for
// a reason the reader can act on, and never given to two entities.
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/build/gazetteer';
import { effectiveKnowledge } from '../../src/core/effective-kb';
import { applyEdit, type EditResult, type EntityEdit } from '../../src/core/entity-edits';
import { createLookup } from '../../src/core/entity-lookup';
import { EMPTY_PREFS, type EntityPrefs } from '../../src/core/entity-prefs';
import { createMatcher } from '../../src/core/matcher';

const base = loadGazetteer();

function knowledge(prefs: EntityPrefs) {
  const { gazetteer, dropped } = effectiveKnowledge(base, prefs);
  const matcher = createMatcher(gazetteer);
  return { gazetteer, dropped, matcher, lookup: createLookup(gazetteer, matcher.find) };
}

/** Applies the edits in turn, as the background does; throws on a refusal. */
function edit(prefs: EntityPrefs, ...edits: EntityEdit[]): { prefs: EntityPrefs; last: EditResult } {
  let last: EditResult | undefined;
  for (const e of edits) {
    last = applyEdit({ base, lookup: knowledge(prefs).lookup }, prefs, e);
    if (!last.ok) throw new Error(`refused: ${JSON.stringify(last.problem)}`);
    prefs = last.prefs;
  }
  return { prefs, last: last! };
}

const tryEdit = (prefs: EntityPrefs, e: EntityEdit) => applyEdit({ base, lookup: knowledge(prefs).lookup }, prefs, e);
const ids = (prefs: EntityPrefs, text: string) => knowledge(prefs).matcher.find(text).map((m) => m.entityId);

describe('following a name', () => {
  it('links the entity the knowledge base knows by that name, in any spelling', () => {
    for (const name of ['Putin', 'putin', 'Путина', 'Vladimir Putin']) {
      const { prefs, last } = edit(EMPTY_PREFS, { kind: 'follow-name', name });
      expect(last.ok && last.outcome).toMatchObject({ status: 'followed', id: 'putin', name: 'Vladimir Putin' });
      expect(prefs.followed).toEqual(['putin']);
      expect(prefs.own).toEqual([]);
    }
    const again = edit(edit(EMPTY_PREFS, { kind: 'follow-name', name: 'Putin' }).prefs, { kind: 'follow-name', name: 'Путин' });
    expect(again.last.ok && again.last.outcome.status).toBe('unchanged');
  });

  it('makes an unknown name an entity of the reader\'s, with its aliases, found at once', () => {
    const { prefs, last } = edit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania', aliases: ['Republic of Zorbania', 'Зорбания', 'zorbania'] });
    expect(last.ok && last.outcome).toEqual({ status: 'created', id: 'u-zorbania', name: 'Zorbania', type: 'person' });
    expect(prefs.own).toEqual([{ id: 'u-zorbania', name: 'Zorbania', type: 'person', aliases: ['Republic of Zorbania', 'Зорбания'] }]);
    expect(prefs.followed).toEqual(['u-zorbania']);
    expect(ids(prefs, 'Zorbania, the Republic of Zorbania and Зорбании met Putin.')).toEqual(['u-zorbania', 'u-zorbania', 'u-zorbania', 'putin']);
    // Following it again by another of its names is the same entity.
    expect(edit(prefs, { kind: 'follow-name', name: 'Republic of Zorbania' }).last).toMatchObject({ ok: true, outcome: { status: 'unchanged', id: 'u-zorbania' } });
  });

  it('takes the type asked for; an acronym is an organisation when none is', () => {
    expect(edit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania', type: 'place' }).prefs.own[0]!.type).toBe('place');
    expect(edit(EMPTY_PREFS, { kind: 'follow-name', name: 'ZRB' }).prefs.own[0]!.type).toBe('organisation');
  });

  it('adds the aliases given with a known name to it, and refuses one that another entity has', () => {
    const { prefs } = edit(EMPTY_PREFS, { kind: 'follow-name', name: 'Putin', aliases: ['VVP'] });
    expect(prefs.overrides.putin).toEqual({ added: ['VVP'] });
    expect(ids(prefs, 'VVP said')).toEqual(['putin']);
    const refused = tryEdit(EMPTY_PREFS, { kind: 'follow-name', name: 'Putin', aliases: ['Baku'] });
    expect(refused).toEqual({ ok: false, problem: { kind: 'taken', alias: 'Baku', ownerId: 'baku', ownerName: 'Baku' } });
  });

  it('refuses a new entity whose alias another entity has, naming that entity', () => {
    expect(tryEdit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania', aliases: ['Erdogan'] })).toMatchObject({ ok: false, problem: { kind: 'taken', ownerId: 'erdogan' } });
    // Inflected Russian forms read as the matcher reads them: "Москве" is Moscow's.
    expect(tryEdit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania', aliases: ['Москве'] })).toMatchObject({ ok: false, problem: { kind: 'taken', ownerId: 'moscow' } });
    // Two of the reader's entities cannot share one either.
    const { prefs } = edit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania' });
    expect(tryEdit(prefs, { kind: 'follow-name', name: 'Velmar', aliases: ['ZORBANIA'] })).toMatchObject({ ok: false, problem: { kind: 'taken', ownerId: 'u-zorbania', ownerName: 'Zorbania' } });
  });

  it('refuses an empty name, one over 100 characters, one with no letters, saying which', () => {
    expect(tryEdit(EMPTY_PREFS, { kind: 'follow-name', name: '   ' })).toEqual({ ok: false, problem: { kind: 'name', text: '   ', problem: 'empty' } });
    expect(tryEdit(EMPTY_PREFS, { kind: 'follow-name', name: 'Z'.repeat(101) })).toMatchObject({ ok: false, problem: { problem: 'too-long' } });
    expect(tryEdit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania', aliases: ['#42'] })).toMatchObject({ ok: false, problem: { text: '#42', problem: 'no-letters' } });
  });
});

describe('names as data', () => {
  const hostile = ['🦊 Zorbania', 'Zorb.*ania', '(Zorb|ania)+$', 'Zorbania\\d', '[Zorbania]', 'إسرائيل الكبرى', 'Zorbania 🦊', `Z${'o'.repeat(98)}b`, 'The'];

  it.each(hostile)('%s is matched as the text it is, and leaves the other names as they were', (name) => {
    const { prefs } = edit(EMPTY_PREFS, { kind: 'follow-name', name });
    const m = knowledge(prefs).matcher;
    const text = `Putin met ${name} in Baku. ${name}: Zorbania. The end.`;
    const found = m.find(text).map((x) => [x.entityId, text.slice(x.start, x.end)]);
    expect(found.filter(([id]) => id !== 'putin' && id !== 'baku').length).toBeGreaterThanOrEqual(name === 'The' ? 2 : 1);
    expect(found).toContainEqual(['putin', 'Putin']);
    expect(found).toContainEqual(['baku', 'Baku']);
    // Nothing of it reads as a pattern: a long text without it finds none, quickly.
    const long = 'Zorbaniaaaaaaa (Zorb|ania) [Zorbania '.repeat(20_000);
    const started = performance.now();
    const hits = m.find(long).filter((x) => x.entityId.startsWith('u-'));
    expect(performance.now() - started).toBeLessThan(1000);
    if (name !== '(Zorb|ania)+$' && name !== '[Zorbania]') expect(hits).toEqual([]);
  });

  it('a name that is a common word is the reader\'s to choose: "The" is found only as written with a capital', () => {
    const { prefs } = edit(EMPTY_PREFS, { kind: 'follow-name', name: 'The' });
    expect(ids(prefs, 'The cat and the dog. The end.')).toEqual(['u-the', 'u-the']);
  });
});

describe('changing an entity', () => {
  const followed = edit(EMPTY_PREFS, { kind: 'follow-name', name: 'Zorbania', aliases: ['Zorba'] }).prefs;

  it('renames, retypes and describes a reader\'s entity; its new name is one of its spellings, the old one stays one', () => {
    const { prefs } = edit(followed, { kind: 'rename', id: 'u-zorbania', name: 'Zorbanistan' }, { kind: 'type', id: 'u-zorbania', type: 'place' }, { kind: 'describe', id: 'u-zorbania', description: 'A made-up country.' });
    expect(prefs.own).toEqual([{ id: 'u-zorbania', name: 'Zorbanistan', type: 'place', aliases: ['Zorbania', 'Zorba'], description: 'A made-up country.' }]);
    expect(ids(prefs, 'Zorbanistan, Zorba, Zorbania')).toEqual(['u-zorbania', 'u-zorbania', 'u-zorbania']);
    // Taken away once renamed, the old name finds nothing.
    expect(ids(edit(prefs, { kind: 'remove-alias', id: 'u-zorbania', alias: 'Zorbania' }).prefs, 'Zorbania')).toEqual([]);
    expect(tryEdit(prefs, { kind: 'rename', id: 'u-zorbania', name: 'Baku' })).toMatchObject({ ok: false, problem: { kind: 'taken', ownerId: 'baku' } });
    expect(tryEdit(prefs, { kind: 'describe', id: 'u-zorbania', description: 'two\nlines' })).toMatchObject({ ok: false, problem: { kind: 'description' } });
  });

  it('renames and retypes a known entity as an override; the same as the original drops it', () => {
    const { prefs } = edit(EMPTY_PREFS, { kind: 'rename', id: 'putin', name: 'V. V. Putin' }, { kind: 'type', id: 'baku', type: 'organisation' });
    expect(prefs.overrides).toEqual({ putin: { name: 'V. V. Putin' }, baku: { type: 'organisation' } });
    const g = knowledge(prefs).gazetteer;
    expect(g.entities.find((e) => e.id === 'putin')!.name).toBe('V. V. Putin');
    expect(g.entities.find((e) => e.id === 'baku')!.type).toBe('organisation');
    const back = edit(prefs, { kind: 'rename', id: 'putin', name: 'Vladimir Putin' }, { kind: 'type', id: 'baku', type: 'place' });
    expect(back.prefs.overrides).toEqual({});
    expect(tryEdit(prefs, { kind: 'describe', id: 'putin', description: 'x' })).toMatchObject({ ok: false, problem: { kind: 'not-own' } });
  });

  it('adds and removes aliases of a known entity; a removed one can come back', () => {
    let { prefs } = edit(EMPTY_PREFS, { kind: 'remove-alias', id: 'putin', alias: 'Putin' }, { kind: 'add-alias', id: 'putin', alias: 'Pootin' });
    expect(prefs.overrides.putin).toEqual({ added: ['Pootin'], removed: ['Putin'] });
    expect(ids(prefs, 'Putin, Pootin, Vladimir Putin')).toEqual(['putin', 'putin']);
    prefs = edit(prefs, { kind: 'add-alias', id: 'putin', alias: 'PUTIN' }, { kind: 'remove-alias', id: 'putin', alias: 'pootin' }).prefs;
    expect(prefs.overrides).toEqual({});
    expect(ids(prefs, 'Putin, Pootin')).toEqual(['putin']);
  });

  it('refuses an alias another entity has, one that is not there, and the last name', () => {
    expect(tryEdit(followed, { kind: 'add-alias', id: 'u-zorbania', alias: 'Velmar' })).toMatchObject({ ok: true });
    expect(tryEdit(followed, { kind: 'add-alias', id: 'u-zorbania', alias: 'Alijew' })).toMatchObject({ ok: false, problem: { kind: 'taken', ownerId: 'aliyev' } });
    expect(tryEdit(followed, { kind: 'add-alias', id: 'putin', alias: 'Zorba' })).toEqual({ ok: false, problem: { kind: 'taken', alias: 'Zorba', ownerId: 'u-zorbania', ownerName: 'Zorbania' } });
    expect(tryEdit(followed, { kind: 'remove-alias', id: 'u-zorbania', alias: 'Velmar' })).toMatchObject({ ok: false, problem: { kind: 'not-an-alias' } });
    expect(tryEdit(followed, { kind: 'remove-alias', id: 'u-zorbania', alias: 'Zorbania' })).toMatchObject({ ok: false, problem: { kind: 'last-name' } });
    expect(tryEdit(followed, { kind: 'add-alias', id: 'nobody', alias: 'X' })).toEqual({ ok: false, problem: { kind: 'unknown-entity', id: 'nobody' } });
  });

  it('unfollows, mutes everywhere and on one site, and deletes a reader\'s entity with every trace', () => {
    let { prefs } = edit(followed, { kind: 'follow', id: 'putin' }, { kind: 'mute', id: 'putin' }, { kind: 'mute-site', id: 'u-zorbania', site: 'https://LOCALHOST:8080/x' }, { kind: 'mute-site', id: 'putin', site: 'localhost' });
    expect(prefs).toMatchObject({ followed: ['u-zorbania', 'putin'], muted: ['putin'], mutedOn: { localhost: ['u-zorbania', 'putin'] } });
    expect(tryEdit(prefs, { kind: 'mute-site', id: 'putin', site: 'not a site' })).toMatchObject({ ok: false, problem: { kind: 'site' } });
    prefs = edit(prefs, { kind: 'unfollow', id: 'putin' }, { kind: 'unmute', id: 'putin' }, { kind: 'unmute-site', id: 'putin', site: 'localhost' }, { kind: 'delete', id: 'u-zorbania' }).prefs;
    expect(prefs).toEqual(EMPTY_PREFS);
    expect(tryEdit(prefs, { kind: 'delete', id: 'putin' })).toMatchObject({ ok: false, problem: { kind: 'not-own' } });
  });
});

describe('effectiveKnowledge', () => {
  it('is the knowledge base itself when the reader changed nothing', () => {
    expect(effectiveKnowledge(base, EMPTY_PREFS).gazetteer).toBe(base);
  });

  it('leaves out, and reports, a stored name that another entity has since taken', () => {
    const prefs: EntityPrefs = { ...EMPTY_PREFS, own: [{ id: 'u-x', name: 'Zorbania', type: 'place', aliases: ['Baku', 'Москве'] }], overrides: { putin: { added: ['Zorbania'] } } };
    const { gazetteer, dropped } = effectiveKnowledge(base, prefs);
    // The changes to known entities come first, then the reader's entities in order.
    expect(dropped).toEqual([
      { entityId: 'u-x', alias: 'Zorbania', ownerId: 'putin' },
      { entityId: 'u-x', alias: 'Baku', ownerId: 'baku' },
      { entityId: 'u-x', alias: 'Москве', ownerId: 'moscow' },
    ]);
    // It still compiles: the reader's entity is there, with no name to find.
    expect(createMatcher(gazetteer).entity('u-x')).toMatchObject({ name: 'Zorbania', aliases: [] });
  });
});
