// One article of the library page: its title (opens it in the reader page),
// whether the reader saved it, source, date and language, the names it makes
// most of, and what can be done with it.
import { isHttpUrl } from '../../core/canonical-url';
import { ArticleDate, SavedMarker } from '../../shared/ArticleMeta';
import { t } from '../../shared/i18n';
import { pagePath, type LibraryRow } from '../../shared/messages';
import { entityOf } from '../../popup/entities';

export interface LibraryRowProps {
  row: LibraryRow;
  languageName(lang: string): string;
  onDelete(row: LibraryRow): void;
}

export function LibraryRowItem({ row, languageName, onDelete }: LibraryRowProps) {
  const reader = pagePath({ page: 'article', id: row.id });
  // Checked again where it becomes a link: only http(s) ever does.
  const original = row.url !== undefined && isHttpUrl(row.url) ? row.url : undefined;
  return (
    <li class="item library-row" data-library-article={row.id} data-origin={row.saved ? 'saved' : 'bundled'}>
      <a class="item-title" href={reader}>
        {row.title}
      </a>
      <div class="item-meta">
        {row.saved && <SavedMarker />}
        {row.kind === 'selection' && <span class="kind-marker">{t('selectionMarker')}</span>}
        {row.source}
        {' · '}
        <ArticleDate date={row.date} known={row.dateKnown} />
        {' · '}
        <span lang={row.lang === 'und' ? undefined : row.lang} data-lang={row.lang}>
          {languageName(row.lang.split('-')[0]!)}
        </span>
      </div>
      {row.entities.length > 0 && (
        <p class="item-reason">
          {row.entities.map((id, i) => {
            const e = entityOf(id);
            return (
              <span key={id}>
                {i > 0 && <span class="visually-hidden">, </span>}
                <a class={`reason-name type-${e?.type ?? 'unknown'}`} href={pagePath({ page: 'entity', id })} data-entity-link={id}>
                  {e?.name ?? id}
                </a>
              </span>
            );
          })}
        </p>
      )}
      <div class="row-actions">
        <a href={reader}>{t('readHere')}</a>
        {original && (
          <a href={original} target="_blank" rel="noopener noreferrer" data-original-link>
            {t('openOriginal')}
          </a>
        )}
        {row.saved && (
          <button type="button" class="link" data-action="delete" aria-label={t('deleteArticleLabel', row.title)} onClick={() => onDelete(row)}>
            {t('deleteArticle')}
          </button>
        )}
      </div>
    </li>
  );
}
