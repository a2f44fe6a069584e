// Every menu entry of the extension, made in one place: the page's "Save page
// to library" and, on a selection, "Save selection to library" and "Follow
// “…”" (the browser puts the selected text in place of %s); the toolbar
// button's "Open in the side panel" where the browser has one. Created when
// the extension is installed or updated and when the browser starts
// (Firefox's event page may not find them kept); all removed first, as
// creating an id twice is an error.
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import { hasSidePanel } from '../shared/side-panel';
import { OPEN_SIDE_PANEL_MENU } from './side-panel-menu';

export const SAVE_PAGE_MENU = 'save-page';
export const SAVE_SELECTION_MENU = 'save-selection';
export const FOLLOW_SELECTION_MENU = 'follow-selection';
/** Web pages only: the menu has nothing to do on the browser's or the extension's own pages. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SAVE_PAGE_MENU, title: t('menuSavePage'), contexts: ['page'], documentUrlPatterns: WEB_PAGES });
  browser.contextMenus.create({ id: SAVE_SELECTION_MENU, title: t('menuSaveSelection'), contexts: ['selection'], documentUrlPatterns: WEB_PAGES });
  browser.contextMenus.create({ id: FOLLOW_SELECTION_MENU, title: t('menuFollow'), contexts: ['selection'], documentUrlPatterns: WEB_PAGES });
  if (hasSidePanel()) browser.contextMenus.create({ id: OPEN_SIDE_PANEL_MENU, title: t('openSidePanel'), contexts: ['action'] });
}

/** What a menu entry saves, or null for an entry that is not ours. */
export function menuMode(menuItemId: string | number): 'article' | 'selection' | null {
  return menuItemId === SAVE_PAGE_MENU ? 'article' : menuItemId === SAVE_SELECTION_MENU ? 'selection' : null;
}
