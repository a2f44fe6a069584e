// "Save to library" for the tab the popup describes, the outcome in plain
// words, the way to the library page, and the warning that a temporary
// add-on's saved articles go with it unless exported.
import { t } from '../shared/i18n';
import { saveOutcomeText } from '../shared/save-outcome';
import type { SavedStatus } from '../shared/messages';
import { FollowSuggestions } from './FollowSuggestions';
import { saveStatusAttribute, saveTone, temporaryWarning, type SaveState } from './save-view';

export const LIBRARY_PATH = 'library.html';
export const ENTITIES_PATH = 'entities.html';

export interface SavePanelProps {
  canSave: boolean;
  state: SaveState;
  onSave(): void;
  status: SavedStatus | undefined;
  installType: string | undefined;
}

export function SavePanel({ canSave, state, onSave, status, installType }: SavePanelProps) {
  const tone = saveTone(state);
  const unexported = temporaryWarning(installType, status);
  const text = state.kind === 'done' ? saveOutcomeText(state.outcome) : state.kind === 'failed' ? t('saveFailed', state.message) : state.kind === 'saving' ? t('saving') : '';
  return (
    <section class="save" aria-label={t('savePage')}>
      <div class="save-row">
        {canSave && (
          <button type="button" class="button primary" data-action="save-page" disabled={state.kind === 'saving'} onClick={onSave}>
            {t('savePage')}
          </button>
        )}
        <a class="button" href={LIBRARY_PATH} target="_blank" rel="noopener" data-open-library>
          {t('openLibrary')}
        </a>
        <a class="button" href={ENTITIES_PATH} target="_blank" rel="noopener" data-open-entities>
          {t('openEntities')}
        </a>
      </div>
      <p class={`save-status${tone ? ` ${tone}` : ''}`} data-save-status={saveStatusAttribute(state)} role="status" aria-live="polite">
        {text}
      </p>
      {state.kind === 'done' && 'suggestions' in state.outcome && state.outcome.suggestions?.length ? <FollowSuggestions suggestions={state.outcome.suggestions} /> : null}
      {unexported !== null && (
        <p class="note warning" data-temporary-warning>
          {unexported === 1 ? t('temporaryWarningOne') : t('temporaryWarning', String(unexported))}{' '}
          <a href={`${LIBRARY_PATH}#export`} target="_blank" rel="noopener">
            {t('temporaryWarningAction')}
          </a>
        </p>
      )}
    </section>
  );
}
