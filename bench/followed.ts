// Names the reader follows, as issue "Names that grow with the library"
// measures the content script with them: entities of the knowledge base that
// no article of the built library names, the same in every run, followed
// through the background's own message, as entities.html follows them. What
// the pages light is then the background's lit gazetteer, the one the
// content script reads: the census, the floor and the references search for
// the same names.
import { loadKnowledgeBase } from '../src/build/gazetteer';
import { entitiesNamedIn, type LitGazetteer } from '../src/core/lit';
import type { LibraryArticle } from '../src/core/types';

/** A message to the background from a page of the extension; the raw reply. */
export type BackgroundCall = (type: string, payload: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;

/** `count` entities of the knowledge base that no article of the built library names, the same in every run. */
export function namesToFollow(libraryJson: { articles: LibraryArticle[] }, count: number): string[] {
  const named = entitiesNamedIn(libraryJson.articles);
  return loadKnowledgeBase()
    .entities.map((e) => e.id)
    .filter((id) => !named.has(id))
    .sort()
    .slice(0, count);
}

/** Follows `ids`, then waits until the lit gazetteer the background publishes has every one; returns it. */
export async function followNames(call: BackgroundCall, ids: readonly string[]): Promise<LitGazetteer> {
  for (const id of ids) {
    const reply = await call('entities/edit', { edit: { kind: 'follow', id } });
    if (!reply.ok) throw new Error(`following ${id}: ${reply.error}`);
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reply = await call('gazetteer', {});
    const lit = reply.value as LitGazetteer | undefined;
    const litIds = new Set(lit?.entities.map((e) => e.id));
    const missing = ids.filter((id) => !litIds.has(id));
    if (lit && missing.length === 0) return lit;
    if (Date.now() > deadline) throw new Error(`the lit gazetteer lacks ${missing.length} of the ${ids.length} names followed (${missing.slice(0, 3).join(', ')}, …)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
