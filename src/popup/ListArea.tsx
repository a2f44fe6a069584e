// The list part of the popup: its heading (with the entity filter, removable),
// and whatever listContent decided: articles, a loading line, an empty search
// with suggestions, or an invitation to search.
import type { RefObject } from 'preact';
import { t } from '../shared/i18n';
import { ArticleList } from './ArticleList';
import { allEntities, entityName, entityOf } from './entities';
import { NoResults } from './NoResults';
import { suggestEntities } from './suggest';
import type { ListContent, ListView } from './view-model';

export interface ListAreaProps {
  view: ListView;
  content: ListContent;
  filter: string | undefined;
  /** The page's entity ids, most mentioned first: suggestions when a search finds nothing. */
  pageEntityIds: readonly string[];
  listRef: RefObject<HTMLUListElement | null>;
  fieldRef: RefObject<HTMLInputElement | null>;
  onOpen(id: string): void;
  onClearFilter(): void;
  onSuggest(name: string): void;
}

function heading(view: ListView): string {
  if (view.kind === 'related') return t('relatedHeading');
  if (view.kind === 'entity') return t('entityHeading', entityName(view.entityId));
  return t('resultsHeading');
}

export function ListArea({ view, content, filter, pageEntityIds, listRef, fieldRef, onOpen, onClearFilter, onSuggest }: ListAreaProps) {
  const filterName = filter !== undefined ? entityName(filter) : undefined;
  const query = view.kind === 'search' ? view.query : '';
  const count = content.kind === 'items' ? content.entries.length : content.kind === 'no-results' ? 0 : undefined;
  return (
    <section class="results" id="list" aria-labelledby="list-heading" aria-busy={content.kind === 'loading' || (content.kind === 'items' && content.stale === true)}>
      {view.kind !== 'idle' && (
        <div class="list-heading-row">
          <h2 id="list-heading" class="section-heading">
            {heading(view)}
          </h2>
          {filterName !== undefined && view.kind !== 'entity' && (
            <button type="button" class="filter-pill" data-clear-filter aria-label={t('clearFilter', filterName)} onClick={onClearFilter}>
              {filterName} <span aria-hidden="true">×</span>
            </button>
          )}
        </div>
      )}
      {content.kind === 'intro' && <p class="note muted">{t('searchIntro')}</p>}
      {content.kind === 'loading' && <p class="note muted">{t('loading')}</p>}
      {content.kind === 'error' && <p class="note error">{t('errorGeneric', content.message)}</p>}
      {content.kind === 'no-related' && (
        <p class="note muted" data-no-related={content.passing ? 'passing' : 'none'}>
          {content.passing ? t('relatedPassing') : filterName ? t('relatedNoneFiltered', filterName) : t('relatedNone')}
        </p>
      )}
      {content.kind === 'items' && (
        <ArticleList
          kind={view.kind === 'related' ? 'related' : 'search'}
          entries={content.entries}
          answers={content.stale ? '' : view.kind === 'search' ? view.query : view.kind}
          stale={content.stale === true}
          labelledBy="list-heading"
          highlight={filter}
          listRef={listRef}
          fieldRef={fieldRef}
          onOpen={onOpen}
        />
      )}
      {content.kind === 'no-results' && (
        <NoResults
          query={query}
          suggestions={suggestionsFor(query, pageEntityIds)}
          filterName={view.kind === 'search' ? filterName : undefined}
          onSuggest={onSuggest}
          onClearFilter={onClearFilter}
        />
      )}
      {/* Announces how many articles the list holds as it changes. */}
      <p class="visually-hidden" aria-live="polite">
        {count === undefined ? '' : count === 1 ? t('oneArticle') : t('nArticles', String(count))}
      </p>
    </section>
  );
}

/** Names close to the query, else the names the page makes most of. */
function suggestionsFor(query: string, pageIds: readonly string[]) {
  const close = suggestEntities(query, allEntities);
  if (close.length > 0) return close;
  return pageIds.slice(0, 3).flatMap((id) => entityOf(id) ?? []);
}
