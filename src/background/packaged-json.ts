// A JSON file that ships inside the extension, read once and lazily: the first
// caller fetches and checks it, later callers share the answer. A failed read
// or check is not kept, so the next caller tries again and sees the error too.
import browser from '../shared/browser';

export function packagedJson<T>(path: string, check: (json: unknown) => T): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= (async () => {
      const response = await fetch(browser.runtime.getURL(path));
      if (!response.ok) throw new Error(`NewsContext: cannot read ${path} (${response.status})`);
      return check(await response.json());
    })();
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
