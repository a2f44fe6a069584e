import { describe, expect, it } from 'vitest';
import { pagePath } from '../../src/shared/messages';
import { parseParams, popOutPath } from '../../src/popup/params';

describe('parseParams', () => {
  it('reads a plain toolbar popup as "the active tab", not in a tab', () => {
    expect(parseParams('')).toEqual({ tabId: undefined, query: '', entityId: undefined, inTab: false, searchOnly: false });
  });

  it('reads the pop-out URL as that tab, shown in a tab', () => {
    expect(parseParams('?' + popOutPath(42).split('?')[1])).toEqual({ tabId: 42, query: '', entityId: undefined, inTab: true, searchOnly: false });
  });

  it('reads the entity page\'s search URL as a search page for the entity', () => {
    const search = '?' + pagePath({ page: 'search', entityId: 'pashinyan' }).split('?')[1];
    expect(parseParams(search)).toEqual({ tabId: undefined, query: '', entityId: 'pashinyan', inTab: true, searchOnly: true });
  });

  it('keeps the query as typed, diacritics and spaces included', () => {
    const search = '?' + pagePath({ page: 'search', query: 'Erdoğan drones' }).split('?')[1];
    expect(parseParams(search).query).toBe('Erdoğan drones');
  });

  it('ignores a tab id that is not a number', () => {
    expect(parseParams('?tab=abc').tabId).toBeUndefined();
    expect(parseParams('?tab=-3').tabId).toBeUndefined();
    expect(parseParams('?tab=abc').inTab).toBe(false);
  });
});
