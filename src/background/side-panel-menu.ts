// "Open the side panel" in the toolbar button's context menu (contexts
// ['action']). Menu items persist across restarts of the service worker (and
// of Firefox's event page), so they are made once, on install or update; the
// click is a user gesture, which the side panel needs to open.
import browser, { type Menus, type Tabs } from '../shared/browser';
import { t } from '../shared/i18n';
import { hasSidePanel, openSidePanel } from '../shared/side-panel';

export const OPEN_SIDE_PANEL_MENU = 'open-side-panel';

export function initSidePanelMenu(): void {
  if (!hasSidePanel()) return;
  browser.runtime.onInstalled.addListener(() => {
    // The callback reads lastError, so that an item left from before (an update) is no error.
    browser.contextMenus.create({ id: OPEN_SIDE_PANEL_MENU, title: t('openSidePanel'), contexts: ['action'] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab: Tabs.Tab | undefined) => {
    if (info.menuItemId !== OPEN_SIDE_PANEL_MENU) return;
    openSidePanel(tab?.windowId).catch(() => undefined);
  });
}
