// The hover card: who or what a name is, and what the library says about it.
import type { EntityCard } from '../../shared/messages';
import { Marked } from '../../shared/Marked';
import { formatDate, t } from '../../shared/i18n';

export type CardState =
  | { status: 'loading'; name: string }
  | { status: 'ready'; card: EntityCard }
  | { status: 'error'; name: string; message: string }
  /** Not about a name: what the keyboard shortcut found (nothing on screen). */
  | { status: 'notice'; message: string };

export interface CardProps {
  state: CardState;
  onOpenArticle(id: string): void;
  onShowAll(entityId: string): void;
}

export function Card({ state, onOpenArticle, onShowAll }: CardProps) {
  const label =
    state.status === 'notice' ? t('extName') : t('cardLabel', state.status === 'ready' ? state.card.entity.name : state.name);
  // tabIndex -1: focusable by the keyboard shortcut, outside the page's Tab order.
  return (
    <div class="card" role="dialog" aria-label={label} aria-live="polite" tabIndex={-1}>
      {state.status === 'loading' && <p class="muted">{t('loading')}</p>}
      {state.status === 'notice' && <p class="notice">{state.message}</p>}
      {state.status === 'error' && <p class="error">{state.message}</p>}
      {state.status === 'ready' && <Ready card={state.card} onOpenArticle={onOpenArticle} onShowAll={onShowAll} />}
    </div>
  );
}

function Ready({ card, onOpenArticle, onShowAll }: { card: EntityCard } & Omit<CardProps, 'state'>) {
  const { entity, articles, articleCount } = card;
  return (
    <>
      <header>
        <span class={`type type-${entity.type}`}>{t(`type_${entity.type}`)}</span>
        <h2>{entity.name}</h2>
        <p class="desc">{entity.description}</p>
      </header>
      <p class="count">
        {articleCount === 0 ? t('cardNoArticles') : t(articleCount === 1 ? 'cardOneArticle' : 'cardArticles', String(articleCount))}
      </p>
      {articles.length > 0 && (
        <ul>
          {articles.map((a) => (
            <li key={a.id}>
              <button type="button" class="title" onClick={() => onOpenArticle(a.id)}>
                {a.title}
              </button>
              <div class="meta">
                {a.saved && `${t('savedMarker')} · `}
                {a.source} · {a.dateKnown ? formatDate(a.date) : t('savedOn', formatDate(a.date))}
              </div>
              <p class="snippet">
                <Marked snippet={a.snippet} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {/* The entity page: every article on a timeline, who else they name. */}
      {articleCount > 0 && (
        <button type="button" class="all" onClick={() => onShowAll(entity.id)}>
          {articleCount > articles.length ? t('cardShowAll', String(articleCount)) : t('cardAbout', entity.name)}
        </button>
      )}
    </>
  );
}
