// What a tab names, read as the background keeps it in storage.session
// (background/tab-state.ts writes it): by the background, and by the popup
// itself, which needs no answer from a service worker that may still be
// starting. Each frame's report is kept; the tab's state is their union.
import browser from './browser';
import type { PageEntity, TabState } from './messages';
import { tabStateKey as key } from './tab-state-key';

/** A tab's record in storage.session. */
export interface StoredTab {
  url: string;
  title: string;
  frames: Record<string, PageEntity[]>;
  updatedAt: number;
}

export function mergeEntities(frames: Iterable<PageEntity[]>): PageEntity[] {
  const merged = new Map<string, PageEntity>();
  for (const list of frames) {
    for (const e of list) {
      const m = merged.get(e.id);
      if (!m) merged.set(e.id, { ...e });
      else {
        m.count += e.count;
        m.weakCount += e.weakCount;
        m.prominent ||= e.prominent;
      }
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || b.weakCount - a.weakCount || (a.id < b.id ? -1 : 1));
}

export function toState(stored: StoredTab): TabState {
  return { url: stored.url, title: stored.title, updatedAt: stored.updatedAt, entities: mergeEntities(Object.values(stored.frames)) };
}

export async function readStoredTab(tabId: number): Promise<StoredTab | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as StoredTab | undefined) ?? null;
}

/** The tab's state, or null when no frame of it has reported. */
export async function getTabState(tabId: number): Promise<TabState | null> {
  const stored = await readStoredTab(tabId);
  return stored ? toState(stored) : null;
}
