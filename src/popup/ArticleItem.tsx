// One article in the popup's lists: the title as a link (Enter or click opens
// it in a tab), source and date, a snippet with the matched words emphasised,
// and for related articles the entities it shares with the page, as the reason
// it is listed.
import { ArticleDate, SavedMarker } from '../shared/ArticleMeta';
import { Marked } from '../shared/Marked';
import { t } from '../shared/i18n';
import type { ArticleSummary } from '../shared/messages';
import { pagePath } from '../shared/messages';
import { entityOf } from './entities';

/** The attribute tests and the keyboard find items by: one per list kind. */
export type ItemKind = 'related' | 'search';
const ATTRIBUTE: Record<ItemKind, string> = { related: 'data-related-article', search: 'data-search-result' };

const MAX_REASONS = 4;

export interface ArticleItemProps {
  kind: ItemKind;
  article: ArticleSummary;
  shared?: readonly string[] | undefined;
  /** The entity the list is filtered by: shown first among the reasons. */
  highlight?: string | undefined;
  onOpen(id: string): void;
}

export function ArticleItem({ kind, article, shared, highlight, onOpen }: ArticleItemProps) {
  const { id, title, source, date, snippet, saved, dateKnown } = article;
  return (
    <li class="item" {...{ [ATTRIBUTE[kind]]: id }}>
      <a
        class="item-title"
        href={pagePath({ page: 'article', id })}
        onClick={(e) => {
          // Middle- and modifier-clicks keep the browser's own behaviour.
          if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          onOpen(id);
        }}
      >
        {title}
      </a>
      <div class="item-meta">
        {saved && <SavedMarker />}
        {source}
        {date && (
          <>
            {' · '}
            <ArticleDate date={date} known={dateKnown} />
          </>
        )}
      </div>
      {snippet.text && (
        <p class="item-snippet">
          <Marked snippet={snippet} />
        </p>
      )}
      {shared && shared.length > 0 && <Reasons shared={shared} highlight={highlight} />}
    </li>
  );
}

function Reasons({ shared, highlight }: { shared: readonly string[]; highlight: string | undefined }) {
  const ordered = highlight && shared.includes(highlight) ? [highlight, ...shared.filter((s) => s !== highlight)] : shared;
  const shown = ordered.slice(0, MAX_REASONS);
  const rest = ordered.length - shown.length;
  return (
    <p class="item-reason">
      <span class="reason-label">{t('sharedReason')}</span>{' '}
      {shown.map((id, i) => {
        const e = entityOf(id);
        return (
          <span key={id}>
            {/* Commas for screen readers; on screen the coloured names stand apart. */}
            {i > 0 && <span class="visually-hidden">, </span>}
            <span class={`reason-name type-${e?.type ?? 'unknown'}`}>{e?.name ?? id}</span>
          </span>
        );
      })}
      {rest > 0 && <span class="reason-more"> {t('moreShared', String(rest))}</span>}
    </p>
  );
}
