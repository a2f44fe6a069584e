import { describe, expect, it } from 'vitest';
import type { RelatedArticle, SearchResult } from '../../src/shared/messages';
import type { PageStatus } from '../../src/popup/page-status';
import { filterRelated, listContent, listView, requestKey, searchRequest, type Fetched } from '../../src/popup/view-model';

const ready: PageStatus = { kind: 'ready', url: 'https://a.example/', state: { url: 'https://a.example/', title: '', updatedAt: 1, entities: [] } };
const empty: PageStatus = { kind: 'empty', url: 'https://a.example/' };
const none: PageStatus = { kind: 'none' };

const summary = (id: string) => ({ id, title: id, source: 's', date: '2020-01-01', dateKnown: true, saved: false, snippet: { text: '', marks: [] } });
const related = (id: string, shared: string[]): RelatedArticle => ({ ...summary(id), score: 1, shared });
const result = (id: string): SearchResult => ({ ...summary(id), score: 1 });
const idle: Fetched<never> = { status: 'idle' };

describe('listView', () => {
  it('searches whenever there is a query, keeping the entity filter', () => {
    expect(listView('  Baku ', 'aliyev', ready)).toEqual({ kind: 'search', query: 'Baku', entityId: 'aliyev' });
    expect(listView('Baku', undefined, none)).toEqual({ kind: 'search', query: 'Baku', entityId: undefined });
  });

  it('shows the related list for a page that names something, the entity listing without one', () => {
    expect(listView('', 'putin', ready)).toEqual({ kind: 'related', entityId: 'putin' });
    expect(listView('', 'putin', none)).toEqual({ kind: 'entity', entityId: 'putin' });
    expect(listView(' ', undefined, empty)).toEqual({ kind: 'idle' });
  });
});

describe('searchRequest', () => {
  it('searches the query, or lists every article naming the entity', () => {
    expect(searchRequest({ kind: 'search', query: 'drones', entityId: undefined })).toEqual({ query: 'drones' });
    expect(searchRequest({ kind: 'search', query: 'drones', entityId: 'turkey' })).toEqual({ query: 'drones', entityId: 'turkey' });
    expect(searchRequest({ kind: 'entity', entityId: 'pashinyan' })).toEqual({ query: '', entityId: 'pashinyan' });
    expect(searchRequest({ kind: 'related', entityId: undefined })).toBeNull();
  });
});

describe('filterRelated', () => {
  it('keeps the rank order and only the articles sharing the entity', () => {
    const list = [related('a', ['putin', 'baku']), related('b', ['putin']), related('c', ['baku', 'aliyev'])];
    expect(filterRelated(list, 'baku').map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterRelated(list, undefined).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(filterRelated(list, 'dushanbe')).toEqual([]);
  });
});

describe('listContent', () => {
  const relatedDone: Fetched<RelatedArticle> = { status: 'done', key: '', items: [related('a', ['putin']), related('b', ['baku'])] };
  const request = { query: 'baku' };

  it('shows related articles in rank order, narrowed by the filter', () => {
    const content = listContent({ kind: 'related', entityId: 'baku' }, relatedDone, idle, null, true);
    expect(content.kind === 'items' && content.entries.map((e) => [e.article.id, e.shared])).toEqual([['b', ['baku']]]);
    expect(listContent({ kind: 'related', entityId: 'gyumri' }, relatedDone, idle, null, true)).toEqual({ kind: 'no-related' });
  });

  it('says a page that names what the library knows only in passing has nothing clearly related', () => {
    const none: Fetched<RelatedArticle> = { status: 'done', key: '', items: [] };
    expect(listContent({ kind: 'related', entityId: undefined }, none, idle, null, true, false)).toEqual({ kind: 'no-related', passing: true });
    expect(listContent({ kind: 'related', entityId: undefined }, none, idle, null, true, true)).toEqual({ kind: 'no-related' });
  });

  it('never shows results that answer an older query as if they answered this one', () => {
    const stale: Fetched<SearchResult> = { status: 'done', key: requestKey({ query: 'bak' }), items: [result('x')] };
    const content = listContent({ kind: 'search', query: 'baku', entityId: undefined }, idle, stale, request, true);
    expect(content).toEqual({ kind: 'items', entries: [{ article: result('x') }], stale: true });
    const staleEmpty: Fetched<SearchResult> = { status: 'done', key: requestKey({ query: 'bak' }), items: [] };
    expect(listContent({ kind: 'search', query: 'baku', entityId: undefined }, idle, staleEmpty, request, true)).toEqual({ kind: 'loading' });
    const fresh: Fetched<SearchResult> = { status: 'done', key: requestKey(request), items: [result('x'), result('y')] };
    const current = listContent({ kind: 'search', query: 'baku', entityId: undefined }, idle, fresh, request, true);
    expect(current).toEqual({ kind: 'items', entries: [{ article: result('x') }, { article: result('y') }] });
  });

  it('says when a search finds nothing, and reports errors', () => {
    const nothing: Fetched<SearchResult> = { status: 'done', key: requestKey(request), items: [] };
    expect(listContent({ kind: 'search', query: 'baku', entityId: undefined }, idle, nothing, request, true)).toEqual({ kind: 'no-results' });
    expect(listContent({ kind: 'search', query: 'baku', entityId: undefined }, idle, { status: 'error', message: 'boom' }, request, true)).toEqual({
      kind: 'error',
      message: 'boom',
    });
  });

  it('invites a search when there is no page, and stays quiet when the page note speaks', () => {
    expect(listContent({ kind: 'idle' }, idle, idle, null, false)).toEqual({ kind: 'intro' });
    expect(listContent({ kind: 'idle' }, idle, idle, null, true)).toEqual({ kind: 'nothing' });
  });

  it('tells an entity filter from a query in the request key', () => {
    expect(requestKey({ query: 'a', entityId: 'b' })).not.toBe(requestKey({ query: 'a' }));
  });
});
