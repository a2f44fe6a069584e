import { describe, expect, it } from 'vitest';
import type { TabState } from '../../src/shared/messages';
import { isRestrictedUrl, pageStatus, statusUrl } from '../../src/popup/page-status';

const state = (url: string, ids: string[]): TabState => ({
  url,
  title: 'A page',
  updatedAt: 1,
  entities: ids.map((id) => ({ id, count: 1, weakCount: 0, prominent: false })),
});
const never = () => false;

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://settings/',
    'chrome-extension://abc/popup.html',
    'about:addons',
    'about:blank',
    'moz-extension://x/y',
    'edge://newtab',
    'view-source:https://example.org',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/category/extensions',
    'https://addons.mozilla.org/en-US/firefox/',
    'not a url',
  ])('%s is closed to extensions', (url) => expect(isRestrictedUrl(url)).toBe(true));

  it.each(['https://www.kompas.com/', 'http://127.0.0.1:8080/a.html', 'https://chrome.google.com/search', 'file:///tmp/a.html'])(
    '%s is open to extensions',
    (url) => expect(isRestrictedUrl(url)).toBe(false),
  );
});

describe('pageStatus', () => {
  it('is loading until the background answers', () => {
    expect(pageStatus({ state: undefined, tabUrl: undefined, paused: never })).toEqual({ kind: 'loading' });
  });

  it('tells why a page without a report is unavailable, as far as the URL says', () => {
    expect(pageStatus({ state: null, tabUrl: undefined, paused: never })).toEqual({ kind: 'unavailable', reason: 'unknown' });
    expect(pageStatus({ state: null, tabUrl: 'chrome://extensions/', paused: never })).toEqual({ kind: 'unavailable', reason: 'restricted' });
    expect(pageStatus({ state: null, tabUrl: 'https://example.org/', paused: never })).toEqual({ kind: 'unavailable', reason: 'unscanned' });
  });

  it('is empty for a page that names nothing, ready for one that does', () => {
    expect(pageStatus({ state: state('https://a.example/', []), tabUrl: undefined, paused: never })).toEqual({ kind: 'empty', url: 'https://a.example/' });
    const ready = pageStatus({ state: state('https://a.example/', ['putin']), tabUrl: undefined, paused: never });
    expect(ready.kind).toBe('ready');
    expect(ready.kind === 'ready' && ready.state.entities.map((e) => e.id)).toEqual(['putin']);
  });

  it('is paused when the site is, whatever the report holds', () => {
    const paused = (url: string) => url.startsWith('https://a.example/');
    expect(pageStatus({ state: state('https://a.example/x', []), tabUrl: undefined, paused })).toEqual({ kind: 'paused', url: 'https://a.example/x' });
  });

  it("prefers the report's URL (the popup has no tabs permission) and falls back to the tab's", () => {
    expect(statusUrl(pageStatus({ state: state('https://a.example/', []), tabUrl: 'https://b.example/', paused: never }))).toBe('https://a.example/');
    expect(statusUrl(pageStatus({ state: state('', []), tabUrl: 'https://b.example/', paused: never }))).toBe('https://b.example/');
    expect(statusUrl({ kind: 'loading' })).toBeUndefined();
  });
});
