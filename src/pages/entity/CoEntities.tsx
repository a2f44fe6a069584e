// The entities most often named in the same articles, each a link to its own
// page, with the number of articles they share: the first few, the rest a
// press away.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { pagePath } from '../../shared/messages';
import { entityOf } from '../../popup/entities';
import type { CoEntity } from './view-model';

/** Enough to see who matters most without pushing the names below the fold. */
const COLLAPSED = 12;

export function CoEntities({ entityName, items }: { entityName: string; items: readonly CoEntity[] }) {
  const [expanded, setExpanded] = useState(false);
  const most = Math.max(...items.map((c) => c.shared));
  const shown = expanded ? items : items.slice(0, COLLAPSED);
  return (
    <section class="co" aria-labelledby="co-heading">
      <h2 id="co-heading">{t('coHeading', entityName)}</h2>
      <ol class="co-list">
        {shown.map(({ id, shared }) => {
          const e = entityOf(id);
          const name = e?.name ?? id;
          return (
            <li key={id}>
              <a
                class={`co-link type-${e?.type ?? 'unknown'}`}
                href={pagePath({ page: 'entity', id })}
                data-co-entity={id}
                data-shared={shared}
                title={e?.description}
                aria-label={shared === 1 ? t('coOneShared', name) : t('coShared', name, String(shared))}
              >
                <span class="co-name">{name}</span>
                <span class="co-count" aria-hidden="true">
                  {shared}
                </span>
                <span class="co-bar" aria-hidden="true" style={{ width: `${(shared / most) * 100}%` }} />
              </a>
            </li>
          );
        })}
      </ol>
      {items.length > COLLAPSED && (
        <button type="button" class="link co-more" aria-expanded={expanded} data-co-more onClick={() => setExpanded(!expanded)}>
          {expanded ? t('chipsFewer') : t('coAll', String(items.length))}
        </button>
      )}
    </section>
  );
}
