// The article page: one library article in reading typography, its entities
// highlighted, who and what it names, the articles related to it, and a way
// back to search.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Matcher } from '../../core/matcher';
import type { CompiledEntity, EntityType } from '../../core/types';
import { ENTITY_TYPES } from '../../core/types';
import { isHttpUrl } from '../../core/canonical-url';
import { ArticleDate, SavedMarker } from '../../shared/ArticleMeta';
import { t } from '../../shared/i18n';
import { pagePath, type ArticleView, type RelatedArticle } from '../../shared/messages';
import { send } from '../../shared/send';
import { bodyMentions } from './body-mentions';
import { Highlighted } from './Highlighted';

type Load =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; article: ArticleView };

const SEARCH_PATH = pagePath({ page: 'search' });

export function ArticlePage({ id, matcher }: { id: string; matcher: Matcher }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    if (id === '') return setLoad({ status: 'missing' });
    send('article', { id }).then(
      (article) => setLoad(article ? { status: 'ready', article } : { status: 'missing' }),
      (e: unknown) => setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [id]);

  useEffect(() => {
    document.title = load.status === 'ready' ? `${load.article.title} · NewsContext` : load.status === 'missing' ? `${t('articleNotFound')} · NewsContext` : 'NewsContext';
  }, [load]);

  return (
    <div class="page">
      <nav class="top" aria-label={t('navLabel')}>
        <a class="back" href={SEARCH_PATH}>
          <span aria-hidden="true">← </span>
          {t('backToSearch')}
        </a>
      </nav>
      <main id="main" data-article-status={load.status}>
        {load.status === 'loading' && <p class="muted">{t('loading')}</p>}
        {load.status === 'error' && <p class="error">{t('errorGeneric', load.message)}</p>}
        {load.status === 'missing' && <NotFound id={id} />}
        {load.status === 'ready' && <Reader article={load.article} matcher={matcher} />}
      </main>
    </div>
  );
}

function NotFound({ id }: { id: string }) {
  return (
    <div class="not-found">
      <h1>{t('articleNotFound')}</h1>
      <p>{id ? t('articleNotFoundHint', id) : t('articleNoId')}</p>
      <p>
        <a href={SEARCH_PATH}>{t('backToSearch')}</a>
      </p>
    </div>
  );
}

function Reader({ article, matcher }: { article: ArticleView; matcher: Matcher }) {
  const { title, source, agency, date, author, lead, paragraphs, lang } = article;
  const found = useMemo(() => bodyMentions([lead, ...paragraphs], (text) => matcher.find(text), article.entities), [article, matcher]);
  const entity = (entityId: string) => matcher.entity(entityId);
  const [leadMentions = [], ...paragraphMentions] = found.blocks;
  return (
    <>
      <article class="reader" lang={lang}>
        <header>
          <h1>{title}</h1>
          <p class="byline">
            {article.saved && <SavedMarker />}
            {[
              source,
              date ? <ArticleDate date={date} known={article.dateKnown} /> : null,
              author ?? null,
              agency ? t('viaAgency', agency) : null,
            ]
              .filter((part) => part !== null && part !== '')
              .map((part, i) => (
                <span key={i}>
                  {i > 0 && <span aria-hidden="true"> · </span>}
                  {part}
                </span>
              ))}
          </p>
          {article.url !== undefined && isHttpUrl(article.url) && (
            <p class="original">
              <a href={article.url} target="_blank" rel="noopener noreferrer" data-original-link>
                {t('openOriginal')}
              </a>
            </p>
          )}
        </header>
        {lead && (
          <p class="lead">
            <Highlighted text={lead} mentions={leadMentions} entity={entity} />
          </p>
        )}
        {paragraphs.map((p, i) => (
          <p key={i}>
            <Highlighted text={p} mentions={paragraphMentions[i] ?? []} entity={entity} />
          </p>
        ))}
      </article>
      <aside class="context">
        <Named ids={found.ranked} entity={entity} />
        <Related items={article.related} entity={entity} />
      </aside>
    </>
  );
}

/** Who and what the article names, by type; each opens its entity page. */
function Named({ ids, entity }: { ids: readonly string[]; entity(id: string): CompiledEntity | undefined }) {
  const byType = new Map<EntityType, CompiledEntity[]>();
  for (const id of ids) {
    const e = entity(id);
    if (e) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  }
  if (byType.size === 0) return null;
  return (
    <section class="named" aria-labelledby="named-heading">
      <h2 id="named-heading">{t('namedHeading')}</h2>
      <dl>
        {ENTITY_TYPES.filter((type) => byType.has(type)).map((type) => (
          <div key={type} class="named-row">
            <dt>{t(`type_${type}`)}</dt>
            <dd>
              <ul class="chips">
                {byType.get(type)!.map((e) => (
                  <li key={e.id}>
                    <a class={`chip type-${e.type}`} href={pagePath({ page: 'entity', id: e.id })} title={e.description} data-entity={e.id}>
                      {e.name}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Related({ items, entity }: { items: readonly RelatedArticle[]; entity(id: string): CompiledEntity | undefined }) {
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{t('relatedArticles')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('relatedArticlesNone')}</p>
      ) : (
        <ul>
          {items.map((r) => (
            <li key={r.id} data-related-article={r.id}>
              <a href={pagePath({ page: 'article', id: r.id })}>{r.title}</a>
              <div class="meta">
                {r.saved && <SavedMarker />}
                {r.source} · <ArticleDate date={r.date} known={r.dateKnown} />
              </div>
              {r.shared.length > 0 && (
                <p class="reason">
                  {t('sharedReason')} {r.shared.slice(0, 5).map((id) => entity(id)?.name ?? id).join(', ')}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
