// The entities the page names, as toggle buttons coloured by type with their
// counts; pressing one narrows the lists to the articles that name it.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { PageEntity } from '../shared/messages';
import { entityOf } from './entities';

/** Enough to show what a page is about without pushing the list out of the popup. */
const COLLAPSED = 10;

export interface EntityChipsProps {
  entities: readonly PageEntity[];
  active: string | undefined;
  onToggle(id: string): void;
}

export function EntityChips({ entities, active, onToggle }: EntityChipsProps) {
  const [expanded, setExpanded] = useState(false);
  // The active chip stays visible even when it falls beyond the collapsed few.
  const visible = expanded ? entities : entities.filter((e, i) => i < COLLAPSED || e.id === active);
  const hidden = entities.length - visible.length;
  return (
    <div class="chips" role="group" aria-label={t('onThisPage')}>
      {visible.map((e) => {
        const entity = entityOf(e.id);
        const name = entity?.name ?? e.id;
        const type = entity?.type ?? 'unknown';
        const mentions = e.count + e.weakCount;
        return (
          <button
            key={e.id}
            type="button"
            class={`chip type-${type}`}
            data-entity={e.id}
            aria-pressed={active === e.id}
            aria-label={t('chipLabel', name, t(`type_${type}`), String(mentions))}
            title={entity?.description}
            onClick={() => onToggle(e.id)}
          >
            <span class="chip-name">{name}</span>
            <span class="chip-count" aria-hidden="true">
              {mentions}
            </span>
          </button>
        );
      })}
      {(hidden > 0 || expanded) && entities.length > COLLAPSED && (
        <button type="button" class="chip chip-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('chipsFewer') : t('chipsMore', String(hidden))}
        </button>
      )}
    </div>
  );
}
