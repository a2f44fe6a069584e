// Saving the tab from the popup, and what the popup needs to know about the
// saved articles: how many no export holds yet, and whether the extension is
// installed for good (management.getSelf needs no permission).
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { onLibraryChanged } from '../shared/library-events';
import type { SavedStatus } from '../shared/messages';
import { send } from '../shared/send';
import type { SaveState } from './save-view';

export function useSave(tabId: number | undefined): { state: SaveState; save(): Promise<void> } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = useCallback(async () => {
    if (tabId === undefined) return;
    setState({ kind: 'saving' });
    try {
      setState({ kind: 'done', outcome: await send('save', { tabId }) });
    } catch (e) {
      setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }, [tabId]);
  return { state, save };
}

/** How many articles are saved and unexported, and how the extension is installed; kept up to date. */
export function useSavedStatus(): { status: SavedStatus | undefined; installType: string | undefined } {
  const [status, setStatus] = useState<SavedStatus | undefined>(undefined);
  const [installType, setInstallType] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () => void send('library/status', {}).then((s) => live && setStatus(s), () => undefined);
    refresh();
    browser.management.getSelf().then((self) => live && setInstallType(self.installType), () => undefined);
    const stop = onLibraryChanged(refresh);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return { status, installType };
}

/** A number that changes whenever the library does: lists that depend on it fetch again. */
export function useLibraryRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => onLibraryChanged(() => setRevision((r) => r + 1)), []);
  return revision;
}
