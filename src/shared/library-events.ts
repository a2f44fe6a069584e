// "The library changed": a save, a delete, an import. Written to
// storage.local, whose change event reaches every extension page and every
// content script (storage.session does not reach content scripts), so that
// open popups, library pages and, later, pages' highlights follow without
// a message to each tab.
import browser from './browser';

const KEY = 'libraryChangedAt';

export async function announceLibraryChange(at = Date.now()): Promise<void> {
  await browser.storage.local.set({ [KEY]: at });
}

export function onLibraryChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
