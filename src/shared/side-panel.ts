// One page beside the page being read (sidepanel.html), two APIs: Chrome's
// side panel (`sidePanel`, Chrome 114+) and Firefox's sidebar
// (`sidebarAction`). Both open only in answer to the reader's gesture, a click
// in our popup or on our menu item, so `openSidePanel` must be called straight
// from that handler, before any await:
// https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions
import browser from './browser';

/** Chrome's API, which webextension-polyfill passes through as it is (it has no types for it). */
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | undefined {
  return (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
}

function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
}

/** Whether this browser has a side panel we can open. */
export function hasSidePanel(): boolean {
  return typeof chromeSidePanel()?.open === 'function' || typeof firefoxSidebar()?.open === 'function';
}

/**
 * Opens the side panel in the window (Chrome needs its id; Firefox opens it in
 * the active window). Call it synchronously from a click or menu handler.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const chrome = chromeSidePanel();
  if (chrome) {
    if (windowId === undefined) return Promise.reject(new Error('NewsContext: the side panel needs a window'));
    return chrome.open({ windowId });
  }
  const firefox = firefoxSidebar();
  if (firefox) return firefox.open();
  return Promise.reject(new Error('NewsContext: this browser has no side panel'));
}
