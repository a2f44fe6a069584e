// The library, loaded once per start of the background, in two steps:
// 1. the catalog: the bundled articles (library.json) and the saved
//    articles' entries and profiles, read from the snapshot the store keeps,
//    which is all that related lists and hover cards need;
// 2. the full-text index, read from its snapshot and brought up to date
//    with what changed since, loaded in steps so that the first step's
//    callers are answered meanwhile; search waits for it.
// Nothing is made again that the store kept: a start with an up-to-date
// snapshot profiles and indexes nothing. A snapshot made by another version
// (layout, knowledge base, index options, MiniSearch) is refused, and what
// it held is made again from the articles, then kept.
//
// After a change, the snapshots are written again a little later, in steps
// (persist()). A broken or outdated library.json is a clear error for every
// caller, not an empty library; a saved record that no longer reads is left
// out, not fatal.
import { catalogProblem, type PackedCatalog } from '../core/catalog-pack';
import { FullText } from '../core/full-text';
import { emptyLibrary, readSerializedLibrary, type Library, type LibraryMatcher, type LoadableLibrary } from '../core/library';
import { isObject } from '../core/guards';
import { isSavedArticle, savedArticleProblem, type SavedArticle } from '../core/saved-article';
import type { ArticleText } from '../core/types';
import type { SavedStore } from './saved-store';

export interface LibraryLoaderDeps {
  matcher: LibraryMatcher;
  store(): Promise<SavedStore>;
  /** library.json, parsed. */
  bundled(): Promise<unknown>;
  /** Lets other work run (a macrotask); between the steps of long work. */
  pause(): Promise<void>;
  /** How long after a change the catalog's snapshot is written (ms). */
  catalogDelayMs?: number;
  /** How long after a change the full-text snapshot is written (ms). */
  fullTextDelayMs?: number;
}

export interface LibraryLoader {
  /** Entries and entity lists: related lists, hover cards, the library page. */
  catalog(): Promise<LoadableLibrary>;
  /** The full-text index attached and up to date too: search, and every change. */
  searchable(): Promise<LoadableLibrary>;
  /** A change was applied to the library, reflecting this generation of the store: the snapshots follow. */
  changed(generation: number): void;
  /** Writes what changed into the snapshots now (at the end of an import; tests). */
  persist(): Promise<void>;
  /** Starts loading the full-text index if the catalog is loaded and the index is not. */
  warm(): void;
}

/** Saved articles read and profiled at once, when the catalog is made again. */
const BATCH = 100;
/**
 * Writing the catalog's snapshot packs and clones every entry, which holds
 * the worker for a time that grows with the library. Right after a save,
 * the reader waits for the save's answer and searches for what they saved;
 * a second later they do not. A worker stopped meanwhile loses nothing:
 * the next start reconciles an older snapshot with the store.
 */
const CATALOG_DELAY_MS = 1000;
const FULL_TEXT_DELAY_MS = 5000;

function warn(message: string): void {
  console.warn(`NewsContext: ${message}`);
}

export function createLibraryLoader(deps: LibraryLoaderDeps): LibraryLoader {
  let catalogLoad: Promise<LoadableLibrary> | undefined;
  let searchLoad: Promise<LoadableLibrary> | undefined;
  /** The store's generation that the library in memory reflects. */
  let generation = 0;
  let profileKey = '';
  let catalogDirty = false;
  /** The full text's change count when its snapshot was last written (or read). */
  let fullTextWritten = -1;
  let catalogTimer: ReturnType<typeof setTimeout> | undefined;
  let fullTextTimer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const texts = async (ids: readonly string[]): Promise<ReadonlyMap<string, ArticleText>> => {
    const found = await (await deps.store()).getMany(ids);
    const out = new Map<string, ArticleText>();
    for (const [id, a] of found) out.set(id, { lead: a.lead, paragraphs: a.paragraphs });
    return out;
  };

  /** Profiles the saved articles the catalog lacks or holds in an older version, and drops those the store no longer has. */
  async function reconcile(library: LoadableLibrary, store: SavedStore): Promise<void> {
    const versions = await store.versions();
    for (const e of library.articles()) if (isSavedArticle(e) && !versions.has(e.id)) library.remove(e.id);
    const stale = [...versions].filter(([id, savedAt]) => library.version(id) !== savedAt).map(([id]) => id);
    for (let i = 0; i < stale.length; i += BATCH) {
      for (const a of (await store.getMany(stale.slice(i, i + BATCH))).values()) upsertSaved(library, a);
      await deps.pause();
    }
  }

  async function loadCatalog(): Promise<LoadableLibrary> {
    // The bundled library and the kept catalog are read at once: one from the package, one from IndexedDB.
    const storeOpened = deps.store();
    const keptRead = storeOpened.then((store) => store.snapshot('catalog'));
    keptRead.catch(() => undefined);
    const json = await deps.bundled();
    const bundled = readSerializedLibrary(json);
    profileKey = isObject(json) && typeof json.profileKey === 'string' ? json.profileKey : '';
    const library = emptyLibrary(deps.matcher, { texts });
    const store = await storeOpened;
    const kept = await keptRead;
    generation = kept.generation;
    const problem = catalogProblem(kept.value, profileKey);
    // The kept catalog first: it is the catalog's base, which the bundled articles join.
    if (problem === null) library.unpackCatalog(kept.value as PackedCatalog);
    else if (kept.value !== undefined) warn(`the kept catalog ${problem}: the saved articles are profiled again`);
    for (const { lead, paragraphs, ...entry } of bundled) library.put(entry, { lead, paragraphs });
    if (problem === null && (kept.value as PackedCatalog).generation === generation) return library;
    await reconcile(library, store);
    catalogDirty = true;
    scheduleCatalog();
    return library;
  }

  async function loadFullText(): Promise<LoadableLibrary> {
    // The index is read while the catalog loads: search waits for both.
    const [library, kept] = await Promise.all([catalog(), deps.store().then(async (store) => (await store.snapshot('fulltext')).value)]);
    let fullText = FullText.empty();
    if (kept !== undefined) {
      try {
        fullText = await FullText.loadAsync(kept, deps.pause);
        fullTextWritten = fullText.changes;
      } catch (e) {
        warn(`${(e as Error).message}: the saved articles are indexed again`);
      }
    }
    const stale = library.attach(fullText);
    if (stale.length > 0) await library.catchUp(stale, { pause: deps.pause });
    if (fullText.changes !== fullTextWritten) scheduleFullText();
    return library;
  }

  function catalog(): Promise<LoadableLibrary> {
    catalogLoad ??= loadCatalog();
    // A failed load is not kept: the next caller tries again.
    catalogLoad.catch(() => (catalogLoad = undefined));
    return catalogLoad;
  }

  function searchable(): Promise<LoadableLibrary> {
    searchLoad ??= loadFullText();
    searchLoad.catch(() => (searchLoad = undefined));
    return searchLoad;
  }

  function scheduleCatalog(): void {
    clearTimeout(catalogTimer);
    catalogTimer = setTimeout(() => void persistCatalog(), deps.catalogDelayMs ?? CATALOG_DELAY_MS);
  }

  function scheduleFullText(): void {
    clearTimeout(fullTextTimer);
    fullTextTimer = setTimeout(() => void persistFullText(), deps.fullTextDelayMs ?? FULL_TEXT_DELAY_MS);
  }

  /** One write at a time: an older snapshot never lands after a newer one. */
  function serially(job: () => Promise<void>): Promise<void> {
    writing = writing.then(job).catch((e: unknown) => warn(`a snapshot could not be written (${(e as Error).message})`));
    return writing;
  }

  function persistCatalog(): Promise<void> {
    return serially(async () => {
      if (!catalogDirty || !catalogLoad) return;
      const library = await catalogLoad;
      catalogDirty = false;
      await (await deps.store()).putSnapshot('catalog', library.packCatalog(profileKey, generation));
    });
  }

  function persistFullText(): Promise<void> {
    return serially(async () => {
      const fullText = searchLoad ? (await searchLoad).fullText : undefined;
      if (!fullText || fullText.changes === fullTextWritten) return;
      const at = fullText.changes;
      const packed = await fullText.packAsync(deps.pause);
      // Changed while it was packed: the change schedules the next write.
      if (!packed) return;
      await (await deps.store()).putSnapshot('fulltext', packed);
      fullTextWritten = at;
    });
  }

  return {
    catalog,
    searchable,
    changed(at) {
      generation = at;
      catalogDirty = true;
      scheduleCatalog();
      scheduleFullText();
    },
    warm() {
      if (catalogLoad && !searchLoad) void catalogLoad.then(() => searchable()).catch(() => undefined);
    },
    async persist() {
      clearTimeout(catalogTimer);
      clearTimeout(fullTextTimer);
      await persistCatalog();
      await persistFullText();
    },
  };
}

/** Profiles a saved article into the library, unless its record no longer reads. */
export function upsertSaved(library: Pick<Library, 'upsert'>, article: SavedArticle): void {
  const problem = savedArticleProblem(article);
  if (problem) warn(`saved article ${JSON.stringify(article?.id)} left out: it ${problem}`);
  else library.upsert(article);
}
