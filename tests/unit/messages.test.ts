import { describe, expect, it } from 'vitest';
import { pagePath, parseRequest } from '../../src/shared/messages';
import { badgeText } from '../../src/background/badge';
import { mergeEntities } from '../../src/shared/tab-state';
import { isPaused, siteOf, togglePaused } from '../../src/shared/settings';
import { savedArticle } from './helpers/saved-articles';

const entity = (id: string, count = 1, weakCount = 0, prominent = false) => ({ id, count, weakCount, prominent });

describe('parseRequest', () => {
  it('accepts well-formed messages of every kind', () => {
    const ok = [
      { type: 'page/entities', payload: { url: 'https://a.example/', title: 'A', entities: [entity('putin')] } },
      { type: 'tab/state', payload: { tabId: 3 } },
      { type: 'related', payload: { entities: [entity('baku')], limit: 5 } },
      { type: 'card', payload: { entityId: 'putin', page: [] } },
      { type: 'search', payload: { query: 'Erdoğan' } },
      { type: 'search', payload: { query: 'x', entityId: 'putin', limit: 3 } },
      { type: 'article', payload: { id: '001_bcffe93f59d1024d' } },
      { type: 'open', payload: { page: 'article', id: '001' } },
      { type: 'open', payload: { page: 'search', entityId: 'putin' } },
      { type: 'save', payload: { tabId: 4 } },
      { type: 'save', payload: { tabId: 4, mode: 'selection' } },
      { type: 'library/list', payload: {} },
      { type: 'library/delete', payload: { id: 's-1' } },
      { type: 'library/restore', payload: { article: savedArticle(1) } },
      { type: 'library/export-page', payload: { after: 's-1', limit: 100 } },
      { type: 'library/import-begin', payload: { total: 2 } },
      { type: 'library/import-part', payload: { importId: 'x', articles: [savedArticle(1), savedArticle(2)] } },
      { type: 'entity', payload: { id: 'putin' } },
      { type: 'open', payload: { page: 'entity', id: 'aliyev' } },
      // From a hover card: the sender's tab.
      { type: 'save', payload: {} },
      { type: 'entities/list', payload: {} },
      { type: 'entities/reset', payload: {} },
      { type: 'entities/edit', payload: { edit: { kind: 'follow-name', name: 'Zorbania', aliases: ['Зорбания'], type: 'place' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'follow-name', name: '' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'unfollow', id: 'u-zorbania' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'rename', id: 'putin', name: 'V. V. Putin' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'type', id: 'putin', type: 'organisation' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'add-alias', id: 'putin', alias: '.*' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'mute-site', id: 'putin', site: 'localhost' } } },
      { type: 'entities/edit', payload: { edit: { kind: 'describe', id: 'u-x', description: '' } } },
    ];
    for (const m of ok) expect(parseRequest(m), JSON.stringify(m)).toMatchObject({ ok: true, envelope: m });
  });

  it('refuses anything else with a reason', () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /must be an object/],
      ['search', /must be an object/],
      [{ type: 'delete-everything', payload: {} }, /unknown message type "delete-everything"/],
      [{ type: 'search', payload: { query: 42 } }, /malformed payload for "search"/],
      [{ type: 'save', payload: { tabId: -1 } }, /malformed payload for "save"/],
      [{ type: 'library/list', payload: { all: true } }, /malformed payload for "library\/list"/],
      [{ type: 'library/restore', payload: { article: savedArticle(1, { url: 'javascript:alert(1)' }) } }, /malformed payload for "library\/restore"/],
      [{ type: 'library/import-part', payload: { importId: 'x', articles: Array.from({ length: 201 }, (_, i) => savedArticle(i)) } }, /malformed payload/],
      [{ type: 'library/import-begin', payload: { total: 1e9 } }, /malformed payload/],
      [{ type: 'search', payload: { query: 'x', limit: 1000 } }, /malformed/],
      [{ type: 'tab/state', payload: { tabId: -1 } }, /malformed/],
      [{ type: 'card', payload: { entityId: '', page: [] } }, /malformed/],
      [{ type: 'page/entities', payload: { url: 'u', title: 't', entities: [{ id: 'x', count: 1.5, weakCount: 0, prominent: false }] } }, /malformed/],
      [{ type: 'open', payload: { page: 'settings' } }, /malformed/],
      [{ type: 'open', payload: { page: 'entity' } }, /malformed/],
      [{ type: 'entity', payload: { id: '' } }, /malformed/],
      [{ type: 'toString', payload: {} }, /unknown message type/],
      [{ type: 'entities/edit', payload: {} }, /malformed payload for "entities\/edit"/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'follow-name' } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'follow-name', name: 'x'.repeat(2001) } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'follow-name', name: 'x', aliases: 'y' } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'follow-name', name: 'x', type: 'planet' } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'follow', id: '' } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'follow', id: 'putin', extra: 1 } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'explode', id: 'putin' } } }, /malformed/],
      [{ type: 'entities/edit', payload: { edit: { kind: 'rename', id: 'putin' } } }, /malformed/],
      [{ type: 'entities/list', payload: { all: true } }, /malformed/],
    ];
    for (const [m, reason] of bad) {
      const parsed = parseRequest(m);
      expect(parsed.ok, JSON.stringify(m)).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(reason);
    }
  });
});

describe('pagePath', () => {
  it('builds the article and search URLs the pages read', () => {
    expect(pagePath({ page: 'article', id: '003_0c0ee4c7a4371c12' })).toBe('article.html?id=003_0c0ee4c7a4371c12');
    expect(pagePath({ page: 'search', entityId: 'putin' })).toBe('popup.html?entity=putin&view=tab');
    expect(pagePath({ page: 'search', query: 'Baku & Moskow' })).toBe('popup.html?q=Baku+%26+Moskow&view=tab');
    expect(pagePath({ page: 'entity', id: 'putin' })).toBe('entity.html?id=putin');
    expect(pagePath({ page: 'entity', id: 'a b/c' })).toBe('entity.html?id=a%20b%2Fc');
  });
});

describe('badge and tab state', () => {
  it('counts distinct entities named (not only by demonym), and shows nothing when off or empty', () => {
    expect(badgeText([entity('putin', 3), entity('turkey', 0, 2), entity('baku', 1)], true)).toBe('2');
    expect(badgeText([entity('putin', 3)], false)).toBe('');
    expect(badgeText([], true)).toBe('');
    expect(badgeText(Array.from({ length: 120 }, (_, i) => entity(`e${i}`)), true)).toBe('99+');
  });

  it('merges the frames of a tab', () => {
    const merged = mergeEntities([[entity('putin', 2), entity('baku', 1)], [entity('putin', 1, 1, true), entity('nato', 4)]]);
    expect(merged).toEqual([entity('nato', 4), entity('putin', 3, 1, true), entity('baku', 1)]);
  });
});

describe('site pause settings', () => {
  it('pauses by hostname and toggles without duplicates', () => {
    const s0 = { badge: true, pausedSites: [], lightAll: false };
    const s1 = togglePaused(s0, 'news.example', true);
    expect(isPaused(s1, 'https://news.example/a?b')).toBe(true);
    expect(isPaused(s1, 'https://other.example/')).toBe(false);
    expect(togglePaused(s1, 'news.example', true).pausedSites).toEqual(['news.example']);
    expect(isPaused(togglePaused(s1, 'news.example', false), 'https://news.example/')).toBe(false);
    expect(siteOf('not a url')).toBe('');
    expect(isPaused({ badge: true, pausedSites: [''], lightAll: false }, 'about:blank')).toBe(false);
  });
});
