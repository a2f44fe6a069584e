// The keys the reader has for one of our commands (manifest `commands`), as
// the browser reports them: the suggested default, the reader's own choice, or
// none (taken by another extension, or removed in the browser's settings).
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';

export function useShortcut(command: string): string | undefined {
  const [keys, setKeys] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    browser.commands.getAll().then(
      (all) => live && setKeys(all.find((c) => c.name === command)?.shortcut || undefined),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [command]);
  return keys;
}
