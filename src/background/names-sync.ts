// What follows from the reader's names (background/knowledge.ts): the
// library read with them, and, after each change, the pages' lit gazetteer
// at once, then the library's articles the change concerns profiled again
// (core/reprofile.ts, in chunks), and the pages told that the library
// changed, so that hover cards, related lists and search follow.
import type { Library } from '../core/library';
import { reprofileLibrary } from '../core/reprofile';
import type { Knowledge } from './knowledge';

/** A failure no caller waits for: the background's console is where a developer looks. */
const logError = (error: unknown) => console.error('NewsContext:', error);

/**
 * The library, loaded once the reader's preferences are read. library.json
 * was profiled at build time with the bundled names, and the kept catalog of
 * saved articles with the bundled names too (its key is the knowledge
 * base's): the articles that the reader's changes concern are profiled again
 * after loading. Nothing to do for a reader who only follows or mutes known
 * names, which changes no entity.
 */
export function readerLibrary<L extends Library>(knowledge: Knowledge, load: () => Promise<L>): () => Promise<L> {
  let pending: Promise<L> | undefined;
  return () => {
    pending ??= (async () => {
      await knowledge.ready;
      const library = await load();
      await reprofileLibrary(library, knowledge.base, knowledge.gazetteer());
      return library;
    })();
    pending.catch(() => (pending = undefined));
    return pending;
  };
}

export interface NamesSyncDeps {
  library(): Promise<Library>;
  /** Writes the lit gazetteer when it changed. */
  publish(): Promise<unknown>;
  /** Tells every page and tab that the library changed. */
  announce(): Promise<void>;
}

/** After each change of names: light or unlight at once, then profile the concerned articles again, one change after another. */
export function syncNames(knowledge: Knowledge, deps: NamesSyncDeps): { idle(): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  knowledge.onChange((before, after) => {
    // The pages first: the library's turn comes once they have the new names.
    const published = deps.publish().catch(logError);
    queue = queue
      .then(() => published)
      .then(async () => {
        const ids = await reprofileLibrary(await deps.library(), before, after);
        if (ids.length === 0) return;
        await deps.announce();
        // An article may now name an entity no other did: it lights too.
        await deps.publish();
      })
      .catch(logError);
  });
  return { idle: () => queue };
}
