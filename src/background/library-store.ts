// The library, loaded once and lazily: the first message that needs it fetches
// library.json from the extension's own files. A broken or outdated index is a
// clear error for every caller, not an empty library.
import browser from '../shared/browser';
import { loadLibrary, type Library } from '../core/library';
import type { Matcher } from '../core/matcher';

let pending: Promise<Library> | undefined;

export function getLibrary(matcher: Matcher): Promise<Library> {
  pending ??= (async () => {
    const response = await fetch(browser.runtime.getURL('library.json'));
    if (!response.ok) throw new Error(`NewsContext: cannot read library.json (${response.status})`);
    return loadLibrary(await response.json(), matcher);
  })();
  // A failed load is not cached: the next message tries again.
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
