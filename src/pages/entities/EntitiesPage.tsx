// The entities page: the names the reader follows and every name the
// knowledge base knows, with how many library articles name each. Follow a
// new name or a known one, unfollow, rename, add and take away spellings, set
// the type, mute everywhere or on a site. Changes made elsewhere (the context
// menu, another tab, a save) show here as they happen. The view model
// decides, this draws.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EntityEdit } from '../../core/entity-edits';
import { onEntityPrefsChanged } from '../../shared/entity-prefs-store';
import { problemText } from '../../shared/entity-texts';
import { t } from '../../shared/i18n';
import { onLibraryChanged } from '../../shared/library-events';
import { send } from '../../shared/send';
import { EntityRowItem } from './EntityRowItem';
import { FollowForm } from './FollowForm';
import { entitiesView, type EntitiesLoad, type Section } from './view-model';
import { BrandBar } from '../BrandBar';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function EntitiesPage({ initialQuery }: { initialQuery: string }) {
  const [load, setLoad] = useState<EntitiesLoad>({ status: 'loading' });
  const [query, setQuery] = useState(initialQuery);
  /** The rows whose editor is open. */
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const refresh = useCallback(() => {
    send('entities/list', {}).then(
      (list) => setLoad({ status: 'ready', list }),
      (e: unknown) => setLoad({ status: 'error', message: message(e) }),
    );
  }, []);
  useEffect(() => {
    refresh();
    const stopPrefs = onEntityPrefsChanged(refresh);
    const stopLibrary = onLibraryChanged(refresh);
    return () => {
      stopPrefs();
      stopLibrary();
    };
  }, [refresh]);

  const edit = async (e: EntityEdit): Promise<string | null> => {
    try {
      const reply = await send('entities/edit', { edit: e });
      return reply.ok ? null : problemText(reply.problem);
    } catch (error) {
      return t('errorGeneric', message(error));
    }
  };

  const view = entitiesView(load, query);
  return (
    <div class="popup in-tab entities">
      <BrandBar>
        <a class="bar-link" href="library.html" data-open-library>
          {t('openLibrary')}
        </a>
      </BrandBar>
      <h1 class="page-title">{t('entitiesTitle')}</h1>
      <p class="muted page-intro">{t('entitiesIntro')}</p>

      {view.kind === 'ready' && view.problem !== undefined && (
        <div class="note warning" role="alert" data-prefs-problem>
          <p>{view.problem}</p>
          <p>
            <button type="button" class="link" data-action="reset-prefs" onClick={() => void send('entities/reset', {}).then(refresh, refresh)}>
              {t('entitiesReset')}
            </button>
          </p>
        </div>
      )}

      {view.kind === 'ready' && view.dropped.length > 0 && (
        <div class="note warning" data-dropped-names>
          {view.dropped.map((d) => (
            <p key={`${d.name}:${d.alias}`}>{t('entitiesDropped', d.alias, d.name, d.owner)}</p>
          ))}
        </div>
      )}

      <FollowForm onFollow={(e) => send('entities/edit', { edit: e })} />

      <div class="search" role="search">
        <label for="entity-filter" class="visually-hidden">
          {t('entitiesFilterLabel')}
        </label>
        <input id="entity-filter" type="search" value={query} placeholder={t('entitiesFilterPlaceholder')} autocomplete="off" spellcheck={false} data-filter="entities" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
      </div>

      {view.kind === 'loading' && <p class="muted">{t('loading')}</p>}
      {view.kind === 'error' && (
        <p class="error" role="alert">
          {t('errorGeneric', view.message)}
        </p>
      )}
      {view.kind === 'ready' && (
        <>
          {view.noneFollowed && query.trim() === '' && (
            <p class="empty" data-empty="none-followed">
              {t('entitiesNoneFollowed')}
            </p>
          )}
          {view.noMatch && (
            <p class="empty" data-empty="no-match">
              {t('entitiesNoMatch', query.trim())}
            </p>
          )}
          {view.sections.map((s) => (
            <EntitySection key={s.key} section={s} onEdit={edit} open={open} onToggle={toggle} />
          ))}
          {query.trim() === '' && <p class="muted search-hint">{t('entitiesSearchHint')}</p>}
        </>
      )}
    </div>
  );
}

const HEADINGS = { followed: 'entitiesFollowed', own: 'entitiesOwn', muted: 'entitiesMuted', library: 'entitiesInLibrary', known: 'entitiesKnown' } as const;

interface SectionProps {
  section: Section;
  onEdit(edit: EntityEdit): Promise<string | null>;
  open: ReadonlySet<string>;
  onToggle(id: string): void;
}

function EntitySection({ section, onEdit, open, onToggle }: SectionProps) {
  const heading = `section-${section.key}`;
  return (
    <section class="entity-section" aria-labelledby={heading} data-section={section.key}>
      <h2 id={heading} class="section-heading">
        {t(HEADINGS[section.key])} <span class="section-count">{section.rows.length + section.hidden}</span>
      </h2>
      <ul class="items">
        {section.rows.map((row) => (
          <EntityRowItem key={row.id} row={row} onEdit={onEdit} open={open.has(row.id)} onToggle={() => onToggle(row.id)} />
        ))}
      </ul>
      {section.hidden > 0 && <p class="muted">{t('entitiesMore', String(section.hidden))}</p>}
    </section>
  );
}
