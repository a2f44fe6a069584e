// Which list the popup shows, decided in one place: a search when there is a
// query, the articles related to the page when the page names something, the
// articles naming one entity when opened for it (the entity page's search
// link), or nothing but a message.
import type { ArticleSummary, RelatedArticle, SearchResult } from '../shared/messages';
import type { PageStatus } from './page-status';

export type ListView =
  | { kind: 'search'; query: string; entityId: string | undefined }
  | { kind: 'related'; entityId: string | undefined }
  | { kind: 'entity'; entityId: string }
  | { kind: 'idle' };

export function listView(query: string, entityId: string | undefined, status: PageStatus): ListView {
  const q = query.trim();
  if (q !== '') return { kind: 'search', query: q, entityId };
  if (status.kind === 'ready') return { kind: 'related', entityId };
  if (entityId !== undefined) return { kind: 'entity', entityId };
  return { kind: 'idle' };
}

/**
 * The search the view needs, or null. An entity listing (opened from the
 * entity page) is an empty query within the entity: every article naming it.
 */
export function searchRequest(view: ListView): { query: string; entityId?: string } | null {
  if (view.kind === 'search') return view.entityId ? { query: view.query, entityId: view.entityId } : { query: view.query };
  if (view.kind === 'entity') return { query: '', entityId: view.entityId };
  return null;
}

/** The related list narrowed to the articles that share one entity, rank order kept. */
export function filterRelated(related: readonly RelatedArticle[], entityId: string | undefined): RelatedArticle[] {
  return entityId === undefined ? [...related] : related.filter((r) => r.shared.includes(entityId));
}

/** A list being fetched; `key` says which request the items answer. */
export type Fetched<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; items: T[]; key: string }
  | { status: 'error'; message: string };

/** A stable key for a search request: results are shown only for the request they answer. */
export const requestKey = (r: { query: string; entityId?: string }) => `${r.entityId ?? ''}\u0000${r.query}`;

export interface ListEntry {
  article: ArticleSummary;
  /** For related articles: the entities shared with the page, most telling first. */
  shared?: readonly string[];
}

export type ListContent =
  /** No list and nothing to say about it (the page note speaks), or an invitation to search. */
  | { kind: 'nothing' }
  | { kind: 'intro' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `stale`: results of the previous query, shown dimmed while the current one is on its way. */
  | { kind: 'items'; entries: ListEntry[]; stale?: true }
  /**
   * The page names entities, but no article (or none with the filter) shares
   * them; `passing`: it names them too little to say what it is about (ranking.ts, hasEvidence).
   */
  | { kind: 'no-related'; passing?: true }
  | { kind: 'no-results' };

/** What the list area shows, from the view and whichever fetch it depends on. */
export function listContent(
  view: ListView,
  related: Fetched<RelatedArticle>,
  search: Fetched<SearchResult>,
  request: { query: string; entityId?: string } | null,
  hasPage: boolean,
  /** The page names enough to list related articles (ranking.ts, hasEvidence). */
  evidence = true,
): ListContent {
  if (view.kind === 'idle') return hasPage ? { kind: 'nothing' } : { kind: 'intro' };
  if (view.kind === 'related') {
    if (related.status === 'error') return { kind: 'error', message: related.message };
    if (related.status !== 'done') return { kind: 'loading' };
    const entries = filterRelated(related.items, view.entityId).map((r) => ({ article: r, shared: r.shared }));
    if (entries.length > 0) return { kind: 'items', entries };
    return evidence || view.entityId !== undefined ? { kind: 'no-related' } : { kind: 'no-related', passing: true };
  }
  if (search.status === 'error') return { kind: 'error', message: search.message };
  if (!request || search.status !== 'done') return { kind: 'loading' };
  const entries = search.items.map((r) => ({ article: r }));
  // Results for an older query are never shown as if they answered this one.
  if (search.key !== requestKey(request)) return entries.length > 0 ? { kind: 'items', entries, stale: true } : { kind: 'loading' };
  return entries.length > 0 ? { kind: 'items', entries } : { kind: 'no-results' };
}
