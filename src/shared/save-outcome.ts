// What a save did, in the reader's words: the popup's status line and the
// notice a save from the page (context menu, keyboard) shows there.
import { t } from './i18n';
import type { SaveOutcome } from './messages';

export function saveOutcomeText(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return outcome.kind === 'selection' ? t('saveSelectionSaved', outcome.title) : t('saveSaved', outcome.title);
    case 'updated':
      return t('saveUpdated', outcome.title);
    case 'not-article':
      return t('saveNotArticle');
    case 'no-selection':
      return t('saveNoSelection');
    case 'unavailable':
      return t('saveUnavailable');
    case 'too-big':
      return t('saveTooBig', outcome.size);
    case 'error':
      return outcome.reason === 'quota' ? t('saveQuota') : t('saveFailed', outcome.message);
  }
}

export const isSaveSuccess = (o: SaveOutcome): boolean => o.status === 'saved' || o.status === 'updated';
