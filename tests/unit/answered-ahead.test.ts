// The popup's related articles begun when it starts to load (`warm`), and
// handed over to its question (src/background/answered-ahead.ts, handlers.ts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnsweredAhead } from '../../src/background/answered-ahead';
import { createHandlers, type Services } from '../../src/background/handlers';
import { loadGazetteer } from '../../src/build/gazetteer';
import { buildLibraryFromSeeds } from '../../src/build/library-build';
import type { Library } from '../../src/core/library';
import { createMatcher } from '../../src/core/matcher';
import { POPUP_RELATED_LIMIT, type PageEntity, type TabState } from '../../src/shared/messages';

describe('AnsweredAhead', () => {
  it('hands an answer over once, to the same question, within a few seconds', async () => {
    let now = 0;
    const ahead = new AnsweredAhead<number>(() => now);
    ahead.begin('a', async () => 1);
    expect(ahead.take('b')).toBeUndefined();
    await expect(ahead.take('a')).resolves.toBe(1);
    expect(ahead.take('a')).toBeUndefined();
    ahead.begin('a', async () => 2);
    now = 3001;
    expect(ahead.take('a')).toBeUndefined();
  });

  it('begins nothing for a question that was just asked', () => {
    let now = 0;
    const ahead = new AnsweredAhead<number>(() => now);
    expect(ahead.take('a')).toBeUndefined();
    let begun = 0;
    ahead.begin('a', async () => ++begun);
    expect(begun).toBe(0);
    ahead.begin('b', async () => ++begun);
    expect(begun).toBe(1);
    now = 3001;
    ahead.begin('a', async () => ++begun);
    expect(begun).toBe(2);
  });

  it('passes a failure on to the question, which is then worked out anew', async () => {
    const ahead = new AnsweredAhead<number>(() => 0);
    ahead.begin('a', async () => {
      throw new Error('no library');
    });
    await expect(ahead.take('a')).rejects.toThrow('no library');
  });
});

describe('warm, then related', () => {
  const matcher = createMatcher(loadGazetteer());
  const { library } = buildLibraryFromSeeds(resolve(import.meta.dirname, '../../seeds'), matcher);
  const page: PageEntity[] = [
    { id: 'aliyev', count: 3, weakCount: 0, prominent: true },
    { id: 'putin', count: 2, weakCount: 0, prominent: false },
  ];
  const state: TabState = { url: 'https://news.example/a', title: 'A', entities: page, updatedAt: 1 };

  function handlersCounting() {
    let rankings = 0;
    const counted = new Proxy(library, {
      get(target, key, receiver) {
        if (key === 'related') rankings++;
        const v = Reflect.get(target, key, receiver) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Library;
    const services = {
      matcher,
      library: async () => counted,
      getTabState: async (tabId: number) => (tabId === 7 ? state : null),
      activeTabId: async () => 7,
    } as unknown as Services;
    return { handlers: createHandlers(services), rankings: () => rankings };
  }
  const ctx = { tabId: undefined, frameId: 0 };

  it("begins the tab's related articles, and answers the popup's question with them", async () => {
    const { handlers, rankings } = handlersCounting();
    await handlers.warm({ tabId: 7 }, ctx);
    expect(rankings()).toBe(1);
    const answer = await handlers.related({ entities: page, limit: POPUP_RELATED_LIMIT }, ctx);
    expect(rankings()).toBe(1);
    expect(answer.length).toBeGreaterThan(0);
    // The same as worked out on the spot.
    expect(await handlers.related({ entities: page, limit: POPUP_RELATED_LIMIT }, ctx)).toEqual(answer);
    expect(rankings()).toBe(2);
  });

  it('begins the active tab\'s when the popup does not say which, and nothing for a tab it knows nothing of', async () => {
    const active = handlersCounting();
    await active.handlers.warm({}, ctx);
    expect(active.rankings()).toBe(1);
    const unknown = handlersCounting();
    await unknown.handlers.warm({ tabId: 3 }, ctx);
    expect(unknown.rankings()).toBe(0);
  });

  it('works a different question out anew', async () => {
    const { handlers, rankings } = handlersCounting();
    await handlers.warm({ tabId: 7 }, ctx);
    await handlers.related({ entities: page.slice(0, 1), limit: POPUP_RELATED_LIMIT }, ctx);
    expect(rankings()).toBe(2);
  });
});
