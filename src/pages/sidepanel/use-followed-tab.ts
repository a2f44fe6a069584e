// The side panel follows the reader: the active tab of its window as they
// switch tabs (tabs.onActivated) or come back to the window
// (windows.onFocusChanged), and the page as it loads anew (tabs.onUpdated,
// which tells the status of a tab even without the "tabs" permission, though
// not its URL). What the page names then arrives through storage (use-page.ts).
import { useEffect, useState } from 'preact/hooks';
import browser, { type Tabs } from '../../shared/browser';
import { nextFollowed, type FollowContext, type Followed } from './follow';

export function useFollowedTab(): Followed {
  const [followed, setFollowed] = useState<Followed>({ status: 'resolving' });

  useEffect(() => {
    const ctx: FollowContext = { windowId: undefined, ownTabId: undefined };
    let current: number | undefined;
    let live = true;

    const follow = (tabId: number | undefined, windowId = ctx.windowId) => {
      if (!live) return;
      const next = nextFollowed(current, { tabId, windowId }, ctx);
      if (next === undefined) return setFollowed({ status: 'none' });
      if (next === current) return;
      current = next;
      setFollowed({ status: 'tab', tabId: next, loads: 0 });
    };
    const followActive = async () => {
      const [tab] = await browser.tabs.query({ active: true, windowId: ctx.windowId });
      follow(tab?.id);
    };

    const onActivated = ({ tabId, windowId }: Tabs.OnActivatedActiveInfoType) => follow(tabId, windowId);
    const onUpdated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
      if (!live || tabId !== current || change.status !== 'complete') return;
      setFollowed((f) => (f.status === 'tab' && f.tabId === tabId ? { ...f, loads: f.loads + 1 } : f));
    };
    const onRemoved = (tabId: number) => {
      if (tabId !== current) return;
      current = undefined;
      void followActive().catch(() => undefined);
    };
    const onFocusChanged = (windowId: number) => {
      if (windowId === ctx.windowId) void followActive().catch(() => undefined);
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.windows.onFocusChanged.addListener(onFocusChanged);
    void (async () => {
      const [win, own] = await Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent()]);
      ctx.windowId = win.id;
      ctx.ownTabId = own?.id;
      await followActive();
    })().catch(() => follow(undefined));

    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.windows.onFocusChanged.removeListener(onFocusChanged);
    };
  }, []);

  return followed;
}
