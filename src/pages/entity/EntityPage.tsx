// The entity page: who or what it is and how it is written, the library's
// articles about it on a timeline, who else they name, and articles per
// month; filters narrow all of it. The view model decides, this draws.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../shared/i18n';
import { pagePath } from '../../shared/messages';
import { send } from '../../shared/send';
import { entityName } from '../../popup/entities';
import { Chart } from './Chart';
import { CoEntities } from './CoEntities';
import { Filters } from './Filters';
import { languageName } from './format';
import { Names } from './Names';
import { Timeline } from './Timeline';
import { entityPageView, entitySearch, hasFilters, type EntityFilters, type EntityLoad, type EntityPageView, type EntityParams } from './view-model';

export function EntityPage({ params }: { params: EntityParams }) {
  const { id } = params;
  const [load, setLoad] = useState<EntityLoad>({ status: 'loading' });
  const [filters, setFilters] = useState<EntityFilters>(params.filters);

  useEffect(() => {
    if (id === '') return setLoad({ status: 'unknown', id });
    send('entity', { id }).then(
      (data) => setLoad(data ? { status: 'ready', data } : { status: 'unknown', id }),
      (e: unknown) => setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [id]);

  // The filters live in the address too, so a reload or a shared link keeps them.
  useEffect(() => {
    if (id !== '') history.replaceState(null, '', entitySearch({ id, filters }));
  }, [id, filters]);

  const view = useMemo(
    () => (load.status === 'ready' ? entityPageView(load.data, filters, { entityName, languageName, uiLanguage: uiLanguage() }) : undefined),
    [load, filters],
  );

  useEffect(() => {
    const name = load.status === 'ready' ? load.data.entity.name : load.status === 'unknown' ? t('entityNotFound') : '';
    document.title = name ? `${name} · NewsContext` : 'NewsContext';
  }, [load]);

  return (
    <div class="page">
      <nav class="top" aria-label={t('navLabel')}>
        <a class="back" href={pagePath({ page: 'search' })}>
          <span aria-hidden="true">← </span>
          {t('backToSearch')}
        </a>
      </nav>
      <main id="main" data-entity-status={load.status}>
        {load.status === 'loading' && <p class="muted">{t('loading')}</p>}
        {load.status === 'error' && <p class="error">{t('errorGeneric', load.message)}</p>}
        {load.status === 'unknown' && <Unknown id={load.id} />}
        {view && <Ready view={view} onFilters={setFilters} />}
      </main>
    </div>
  );
}

function Unknown({ id }: { id: string }) {
  return (
    <div class="not-found">
      <h1>{t('entityNotFound')}</h1>
      <p>{id ? t('entityNotFoundHint', id) : t('entityNoId')}</p>
      <p>
        <a href={pagePath({ page: 'search' })}>{t('backToSearch')}</a>
      </p>
    </div>
  );
}

function Ready({ view, onFilters }: { view: EntityPageView; onFilters(f: EntityFilters): void }) {
  const { entity } = view.data;
  const clear = () => onFilters({});
  return (
    <>
      <header class="entity-head">
        <span class={`type type-${entity.type}`}>{t(`type_${entity.type}`)}</span>
        <h1>{entity.name}</h1>
        <p class="desc">{entity.description}</p>
        {view.total > 0 && (
          <p class="count" data-article-count={view.total}>
            {view.total === 1 ? t('cardOneArticle') : t('cardArticles', String(view.total))}
            {' · '}
            <a href={pagePath({ page: 'search', entityId: entity.id })} data-search-entity>
              {t('searchWithin', entity.name)}
            </a>
          </p>
        )}
      </header>

      {view.empty === 'no-articles' ? (
        <p class="empty" data-empty="no-articles">
          {t('entityNoArticles', entity.name)}
        </p>
      ) : (
        <Filters view={view} onChange={onFilters} />
      )}

      <div class="columns">
        <div class="main-column">
          {view.empty === 'filtered' && (
            <div class="empty" data-empty="filtered">
              <p>{t('filteredNone')}</p>
              <button type="button" class="link" onClick={clear}>
                {t('clearFilters')}
              </button>
            </div>
          )}
          {view.histogram && <Chart histogram={view.histogram} />}
          {view.articles.length > 0 && <Timeline articles={view.articles} filtered={hasFilters(view.filters)} />}
        </div>
        <aside class="side-column">
          {view.coEntities.length > 0 && <CoEntities entityName={entity.name} items={view.coEntities} />}
          <Names groups={view.names} />
        </aside>
      </div>
    </>
  );
}
