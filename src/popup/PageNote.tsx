// What the popup says when it has no chips to show: the page names nothing,
// the browser keeps extensions out, highlighting is paused, or it is loading.
import { t } from '../shared/i18n';
import type { PageStatus } from './page-status';

const UNAVAILABLE_KEYS = {
  restricted: 'statusRestricted',
  unscanned: 'statusUnscanned',
  unknown: 'statusUnknown',
} as const;

export function PageNote({ status }: { status: PageStatus }) {
  switch (status.kind) {
    case 'loading':
      return (
        <p class="note muted" data-page-status="loading">
          {t('loading')}
        </p>
      );
    case 'unavailable':
      return (
        <div class="note" data-page-status="unavailable">
          <p class="note-title">{t('statusUnavailableTitle')}</p>
          <p class="muted">{t(UNAVAILABLE_KEYS[status.reason])}</p>
        </div>
      );
    case 'paused':
      return (
        <div class="note" data-page-status="paused">
          <p class="note-title">{t('statusPaused')}</p>
          <p class="muted">{t('statusPausedHint')}</p>
        </div>
      );
    case 'empty':
      return (
        <div class="note" data-page-status="empty">
          <p class="note-title">{t('statusEmpty')}</p>
          <p class="muted">{t('statusEmptyHint')}</p>
        </div>
      );
    default:
      return null;
  }
}
