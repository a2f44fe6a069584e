// The tab the popup describes and what the background knows about it, kept
// up to date: the content script reports a few hundred milliseconds after it
// scans, so a popup opened on a fresh page (or right after un-pausing) polls
// briefly instead of declaring the page empty; after that, every report the
// background stores for the tab (the page changed, or another page loaded in
// it) is fetched as it lands, which the side panel relies on.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import type { Settings, TabState } from '../shared/messages';
import { getSettings, isPaused, onSettingsChanged, siteOf, togglePaused, updateSettings } from '../shared/settings';
import { getTabState } from '../shared/tab-state';
import { onTabStateChanged } from '../shared/tab-state-key';
import { pageStatus, statusUrl, type PageStatus } from './page-status';
import type { PopupParams } from './params';

const POLL_MS = 250;
/** How long a missing report is waited for before the page is called unavailable. */
const WAIT_FOR_REPORT_MS = 2500;
/** After a pause toggle, how long to watch for the page's fresh report. */
const WATCH_AFTER_TOGGLE_MS = 3000;

export interface PageContext {
  tabId: number | undefined;
  status: PageStatus;
  /** The site the pause toggle acts on, when the page has one. */
  site: string;
  paused: boolean;
  setPaused(paused: boolean): Promise<void>;
  /** Whether the toolbar button shows the entity count; undefined until settings load. */
  badge: boolean | undefined;
  /** Whether pages light every known name, not only those the library has articles about; undefined until settings load. */
  lightAll: boolean | undefined;
  setLightAll(on: boolean): Promise<void>;
  setBadge(on: boolean): Promise<void>;
}

async function resolveTab(params: PopupParams): Promise<{ id: number | undefined; url: string | undefined }> {
  if (params.searchOnly) return { id: undefined, url: undefined };
  if (params.tabId !== undefined) {
    const tab = await browser.tabs.get(params.tabId).catch(() => undefined);
    return { id: params.tabId, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

export function usePage(params: PopupParams): PageContext {
  const [tab, setTab] = useState<{ id: number | undefined; url: string | undefined } | undefined>(undefined);
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const watchUntil = useRef(0);

  useEffect(() => {
    void resolveTab(params).then(setTab, () => setTab({ id: undefined, url: undefined }));
    void getSettings().then(setSettings);
    return onSettingsChanged((s) => {
      setSettings(s);
      watchUntil.current = Date.now() + WATCH_AFTER_TOGGLE_MS;
    });
  }, [params]);

  // Ask for the tab's state until a report arrives (or the wait runs out);
  // keep asking for a while after a settings change, which makes the page rescan.
  useEffect(() => {
    if (!tab || tab.id === undefined) return;
    const tabId = tab.id;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // Only the latest request's answer counts: a stored change may start one while another is on its way.
    let latest = 0;
    const poll = async () => {
      const mine = ++latest;
      // Read from storage.session itself: a service worker that is starting need not answer first.
      const next = await getTabState(tabId).catch(() => null);
      if (stopped || mine !== latest) return;
      const waiting = next === null && Date.now() - started < WAIT_FOR_REPORT_MS;
      // While waiting for a first report, stay "loading" rather than flash "unavailable".
      if (!waiting) setState((prev) => (prev && next && prev.updatedAt === next.updatedAt ? prev : next));
      if (waiting || Date.now() < watchUntil.current) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    const unsubscribe = onTabStateChanged(tabId, () => {
      clearTimeout(timer);
      void poll();
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [tab, settings]);

  let status: PageStatus;
  if (params.searchOnly || (tab && tab.id === undefined)) status = { kind: 'none' };
  else if (!tab || !settings) status = { kind: 'loading' };
  else status = pageStatus({ state, tabUrl: tab.url, paused: (url) => isPaused(settings, url) });

  const url = statusUrl(status) ?? tab?.url ?? '';
  const site = siteOf(url);
  const paused = settings !== undefined && site !== '' && isPaused(settings, url);
  const setPaused = useCallback(
    async (value: boolean) => {
      if (site === '') return;
      await updateSettings((s) => togglePaused(s, site, value));
    },
    [site],
  );

  const setBadge = useCallback(async (badge: boolean) => {
    await updateSettings((s) => ({ ...s, badge }));
  }, []);
  const setLightAll = useCallback(async (lightAll: boolean) => {
    await updateSettings((s) => ({ ...s, lightAll }));
  }, []);

  return { tabId: tab?.id, status, site, paused, setPaused, badge: settings?.badge, setBadge, lightAll: settings?.lightAll, setLightAll };
}
