// Where the reader's entity preferences live: one record in storage.local
// (core/entity-prefs.ts says what it holds and refuses what it does not).
// The background alone writes it, one edit at a time, after checking the
// edit against the knowledge base; the entities page listens for its
// changes to show them. The pages light through the lit gazetteer, which
// the background writes after each change (lit-gazetteer.ts).
import { readEntityPrefs, toStoredPrefs, type EntityPrefs } from '../core/entity-prefs';
import browser from './browser';

export const ENTITY_PREFS_KEY = 'entityPrefs';

/** The stored preferences; throws an EntityPrefsError, saying why, when the record is not readable. */
export async function loadEntityPrefs(): Promise<EntityPrefs> {
  const stored = (await browser.storage.local.get(ENTITY_PREFS_KEY))[ENTITY_PREFS_KEY];
  return readEntityPrefs(stored);
}

export async function storeEntityPrefs(prefs: EntityPrefs): Promise<void> {
  await browser.storage.local.set({ [ENTITY_PREFS_KEY]: toStoredPrefs(prefs) });
}

/** Calls `listener` when the stored preferences change; returns the function that stops listening. */
export function onEntityPrefsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && ENTITY_PREFS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
