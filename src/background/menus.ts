// The page's context menu: "Save page to library" and, on a selection, "Save
// selection to library". Created when the extension is installed or updated
// and when the browser starts (Firefox's event page may not find them kept);
// removed first, as creating an id twice is an error.
import browser from '../shared/browser';
import { t } from '../shared/i18n';

export const SAVE_PAGE_MENU = 'save-page';
export const SAVE_SELECTION_MENU = 'save-selection';
/** Web pages only: the menu has nothing to do on the browser's or the extension's own pages. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SAVE_PAGE_MENU, title: t('menuSavePage'), contexts: ['page'], documentUrlPatterns: WEB_PAGES });
  browser.contextMenus.create({ id: SAVE_SELECTION_MENU, title: t('menuSaveSelection'), contexts: ['selection'], documentUrlPatterns: WEB_PAGES });
}

/** What a menu entry saves, or null for an entry that is not ours. */
export function menuMode(menuItemId: string | number): 'article' | 'selection' | null {
  return menuItemId === SAVE_PAGE_MENU ? 'article' : menuItemId === SAVE_SELECTION_MENU ? 'selection' : null;
}
