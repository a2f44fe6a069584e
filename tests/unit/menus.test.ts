import { describe, expect, it } from 'vitest';
import { createMenus, FOLLOW_SELECTION_MENU, menuMode, SAVE_PAGE_MENU, SAVE_SELECTION_MENU } from '../../src/background/menus';
import { fakeBrowser } from './helpers/fake-browser';

describe('context menu', () => {
  it('offers to save the page, and to save or follow a selection, on web pages only; created again without a duplicate', async () => {
    await createMenus();
    await createMenus();
    expect(fakeBrowser.contextMenus.items).toEqual([
      { id: SAVE_PAGE_MENU, title: 'menuSavePage', contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] },
      { id: SAVE_SELECTION_MENU, title: 'menuSaveSelection', contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] },
      // The browser shows the selected text in place of %s (the message is "Follow “%s”").
      { id: FOLLOW_SELECTION_MENU, title: 'menuFollow', contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] },
    ]);
  });

  it('says what each entry saves, and nothing for entries not ours', () => {
    expect(menuMode(SAVE_PAGE_MENU)).toBe('article');
    expect(menuMode(SAVE_SELECTION_MENU)).toBe('selection');
    expect(menuMode('other')).toBeNull();
    expect(menuMode(FOLLOW_SELECTION_MENU)).toBeNull();
    expect(menuMode(3)).toBeNull();
  });
});
