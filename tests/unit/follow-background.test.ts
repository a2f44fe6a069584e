// The background's side of following (src/background/knowledge.ts,
// names-sync.ts, follow-selection.ts, lit-publisher.ts; src/core/reprofile.ts):
// an edit is checked, stored, then applied; the library's concerned articles
// are profiled again through its public interface, so that cards, related
// lists and search follow; the pages get the lit names with their per-site
// mutes; a selection followed from the page says what happened.
import { beforeEach, describe, expect, it } from 'vitest';
import { createEntityHandlers } from '../../src/background/entity-handlers';
import { followSelection } from '../../src/background/follow-selection';
import { createKnowledge, type PrefsStorage } from '../../src/background/knowledge';
import { createLitPublisher, litGazetteer } from '../../src/background/lit-publisher';
import { readerLibrary, syncNames } from '../../src/background/names-sync';
import { loadGazetteer } from '../../src/build/gazetteer';
import { effectiveNames } from '../../src/core/effective-kb';
import { EMPTY_PREFS, readEntityPrefs, toStoredPrefs, type EntityPrefs } from '../../src/core/entity-prefs';
import { indexOf, LayeredIndex } from '../../src/core/name-index';
import { buildLibrary, loadLibrary, type Library } from '../../src/core/library';
import { changedEntities, reprofileLibrary } from '../../src/core/reprofile';
import type { Article } from '../../src/core/types';
import { forSite } from '../../src/shared/lit-gazetteer';
import { LIT_GAZETTEER_KEY } from '../../src/shared/lit-key';
import { DEFAULT_SETTINGS, type PageNoticeMessage } from '../../src/shared/messages';
import { fakeBrowser, resetFakeBrowser } from './helpers/fake-browser';

const base = loadGazetteer();

/** Preferences kept in memory, as storage.local would keep them (or refuse to). */
function memoryStorage(initial?: unknown) {
  let stored: unknown = initial;
  const storage: PrefsStorage & { stored(): unknown; failNext: boolean } = {
    failNext: false,
    load: async () => readEntityPrefs(stored),
    store: async (prefs: EntityPrefs) => {
      if (storage.failNext) {
        storage.failNext = false;
        throw new Error('QuotaExceededError');
      }
      stored = structuredClone(toStoredPrefs(prefs));
    },
    stored: () => stored,
  };
  return storage;
}

const article = (id: string, lead: string, lang = 'en'): Article => ({ id, title: `Report ${id}`, source: 'Wire', date: '2025-01-02', lead, paragraphs: ['More follows.'], lang });

const ARTICLES = [
  article('a1', 'Zorbania and Putin signed a deal in Baku. Zorbania will export grain.'),
  article('a2', 'The Zorbanian envoy met officials in Moscow.'),
  article('a3', 'Nothing of note happened in Baku.'),
];

describe('knowledge', () => {
  it('checks an edit, stores it, then reads the names it makes', async () => {
    const storage = memoryStorage();
    const k = createKnowledge(base, storage);
    const heard: string[][] = [];
    k.onChange((before, after) => heard.push(changedEntities(before, after)));
    await k.ready;
    expect(k.matcher.find('Zorbania')).toEqual([]);
    const result = await k.edit({ kind: 'follow-name', name: 'Zorbania', type: 'place' });
    expect(result).toMatchObject({ ok: true, outcome: { status: 'created', id: 'u-zorbania' } });
    expect(k.matcher.find('In Zorbania.').map((m) => m.entityId)).toEqual(['u-zorbania']);
    expect(k.matcher.entity('u-zorbania')).toMatchObject({ name: 'Zorbania', type: 'place' });
    expect(readEntityPrefs(storage.stored()).followed).toEqual(['u-zorbania']);
    expect(heard).toEqual([['u-zorbania']]);
    // Following a known name changes the preferences only: the names stay as they were.
    await k.edit({ kind: 'follow-name', name: 'Baku' });
    expect(heard).toEqual([['u-zorbania'], []]);
  });

  it('a refused edit, or a write that fails, changes nothing', async () => {
    const storage = memoryStorage();
    const k = createKnowledge(base, storage);
    expect(await k.edit({ kind: 'follow-name', name: '' })).toMatchObject({ ok: false, problem: { kind: 'name', problem: 'empty' } });
    storage.failNext = true;
    await expect(k.edit({ kind: 'follow-name', name: 'Zorbania' })).rejects.toThrow(/Quota/);
    expect(k.prefs()).toEqual(EMPTY_PREFS);
    expect(k.matcher.find('Zorbania')).toEqual([]);
    // The next edit runs on what is stored.
    expect(await k.edit({ kind: 'follow-name', name: 'Zorbania' })).toMatchObject({ ok: true });
  });

  it('reads stored preferences at start, and refuses malformed ones loudly until the reader starts again', async () => {
    const stored = toStoredPrefs({ ...EMPTY_PREFS, own: [{ id: 'u-zorbania', name: 'Zorbania', type: 'place', aliases: [] }], followed: ['u-zorbania'] });
    const k = createKnowledge(base, memoryStorage(stored));
    await k.ready;
    expect(k.matcher.find('Zorbania').map((m) => m.entityId)).toEqual(['u-zorbania']);

    const broken = createKnowledge(base, memoryStorage({ ...stored, followed: 'zorbania' }));
    await broken.ready;
    expect(broken.problem()).toMatch(/followed is not a list/);
    expect(broken.prefs()).toEqual(EMPTY_PREFS);
    await expect(broken.edit({ kind: 'follow-name', name: 'Zorbania' })).rejects.toThrow(/followed is not a list/);
    await broken.reset();
    expect(broken.problem()).toBeUndefined();
    expect(await broken.edit({ kind: 'follow-name', name: 'Zorbania' })).toMatchObject({ ok: true });
  });
});

describe('the reader\'s names everywhere the background names entities', () => {
  it('the entity page knows a reader\'s entity, its spellings and the articles naming it', async () => {
    const k = createKnowledge(base, memoryStorage());
    const library = buildLibrary(ARTICLES, k.libraryMatcher);
    const sync = syncNames(k, { library: async () => library, publish: async () => undefined, announce: async () => undefined });
    await k.edit({ kind: 'follow-name', name: 'Zorbania', aliases: ['Зорбания'], type: 'place' });
    await sync.idle();
    const handlers = createEntityHandlers({
      matcher: k.matcher,
      library: async () => library,
      entityNames: async () => ({ of: (id: string) => effectiveNames(k.prefs(), id, undefined) }),
    });
    const page = await handlers.entity({ id: 'u-zorbania' }, { tabId: undefined, frameId: 0 });
    expect(page?.entity).toEqual({ id: 'u-zorbania', name: 'Zorbania', type: 'place', description: '' });
    expect(page?.names).toEqual({ mul: [{ text: 'Zorbania' }, { text: 'Зорбания' }] });
    expect(page?.articles.map((a) => a.id)).toEqual(['a1']);
  });

  it('an index laid over the bundled one answers for the entities the reader changed, and only them', () => {
    const index = new LayeredIndex(indexOf(base), new Set(['baku']));
    expect(indexOf(base).pathOwner('baku')).toBe('baku');
    // Baku's spellings are the layer's to say now: none yet.
    expect(index.pathOwner('baku')).toBeUndefined();
    expect(index.pathOwner('putin')).toBe('putin');
    index.add({ ...base.entities.find((e) => e.id === 'baku')!, aliases: ['bakou'] });
    expect(index.pathOwner('bakou')).toBe('baku');
    expect(index.keyOwner('bakou')).toBe('baku');
    expect(index.keyOwner('baku')).toBeUndefined();
  });
});

describe('profiling the library again', () => {
  async function setUp(initial?: unknown) {
    const k = createKnowledge(base, memoryStorage(initial));
    await k.ready;
    const library = buildLibrary(ARTICLES, k.libraryMatcher);
    const calls = { publish: 0, announce: 0 };
    const sync = syncNames(k, {
      library: async () => library,
      publish: async () => void calls.publish++,
      announce: async () => void calls.announce++,
    });
    return { k, library, calls, sync };
  }

  it('after a follow, the articles naming the new entity join its card, and search finds them by its names', async () => {
    const { k, library, calls, sync } = await setUp();
    await k.edit({ kind: 'follow-name', name: 'Zorbania', aliases: ['Зорбания', 'Zorbanian'], type: 'place' });
    await sync.idle();
    expect(library.withEntity('u-zorbania').map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(library.entityDocFrequency('u-zorbania')).toBe(2);
    expect(library.get('a1')!.entities['putin']).toBeDefined();
    // A spelling no article uses finds them through the entity.
    expect(library.search('Зорбания').map((h) => h.id).sort()).toEqual(['a1', 'a2']);
    expect(calls).toEqual({ publish: 2, announce: 1 });

    // Renamed, it is searched by its new name too (its old name stays a spelling); deleted, it leaves the articles.
    await k.edit({ kind: 'rename', id: 'u-zorbania', name: 'Zorbanistan' });
    await sync.idle();
    expect(library.search('Zorbanistan').map((h) => h.id).sort()).toEqual(['a1', 'a2']);
    await k.edit({ kind: 'delete', id: 'u-zorbania' });
    await sync.idle();
    expect(library.withEntity('u-zorbania')).toEqual([]);
    expect(Object.keys(library.get('a1')!.entities).sort()).toEqual(['baku', 'putin']);
  });

  it('a spelling taken from a known entity leaves the articles that only used it', async () => {
    const { k, library, sync } = await setUp();
    expect(library.withEntity('baku').map((a) => a.id)).toEqual(['a1', 'a3']);
    await k.edit({ kind: 'add-alias', id: 'baku', alias: 'Bakou' });
    await k.edit({ kind: 'remove-alias', id: 'baku', alias: 'Baku' });
    await sync.idle();
    expect(library.withEntity('baku')).toEqual([]);
  });

  it('touches only the articles a change concerns, in chunks, reading each again after a pause', async () => {
    const k = createKnowledge(base, memoryStorage());
    const library = buildLibrary(ARTICLES, k.libraryMatcher);
    const before = k.gazetteer();
    await k.edit({ kind: 'follow-name', name: 'Zorbania' });
    let pauses = 0;
    const ids = await reprofileLibrary(library, before, k.gazetteer(), {
      chunk: 1,
      pause: async () => {
        pauses++;
        // Deleted while the work paused: skipped, not brought back.
        library.remove('a2');
      },
    });
    expect(ids).toEqual(['a1']);
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(library.get('a2')).toBeUndefined();
    expect(await reprofileLibrary(library, k.gazetteer(), k.gazetteer())).toEqual([]);
  });

  it('the bundled articles, profiled with the bundled names, are profiled with the reader\'s once loaded', async () => {
    const stored = toStoredPrefs({ ...EMPTY_PREFS, own: [{ id: 'u-zorbania', name: 'Zorbania', type: 'place', aliases: [] }] });
    const k = createKnowledge(base, memoryStorage(stored));
    const bundled = buildLibrary(ARTICLES, createKnowledge(base, memoryStorage()).libraryMatcher);
    let loads = 0;
    const library = readerLibrary(k, async () => {
      loads++;
      // As library-store.ts does: the bundled articles as profiled at build time, the library's matcher the reader's.
      return loadLibrary(bundled.toJSON(), k.libraryMatcher);
    });
    const lib = await library();
    expect(lib.withEntity('u-zorbania').map((a) => a.id)).toEqual(['a1']);
    await library();
    expect(loads).toBe(1);
  });
});

describe('what the pages light', () => {
  const prefs: EntityPrefs = { ...EMPTY_PREFS, followed: ['putin', 'moscow'], muted: ['moscow'], mutedOn: { localhost: ['putin', 'baku'], 'example.org': ['sochi'] } };

  it('followed or named in the library, never muted, with the per-site mutes of the lit names only', () => {
    const lit = litGazetteer(base, prefs, new Set(['baku']), DEFAULT_SETTINGS);
    expect(lit.entities.map((e) => e.id).sort()).toEqual(['baku', 'putin']);
    expect(lit.mutedOn).toEqual({ localhost: ['putin', 'baku'] });
    expect(forSite(lit, 'localhost').entities).toEqual([]);
    expect(forSite(lit, '127.0.0.1')).toBe(lit);
    expect(forSite(lit, 'constructor')).toBe(lit);
    const all = litGazetteer(base, prefs, new Set(), { ...DEFAULT_SETTINGS, lightAll: true });
    expect(all.entities.length).toBe(base.entities.length - 1);
  });

  beforeEach(() => resetFakeBrowser());

  it('is written when it changes, a change of spelling or of a site\'s mutes included, and only then', async () => {
    let state = { gazetteer: base, prefs };
    const writes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => {
      if (LIT_GAZETTEER_KEY in changes) writes.push(changes[LIT_GAZETTEER_KEY]!.newValue);
    });
    const publisher = createLitPublisher({
      knowledge: async () => state,
      library: async () => buildLibrary([], createKnowledge(base, memoryStorage()).libraryMatcher) as Library,
      settings: async () => DEFAULT_SETTINGS,
    });
    await publisher.publish();
    await publisher.publish();
    expect(writes.length).toBe(1);
    state = { gazetteer: base, prefs: { ...prefs, mutedOn: {} } };
    await publisher.publish();
    expect(writes.length).toBe(2);
    const renamed = { ...base, entities: base.entities.map((e) => (e.id === 'putin' ? { ...e, name: 'V. V. Putin' } : e)) };
    state = { gazetteer: renamed, prefs: state.prefs };
    await publisher.publish();
    expect(writes.length).toBe(3);
  });

  it('reads nothing from storage to publish what it published last, unless forced', async () => {
    const publisher = createLitPublisher({
      knowledge: async () => ({ gazetteer: base, prefs }),
      library: async () => buildLibrary([], createKnowledge(base, memoryStorage()).libraryMatcher) as Library,
      settings: async () => DEFAULT_SETTINGS,
    });
    const first = await publisher.publish();
    const local = fakeBrowser.storage.local;
    const get = local.get;
    let reads = 0;
    local.get = async (...args: Parameters<typeof get>) => (reads++, get(...args));
    try {
      expect(await publisher.publish()).toBe(first);
      expect(reads).toBe(0);
      await publisher.publish(true);
      expect(reads).toBe(1);
    } finally {
      local.get = get;
    }
  });
});

describe('"Follow “…”" on a selection', () => {
  async function follow(selection: string | undefined) {
    const k = createKnowledge(base, memoryStorage());
    const sent: Array<[number, PageNoticeMessage]> = [];
    const notice = await followSelection({ edit: k.edit, notify: async (tab, n) => void sent.push([tab, n]) }, selection, 7);
    return { notice, sent, k };
  }

  it('follows a known name, makes an unknown one the reader\'s, and tells the page', async () => {
    // The fake i18n answers nothing, so t() shows the keys.
    expect((await follow('Putin')).notice).toEqual({ type: 'notice/page', text: 'followFollowed', ok: true });
    const made = await follow('  Zorbania ');
    expect(made.sent).toEqual([[7, { type: 'notice/page', text: 'followCreated', ok: true }]]);
    expect(made.k.prefs().own[0]).toMatchObject({ id: 'u-zorbania', name: 'Zorbania', type: 'person' });
  });

  it('says why a selection cannot be a name', async () => {
    expect((await follow(undefined)).notice).toEqual({ type: 'notice/page', text: 'problemEmpty', ok: false });
    expect((await follow('x'.repeat(300))).notice).toMatchObject({ text: 'problemTooLong', ok: false });
    expect((await follow('2024 — 2025')).notice).toMatchObject({ text: 'problemNoLetters', ok: false });
  });
});
