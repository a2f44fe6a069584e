// Fetching the lists: the articles related to the page's entities, and search
// results for the current query. Answers that arrive after a newer request
// are dropped, so fast typing never shows results for an older query.
import { useEffect, useRef, useState } from 'preact/hooks';
import { POPUP_RELATED_LIMIT, type PageEntity, type RelatedArticle, type SearchResult } from '../shared/messages';
import { send } from '../shared/send';
import { requestKey, type Fetched } from './view-model';

/** Short enough to feel instant, long enough not to search on every key of a fast typist. */
const SEARCH_DEBOUNCE_MS = 60;
const SEARCH_LIMIT = 30;

/** `revision` changes when the library does (useLibraryRevision): the list is fetched again. */
export function useRelated(entities: PageEntity[] | undefined, revision = 0): Fetched<RelatedArticle> {
  const [result, setResult] = useState<Fetched<RelatedArticle>>({ status: 'idle' });
  useEffect(() => {
    if (!entities || entities.length === 0) return setResult({ status: 'idle' });
    let current = true;
    setResult((prev) => (prev.status === 'done' ? prev : { status: 'loading' }));
    send('related', { entities, limit: POPUP_RELATED_LIMIT }).then(
      (items) => current && setResult({ status: 'done', items, key: '' }),
      (e: unknown) => current && setResult({ status: 'error', message: String((e as Error).message ?? e) }),
    );
    return () => {
      current = false;
    };
  }, [entities, revision]);
  return result;
}

export interface SearchRequest {
  query: string;
  entityId?: string;
}

export function useSearch(request: SearchRequest | null, revision = 0): Fetched<SearchResult> {
  const [result, setResult] = useState<Fetched<SearchResult>>({ status: 'idle' });
  const seq = useRef(0);
  const key = request ? requestKey(request) : '';
  useEffect(() => {
    const id = ++seq.current;
    if (!request) return setResult({ status: 'idle' });
    // A previous answer stays (with its key) until the next arrives: listContent shows it as stale.
    setResult((prev) => (prev.status === 'done' ? prev : { status: 'loading' }));
    const timer = setTimeout(() => {
      send('search', { ...request, limit: SEARCH_LIMIT }).then(
        (items) => id === seq.current && setResult({ status: 'done', items, key }),
        (e: unknown) => id === seq.current && setResult({ status: 'error', message: String((e as Error).message ?? e) }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key stands for the request's content; the request object is new at every render.
  }, [key, revision]);
  return result;
}
