// A link from the popup to an entity's page (timeline, who else is named):
// shown for the entity the lists are narrowed to, the chip the reader pressed.
import { t } from '../shared/i18n';
import { pagePath } from '../shared/messages';
import { entityName } from './entities';

export function EntityPageLink({ id, onOpen }: { id: string; onOpen(id: string): void }) {
  return (
    <p class="entity-page-link">
      <a
        href={pagePath({ page: 'entity', id })}
        data-entity-page={id}
        onClick={(e) => {
          // Middle- and modifier-clicks keep the browser's own behaviour.
          if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
          e.preventDefault();
          onOpen(id);
        }}
      >
        {t('entityPageLink', entityName(id))}
        <span aria-hidden="true"> →</span>
      </a>
    </p>
  );
}
