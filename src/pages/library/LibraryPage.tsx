// The library page: every article, bundled and saved, one row each, with
// filters and sorting; a saved article can be deleted (with undo); the saved
// articles can be exported to one file and imported from one. Everything
// shown here came from pages or files: it is rendered as text, never markup.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../shared/i18n';
import { onLibraryChanged } from '../../shared/library-events';
import type { SavedArticle } from '../../core/saved-article';
import type { LibraryRow } from '../../shared/messages';
import { send } from '../../shared/send';
import { useShortcut } from '../../popup/use-shortcut';
import { entityOf } from '../../popup/entities';
import { SAVE_PAGE_COMMAND } from '../../shared/messages';
import { isFiltered, languageOptions, libraryContent, NO_FILTERS, type LibraryFilters, type LibraryLoad } from './library-view';
import { LibraryRowItem } from './LibraryRowItem';
import { Transfer } from './Transfer';
import { StorageUsed } from './StorageUsed';
import { BrandBar } from '../BrandBar';

const spellings = (id: string) => {
  const e = entityOf(id);
  return e ? [e.name, ...e.aliases, ...(e.weak ?? [])] : [];
};

export function languageName(lang: string): string {
  if (lang === 'und') return t('languageUnknown');
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export function LibraryPage({ initial }: { initial: LibraryFilters }) {
  const [load, setLoad] = useState<LibraryLoad>({ status: 'loading' });
  const [filters, setFilters] = useState<LibraryFilters>(initial);
  const [undo, setUndo] = useState<SavedArticle | null>(null);
  const saveKeys = useShortcut(SAVE_PAGE_COMMAND);

  const refresh = useCallback(() => {
    send('library/list', {}).then(
      (rows) => setLoad({ status: 'ready', rows }),
      (e: unknown) => setLoad({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  useEffect(() => {
    refresh();
    return onLibraryChanged(refresh);
  }, [refresh]);

  const rows = load.status === 'ready' ? load.rows : [];
  const languages = useMemo(() => languageOptions(rows), [rows]);
  const content = libraryContent(load, filters, spellings);
  const set = (change: Partial<LibraryFilters>) => setFilters((f) => ({ ...f, ...change }));

  const remove = async (row: LibraryRow) => {
    const { deleted } = await send('library/delete', { id: row.id });
    setUndo(deleted);
  };
  const restore = async () => {
    if (!undo) return;
    await send('library/restore', { article: undo });
    setUndo(null);
  };

  return (
    <div class="popup in-tab library">
      <BrandBar>
        <a class="bar-link" href="entities.html" data-open-entities>
          {t('openEntities')}
        </a>
      </BrandBar>
      <h1 class="library-title">{t('libraryTitle')}</h1>
      <p class="muted library-intro">{t('libraryIntro')}</p>

      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          <span>{t('filterText')}</span>
          <input type="search" value={filters.text} placeholder={t('filterTextPlaceholder')} data-filter="text" onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label class="field">
          <span>{t('filterLanguage')}</span>
          <select value={filters.lang} data-filter="lang" onChange={(e) => set({ lang: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('filterAllLanguages')}</option>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('libraryFilterOrigin')}</span>
          <select value={filters.origin} data-filter="origin" onChange={(e) => set({ origin: (e.currentTarget as HTMLSelectElement).value as LibraryFilters['origin'] })}>
            <option value="all">{t('libraryFilterAll')}</option>
            <option value="saved">{t('filterSaved')}</option>
            <option value="bundled">{t('filterBundled')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('sortLabel')}</span>
          <select value={filters.sort} data-sort onChange={(e) => set({ sort: (e.currentTarget as HTMLSelectElement).value as LibraryFilters['sort'] })}>
            <option value="date">{t('sortDate')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </label>
      </form>

      {undo && (
        <p class="undo" role="status" data-undo>
          {t('deletedNotice', undo.title)}{' '}
          <button type="button" class="link" data-action="undo" onClick={() => void restore()}>
            {t('undo')}
          </button>
        </p>
      )}

      <section aria-labelledby="list-heading" aria-busy={content.kind === 'loading'}>
        <h2 id="list-heading" class="visually-hidden">
          {t('libraryTitle')}
        </h2>
        {content.kind === 'loading' && <p class="note muted">{t('loading')}</p>}
        {content.kind === 'error' && <p class="note error">{t('errorGeneric', content.message)}</p>}
        {content.kind === 'none-saved' && (
          <p class="note" data-library-empty="none-saved">
            {t('libraryNoneSaved', saveKeys ?? 'Alt+Shift+S')}
          </p>
        )}
        {content.kind === 'no-match' && (
          <p class="note" data-library-empty="no-match">
            {t('libraryNoMatch')}{' '}
            {isFiltered(filters) && (
              <button type="button" class="link" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>
                {t('libraryClearFilters')}
              </button>
            )}
          </p>
        )}
        <p class="library-count muted" aria-live="polite" data-library-count>
          {content.kind === 'rows' ? t('libraryCount', String(content.rows.length), String(content.total)) : ''}
        </p>
        {content.kind === 'rows' && (
          <ul class="items library-list">
            {content.rows.map((row) => (
              <LibraryRowItem key={row.id} row={row} languageName={languageName} onDelete={(r) => void remove(r)} />
            ))}
          </ul>
        )}
      </section>

      <Transfer />
      <StorageUsed revision={rows.length} />
    </div>
  );
}
