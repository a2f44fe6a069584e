// What the library-at-scale benchmark runs inside pages: each function is
// passed to a page's evaluate() and must stay self-contained (no imports, no
// helpers from outside its body). tsx names inner functions through a
// `__name` helper that pages lack: a function that has inner ones defines it
// first.

/** The extension API of an extension page. */
type Api = { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> } };

/** Runs in an extension page: the import's status and progress phase now, for the driver to follow. */
export function importState(): { status: string; phase: string | null; text: string } {
  const status = document.querySelector('[data-import-status]');
  return {
    status: status?.getAttribute('data-import-status') ?? '',
    phase: document.querySelector('[data-import-progress]')?.getAttribute('data-import-progress') ?? null,
    text: status?.textContent ?? '',
  };
}

/**
 * Runs in an extension page: what the store's snapshots hold, read from
 * IndexedDB (the page shares the background's origin): the catalog's entries
 * and generation, the full-text index's documents, and the store's generation.
 */
export async function snapshotState(): Promise<{ generation: number; catalogEntries: number; catalogGeneration: number; fullTextDocs: number }> {
  (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('newscontext');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const tx = db.transaction(['snapshots', 'meta']);
    const get = <T>(store: string, key: string) =>
      new Promise<T | undefined>((resolve, reject) => {
        const r = tx.objectStore(store).get(key);
        r.onsuccess = () => resolve(r.result as T | undefined);
        r.onerror = () => reject(r.error);
      });
    const [generation, catalog, fulltext] = await Promise.all([
      get<number>('meta', 'generation'),
      get<{ ids: unknown[]; generation: number }>('snapshots', 'catalog'),
      get<{ index: { ids: unknown[] } }>('snapshots', 'fulltext'),
    ]);
    return { generation: generation ?? 0, catalogEntries: catalog?.ids.length ?? 0, catalogGeneration: catalog?.generation ?? -1, fullTextDocs: fulltext?.index.ids.length ?? 0 };
  } finally {
    db.close();
  }
}

/**
 * Runs in an extension page: sends the save message for the tab, then
 * searches for the word only the new article has until it is the first
 * hit; both times from the page's clock.
 */
export async function saveUntilFound([tabId, token]: readonly [number, string]): Promise<{ save: number; total: number; status: string; found: boolean }> {
  (globalThis as { __name?: unknown }).__name ??= (f: unknown) => f;
  const api = ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
  const call = async (type: string, payload: unknown) => {
    const r = await api.runtime.sendMessage({ type, payload });
    if (!r.ok) throw new Error(r.error);
    return r.value as never;
  };
  const t0 = performance.now();
  const saved = (await call('save', { tabId })) as { status: string; id: string };
  const save = performance.now() - t0;
  let found = false;
  while (!found && performance.now() - t0 < 10_000) {
    const hits = (await call('search', { query: token, limit: 1 })) as Array<{ id: string }>;
    found = hits.length > 0 && hits[0]!.id === saved.id;
  }
  return { save, total: performance.now() - t0, status: saved.status, found };
}

/** Runs in an extension page: each query's search message, timed from the page (the reply carries its snippets). */
export async function timeSearches(queries: readonly string[]): Promise<number[]> {
  const api = ((globalThis as unknown as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
  const times: number[] = [];
  for (const query of queries) {
    const t = performance.now();
    const r = await api.runtime.sendMessage({ type: 'search', payload: { query, limit: 20 } });
    if (!r.ok) throw new Error(r.error);
    times.push(performance.now() - t);
  }
  return times;
}

/** Runs in a web page: the middle of the first highlighted name near the top of the screen, or null. */
export function firstNamePoint(): { x: number; y: number } | null {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('newscontext-')) continue;
    for (const range of highlight as unknown as Iterable<AbstractRange>) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      const box = r.getClientRects()[0];
      if (box && box.top > 40 && box.bottom < innerHeight - 200) return { x: box.left + Math.min(box.width / 2, 10), y: box.top + box.height / 2 };
    }
  }
  return null;
}

/** Runs in a web page: the card's last request and content drawn (User Timing marks of the content script), or null before both. */
export function cardTimes(): { request: number; ready: number } | null {
  const request = performance.getEntriesByName('newscontext-card-request').at(-1);
  const ready = performance.getEntriesByName('newscontext-card-ready').at(-1);
  return request && ready && ready.startTime >= request.startTime ? { request: request.startTime, ready: ready.startTime } : null;
}

/** Runs in a web page: forgets the card marks, before the next hover. */
export function clearCardMarks(): void {
  performance.clearMarks('newscontext-card-request');
  performance.clearMarks('newscontext-card-ready');
}

/** Init script of every page: the first moment (a frame's time) each watched selector showed, in window.__ncSeen. */
export const SEEN_SCRIPT = `(() => {
  const watched = ['ul[data-answers="related"] [data-related-article]', '[data-search-result]'];
  const seen = (window.__ncSeen = {});
  const look = (t) => {
    for (const s of watched) if (!(s in seen) && document.querySelector(s)) seen[s] = t;
    if (Object.keys(seen).length < watched.length) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;
