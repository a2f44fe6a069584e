// What each tab names, kept in storage.session so that it survives Chrome
// stopping and restarting the service worker (module state would not). Every
// frame of a tab reports on its own; the tab's state is their union, and a new
// report from the top frame of another page starts the tab afresh.
import browser from '../shared/browser';
import type { PageEntity, RequestOf, TabState } from '../shared/messages';
import { tabStateKey as key } from '../shared/tab-state-key';

type Report = RequestOf<'page/entities'>;

interface StoredTab {
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

function toState(stored: StoredTab): TabState {
  return { url: stored.url, title: stored.title, updatedAt: stored.updatedAt, entities: mergeEntities(Object.values(stored.frames)) };
}

async function read(tabId: number): Promise<StoredTab | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as StoredTab | undefined) ?? null;
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  const stored = await read(tabId);
  return stored ? toState(stored) : null;
}

// Frames report at about the same time: their read-modify-write cycles are
// queued per tab, or one frame's report would overwrite another's.
const queues = new Map<number, Promise<unknown>>();

export function mergeFrame(tabId: number, frameId: number, report: Report): Promise<TabState> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(() => writeFrame(tabId, frameId, report));
  const settled = run.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
  return run;
}

async function writeFrame(tabId: number, frameId: number, report: Report): Promise<TabState> {
  const previous = await read(tabId);
  const top = frameId === 0;
  const fresh = !previous || (top && previous.url !== report.url);
  const next: StoredTab = {
    url: top || fresh ? report.url : (previous?.url ?? report.url),
    title: top || fresh ? report.title : (previous?.title ?? report.title),
    frames: { ...(fresh ? {} : previous?.frames), [String(frameId)]: report.entities },
    updatedAt: Date.now(),
  };
  await browser.storage.session.set({ [key(tabId)]: next });
  return toState(next);
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
