// Where the background keeps what a tab names (storage.session), and how an
// extension page hears that it changed: the storage event tells every page of
// ours at once, with no message to send, even while the service worker sleeps.
import browser from './browser';

export const tabStateKey = (tabId: number): string => `tab:${tabId}`;

/** Calls `listener` whenever the tab's stored state is written or removed; returns the unsubscribe. */
export function onTabStateChanged(tabId: number, listener: () => void): () => void {
  const key = tabStateKey(tabId);
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.prototype.hasOwnProperty.call(changes, key)) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
