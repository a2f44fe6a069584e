// What each tab names, written to storage.session so that it survives Chrome
// stopping and restarting the service worker (module state would not), and
// read from there (shared/tab-state.ts). Every frame of a tab reports on its
// own; a new report from the top frame of another page starts the tab afresh.
import browser from '../shared/browser';
import type { RequestOf, TabState } from '../shared/messages';
import { readStoredTab as read, toState, type StoredTab } from '../shared/tab-state';
import { tabStateKey as key } from '../shared/tab-state-key';

type Report = RequestOf<'page/entities'>;

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
