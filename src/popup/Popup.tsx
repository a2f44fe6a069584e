// The toolbar popup (and the same view in a tab): a search field, the
// entities the current page names, and one list, either the library articles
// related to the page or search results.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import { send } from '../shared/send';
import { itemLinks } from './ArticleList';
import { EntityChips } from './EntityChips';
import { EntityPageLink } from './EntityPageLink';
import { escapeAction, moveFocus } from './keyboard';
import { ListArea } from './ListArea';
import { PageNote } from './PageNote';
import { popOutPath, type PopupParams } from './params';
import { Switch } from './Switch';
import { useRelated, useSearch } from './use-results';
import { usePage } from './use-page';
import { canSave } from './save-view';
import { SavePanel } from './SavePanel';
import { useLibraryRevision, useSave, useSavedStatus } from './use-save';
import { useShortcut } from './use-shortcut';
import { useSidePanelOpener } from './use-side-panel';
import { SAVE_PAGE_COMMAND, SHOW_CARD_COMMAND, type OpenTarget } from '../shared/messages';
import { listContent, listView, searchRequest } from './view-model';
import { hasEvidence } from '../core/ranking';

/** A performance mark at first render, for the benchmark's time-to-first-render. */
export const FIRST_RENDER_MARK = 'newscontext:popup-first-render';

export function Popup({ params }: { params: PopupParams }) {
  const page = usePage(params);
  const cardKeys = useShortcut(SHOW_CARD_COMMAND);
  const saveKeys = useShortcut(SAVE_PAGE_COMMAND);
  const openSidePanel = useSidePanelOpener(!params.inTab);
  const [query, setQuery] = useState(params.query);
  const [filter, setFilter] = useState<string | undefined>(params.entityId);
  const fieldRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  // A view that follows the active tab (the side panel) leaves the filter with the page it came from.
  useEffect(() => setFilter(params.entityId), [params.tabId]);

  // Focus before the first paint, so the first key typed lands in the field.
  useLayoutEffect(() => {
    fieldRef.current?.focus();
    performance.mark(FIRST_RENDER_MARK);
  }, []);

  const view = listView(query, filter, page.status);
  const request = searchRequest(view);
  // A save here or anywhere else changes what the lists hold: they ask again.
  const revision = useLibraryRevision();
  const search = useSearch(request, revision);
  const pageEntities = page.status.kind === 'ready' ? page.status.state.entities : undefined;
  const related = useRelated(pageEntities, revision);
  const saving = useSave(page.tabId);
  const saved = useSavedStatus();
  const content = listContent(view, related, search, request, page.status.kind !== 'none', pageEntities === undefined || hasEvidence(pageEntities));

  const openPage = (target: OpenTarget) => {
    void send('open', target).then(() => {
      // The popup could linger over the new tab; a view in a tab stays.
      if (!params.inTab) window.close();
    });
  };
  const open = (id: string) => openPage({ page: 'article', id });
  const popOut = (tabId: number) => {
    void browser.tabs.create({ url: browser.runtime.getURL(popOutPath(tabId)) }).then(() => window.close());
  };
  const focusField = () => fieldRef.current?.focus();

  const onRootKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    const action = escapeAction(query, filter, document.activeElement === fieldRef.current);
    if (action === 'none') return;
    e.preventDefault();
    if (action === 'clear-query') setQuery('');
    else if (action === 'clear-filter') setFilter(undefined);
    focusField();
  };

  // Type, then Enter: the first article opens, once the results answer what was typed.
  const openFirstWhenReady = useRef(false);
  const waiting = content.kind === 'loading' || (content.kind === 'items' && content.stale === true);
  useEffect(() => {
    if (!openFirstWhenReady.current || waiting) return;
    openFirstWhenReady.current = false;
    if (content.kind === 'items') open(content.entries[0]!.article.id);
  });

  const onFieldKeyDown = (e: KeyboardEvent) => {
    const links = itemLinks(listRef.current);
    if (e.key === 'Enter') {
      if (content.kind !== 'items' && !waiting) return;
      e.preventDefault();
      if (waiting) openFirstWhenReady.current = true;
      else links[0]?.click();
      return;
    }
    const next = moveFocus(-1, e.key, links.length);
    if (next !== null && next >= 0) {
      e.preventDefault();
      links[next]?.focus();
    }
  };

  return (
    <div class={params.inTab ? 'popup in-tab' : 'popup'} onKeyDown={onRootKeyDown}>
      <header class="bar">
        <span class="brand">
          <img src="icons/icon-32.png" alt="" width={16} height={16} />
          NewsContext
        </span>
        <span class="bar-actions">
          {openSidePanel && (
            <button type="button" class="icon-button" data-open-side-panel title={t('openSidePanel')} aria-label={t('openSidePanel')} onClick={openSidePanel}>
              <SidePanelIcon />
            </button>
          )}
          {!params.inTab && page.tabId !== undefined && (
            <button type="button" class="icon-button" data-pop-out title={t('popOut')} aria-label={t('popOut')} onClick={() => popOut(page.tabId!)}>
              <PopOutIcon />
            </button>
          )}
        </span>
      </header>

      <SavePanel canSave={canSave(page.tabId, page.status)} state={saving.state} onSave={() => void saving.save()} status={saved.status} installType={saved.installType} />

      <div class="search" role="search">
        <label for="q" class="visually-hidden">
          {t('searchLabel')}
        </label>
        <input
          id="q"
          ref={fieldRef}
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          aria-describedby="keys-hint"
          aria-controls="list"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onFieldKeyDown}
        />
      </div>

      {page.status.kind !== 'none' && (
        <section class="page" aria-labelledby="page-heading">
          <h2 id="page-heading" class="section-heading">
            {t('onThisPage')}
          </h2>
          {page.status.kind === 'ready' ? (
            <EntityChips entities={page.status.state.entities} active={filter} onToggle={(id) => setFilter((f) => (f === id ? undefined : id))} />
          ) : (
            <PageNote status={page.status} />
          )}
        </section>
      )}

      {filter !== undefined && <EntityPageLink id={filter} onOpen={(id) => openPage({ page: 'entity', id })} />}

      <ListArea
        view={view}
        content={content}
        filter={filter}
        pageEntityIds={pageEntities?.map((e) => e.id) ?? []}
        listRef={listRef}
        fieldRef={fieldRef}
        onOpen={open}
        onClearFilter={() => {
          setFilter(undefined);
          focusField();
        }}
        onSuggest={(name) => {
          setQuery(name);
          focusField();
        }}
      />

      <footer class="foot">
        {page.site !== '' && page.status.kind !== 'unavailable' && page.status.kind !== 'loading' && (
          // The content script follows the setting at once, without a reload.
          <Switch
            label={t('pauseSite', page.site)}
            checked={page.paused}
            onChange={(p) => void page.setPaused(p)}
            inputProps={{ 'data-pause-site': page.site }}
          />
        )}
        {page.badge !== undefined && (
          <Switch
            label={t('badgeSetting')}
            checked={page.badge}
            onChange={(on) => void page.setBadge(on)}
            inputProps={{ 'data-setting': 'badge' }}
          />
        )}
        {page.lightAll !== undefined && (
          // Every open tab lights (or unlights) the names at once, without a reload.
          <Switch
            label={t('lightAllSetting')}
            checked={page.lightAll}
            onChange={(on) => void page.setLightAll(on)}
            inputProps={{ 'data-setting': 'light-all' }}
          />
        )}
        <p id="keys-hint" class="keys-hint">
          {t('keysHint')}
        </p>
        {cardKeys && (
          <p class="keys-hint" data-card-shortcut>
            {t('cardShortcutHint', cardKeys)}
          </p>
        )}
        {saveKeys && (
          <p class="keys-hint" data-save-shortcut>
            {t('saveShortcutHint', saveKeys)}
          </p>
        )}
      </footer>
    </div>
  );
}

function SidePanelIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="2" y="2.75" width="12" height="10.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M10 3v10" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

function PopOutIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5"
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
