// The library, loaded once and lazily: the first message that needs it fetches
// library.json from the extension's own files (the bundled articles, indexed
// at build time), then adds the reader's saved articles from IndexedDB. A
// broken or outdated index is a clear error for every caller, not an empty
// library; a saved record that no longer reads is left out, not fatal.
import browser from '../shared/browser';
import { loadLibrary, type Library, type LibraryMatcher } from '../core/library';
import { savedArticleProblem, type SavedArticle } from '../core/saved-article';

let pending: Promise<Library> | undefined;

export function getLibrary(matcher: LibraryMatcher, saved: () => Promise<SavedArticle[]> = async () => []): Promise<Library> {
  pending ??= (async () => {
    const response = await fetch(browser.runtime.getURL('library.json'));
    if (!response.ok) throw new Error(`NewsContext: cannot read library.json (${response.status})`);
    const library = loadLibrary(await response.json(), matcher);
    for (const article of await saved()) {
      const problem = savedArticleProblem(article);
      if (problem) console.warn(`NewsContext: saved article ${JSON.stringify(article?.id)} left out: it ${problem}`);
      else library.upsert(article);
    }
    return library;
  })();
  // A failed load is not cached: the next message tries again.
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
