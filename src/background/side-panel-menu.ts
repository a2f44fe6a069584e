// "Open the side panel" in the toolbar button's context menu (contexts
// ['action']; menus.ts makes the entry with the others). The click is a user
// gesture, which the side panel needs to open.
import browser, { type Menus, type Tabs } from '../shared/browser';
import { hasSidePanel, openSidePanel } from '../shared/side-panel';

export const OPEN_SIDE_PANEL_MENU = 'open-side-panel';

export function initSidePanelMenu(): void {
  if (!hasSidePanel()) return;
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab: Tabs.Tab | undefined) => {
    if (info.menuItemId !== OPEN_SIDE_PANEL_MENU) return;
    openSidePanel(tab?.windowId).catch(() => undefined);
  });
}
