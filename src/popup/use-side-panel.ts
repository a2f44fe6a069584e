// The popup's side-panel button: the window it opens in is asked for up front,
// because the browser lets the panel open only straight from the click, with
// no await in between (see shared/side-panel.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { hasSidePanel, openSidePanel } from '../shared/side-panel';

/** A click handler that opens the side panel and closes the popup, or undefined where there is none. */
export function useSidePanelOpener(enabled: boolean): (() => void) | undefined {
  const windowId = useRef<number | undefined>(undefined);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!enabled || !hasSidePanel()) return;
    let live = true;
    browser.windows.getCurrent().then(
      (w) => {
        windowId.current = w.id;
        if (live) setReady(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  if (!ready) return undefined;
  return () => {
    openSidePanel(windowId.current).then(
      () => window.close(),
      () => undefined,
    );
  };
}
