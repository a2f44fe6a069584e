// An empty search: say so, and offer something to try, names close to what
// was typed first, else the names on the page, else removing the filter.
import { t } from '../shared/i18n';
import type { CompiledEntity } from '../core/types';

export interface NoResultsProps {
  query: string;
  suggestions: readonly CompiledEntity[];
  filterName: string | undefined;
  onSuggest(name: string): void;
  onClearFilter(): void;
}

export function NoResults({ query, suggestions, filterName, onSuggest, onClearFilter }: NoResultsProps) {
  return (
    <div class="note" data-empty-search>
      <p class="note-title">{t('noResults', query)}</p>
      {filterName !== undefined ? (
        <p class="muted">
          {t('noResultsFiltered', filterName)}{' '}
          <button type="button" class="link" onClick={onClearFilter}>
            {t('searchEverywhere')}
          </button>
        </p>
      ) : (
        <p class="muted">{suggestions.length > 0 ? t('noResultsTryName') : t('noResultsHint')}</p>
      )}
      {filterName === undefined && suggestions.length > 0 && (
        <ul class="suggestions">
          {suggestions.map((e) => (
            <li key={e.id}>
              <button type="button" class={`chip type-${e.type}`} data-suggestion={e.id} onClick={() => onSuggest(e.name)}>
                <span class="chip-name">{e.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
