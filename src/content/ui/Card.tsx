// The hover card: who or what a name is, and what the library says about it.
import type { EntityCard } from '../../shared/messages';
import { Marked } from '../../shared/Marked';
import { formatDate, t } from '../../shared/i18n';

/** Saving the page from the card of a followed name with no article: under way, or what it did. */
export type CardSave = { status: 'saving' } | { status: 'done'; text: string; ok: boolean };

export type CardState =
  | { status: 'loading'; name: string }
  | { status: 'ready'; card: EntityCard; save?: CardSave }
  | { status: 'error'; name: string; message: string }
  /** Not about a name: what the keyboard shortcut found (nothing on screen). */
  | { status: 'notice'; message: string };

export interface CardProps {
  state: CardState;
  onOpenArticle(id: string): void;
  onShowAll(entityId: string): void;
  onSavePage(): void;
}

export function Card({ state, onOpenArticle, onShowAll, onSavePage }: CardProps) {
  const label =
    state.status === 'notice' ? t('extName') : t('cardLabel', state.status === 'ready' ? state.card.entity.name : state.name);
  // tabIndex -1: focusable by the keyboard shortcut, outside the page's Tab order.
  return (
    <div class="card" role="dialog" aria-label={label} aria-live="polite" tabIndex={-1}>
      {state.status === 'loading' && <p class="muted">{t('loading')}</p>}
      {state.status === 'notice' && <p class="notice">{state.message}</p>}
      {state.status === 'error' && <p class="error">{state.message}</p>}
      {state.status === 'ready' && <Ready card={state.card} save={state.save} onOpenArticle={onOpenArticle} onShowAll={onShowAll} onSavePage={onSavePage} />}
    </div>
  );
}

function Ready({ card, save, onOpenArticle, onShowAll, onSavePage }: { card: EntityCard; save: CardSave | undefined } & Omit<CardProps, 'state'>) {
  const { entity, articles, articleCount } = card;
  // A name the reader follows, with nothing in the library yet: this page could be the first.
  const offerSave = articleCount === 0 && card.followed === true;
  return (
    <>
      <header>
        <span class={`type type-${entity.type}`}>{t(`type_${entity.type}`)}</span>
        <h2>{entity.name}</h2>
        <p class="desc">{entity.description}</p>
      </header>
      <p class="count" data-card-followed={offerSave ? '' : undefined}>
        {offerSave
          ? t('cardFollowedNoArticles', entity.name)
          : articleCount === 0
            ? t('cardNoArticles')
            : t(articleCount === 1 ? 'cardOneArticle' : 'cardArticles', String(articleCount))}
      </p>
      {save && (
        <p class={save.status === 'done' && !save.ok ? 'notice error' : 'notice'} role="status" data-card-save-status={save.status === 'done' ? (save.ok ? 'ok' : 'error') : 'saving'}>
          {save.status === 'saving' ? t('saving') : save.text}
        </p>
      )}
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
      {offerSave && (
        <button type="button" class="all" data-card-save disabled={save?.status === 'saving'} onClick={onSavePage}>
          {t('cardSavePage')}
        </button>
      )}
      {articleCount > 0 && (
        <button type="button" class="all" onClick={() => onShowAll(entity.id)}>
          {articleCount > articles.length ? t('cardShowAll', String(articleCount)) : t('cardAbout', entity.name)}
        </button>
      )}
    </>
  );
}
