// The side panel's choice of tab, and the popup parameters it renders with.
import { describe, expect, it } from 'vitest';
import { nextFollowed, panelParams } from '../../src/pages/sidepanel/follow';

describe('nextFollowed', () => {
  const panel = { windowId: 1, ownTabId: undefined };

  it('follows the tab activated in its own window, not in another', () => {
    expect(nextFollowed(undefined, { tabId: 7, windowId: 1 }, panel)).toBe(7);
    expect(nextFollowed(7, { tabId: 8, windowId: 1 }, panel)).toBe(8);
    expect(nextFollowed(7, { tabId: 9, windowId: 2 }, panel)).toBe(7);
  });

  it('opened as a page in a tab, keeps describing the tab before when its own tab is activated', () => {
    const inTab = { windowId: 1, ownTabId: 3 };
    expect(nextFollowed(7, { tabId: 3, windowId: 1 }, inTab)).toBe(7);
    expect(nextFollowed(undefined, { tabId: 3, windowId: 1 }, inTab)).toBeUndefined();
    expect(nextFollowed(7, { tabId: undefined, windowId: 1 }, inTab)).toBe(7);
  });
});

describe('panelParams', () => {
  it('describes the followed tab as a view in a tab (no pop-out), or offers search alone', () => {
    expect(panelParams({ status: 'tab', tabId: 12, loads: 2 })).toEqual({ tabId: 12, query: '', entityId: undefined, inTab: true, searchOnly: false });
    expect(panelParams({ status: 'none' })).toEqual({ tabId: undefined, query: '', entityId: undefined, inTab: true, searchOnly: true });
  });
});
