// One entity of the entities page: its type, its name (a link to its own
// page), how many articles name it, what the reader made of it, and the
// actions: follow or unfollow, mute everywhere or not, and the editor
// (names, type, sites) opened in place.
import { useState } from 'preact/hooks';
import type { EntityEdit } from '../../core/entity-edits';
import { t } from '../../shared/i18n';
import { pagePath, type EntityListRow } from '../../shared/messages';
import { EntityEditor } from './EntityEditor';

export interface RowProps {
  row: EntityListRow;
  /** Sends an edit; resolves to the reason it was refused, or null. */
  onEdit(edit: EntityEdit): Promise<string | null>;
  /** The editor is open: kept by the page, since a change can move the row to another section. */
  open: boolean;
  onToggle(): void;
}

export function EntityRowItem({ row, onEdit, open, onToggle }: RowProps) {
  const [error, setError] = useState<string | null>(null);
  /** Opened from its button now, not shown again after a move: only then does the editor take the focus. */
  const [toggled, setToggled] = useState(false);
  const run = async (edit: EntityEdit) => setError(await onEdit(edit));
  const editorId = `edit-${row.id}`;
  return (
    <li class="item entity-row" data-entity-row={row.id} data-followed={row.followed ? '' : undefined} data-muted={row.muted ? '' : undefined}>
      <div class="row-head">
        <span class={`type type-${row.type}`}>{t(`type_${row.type}`)}</span>
        <a class="item-title row-name" href={pagePath({ page: 'entity', id: row.id })}>
          {row.name}
        </a>
        <span class="row-count" data-article-count={row.articleCount}>
          {row.articleCount === 0 ? t('entitiesNoArticles') : row.articleCount === 1 ? t('cardOneArticle') : t('cardArticles', String(row.articleCount))}
        </span>
      </div>
      <p class="row-marks">
        {row.own && <span class="mark-pill">{t('entitiesOwnMark')}</span>}
        {row.muted && <span class="mark-pill muted-pill">{t('entitiesMutedMark')}</span>}
        {row.mutedOn.length > 0 && <span class="mark-pill muted-pill">{t('entitiesMutedOnMark', row.mutedOn.join(', '))}</span>}
        {row.description && <span class="row-desc">{row.description}</span>}
      </p>
      <div class="row-actions">
        <button type="button" class={row.followed ? 'button' : 'button primary'} data-row-action={row.followed ? 'unfollow' : 'follow'} aria-label={t(row.followed ? 'unfollowLabel' : 'followLabel', row.name)} onClick={() => void run({ kind: row.followed ? 'unfollow' : 'follow', id: row.id })}>
          {row.followed ? t('unfollowButton') : t('followButton')}
        </button>
        <button type="button" class="button" data-row-action={row.muted ? 'unmute' : 'mute'} aria-label={t(row.muted ? 'unmuteLabel' : 'muteLabel', row.name)} onClick={() => void run({ kind: row.muted ? 'unmute' : 'mute', id: row.id })}>
          {row.muted ? t('unmuteButton') : t('muteButton')}
        </button>
        <button type="button" class="button" data-row-action="edit" aria-expanded={open} aria-controls={editorId} aria-label={t('editLabel', row.name)} onClick={() => {
            setToggled(true);
            onToggle();
          }}>
          {t('editButton')}
        </button>
      </div>
      {error !== null && (
        <p class="error" role="alert" data-row-error>
          {error}
        </p>
      )}
      {open && <EntityEditor id={editorId} row={row} onEdit={onEdit} takeFocus={toggled} />}
    </li>
  );
}
