// The popup's save control, decided in one place: whether it can save the
// tab, what its status line says, and whether to warn that saved articles
// would be lost with a temporary add-on. Pure, tested in node.
import type { SaveOutcome, SavedStatus } from '../shared/messages';
import type { PageStatus } from './page-status';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; outcome: SaveOutcome } | { kind: 'failed'; message: string };

/** A tab to save: any page but the browser's own, the stores, and a search page with no tab behind it. */
export function canSave(tabId: number | undefined, status: PageStatus): boolean {
  if (tabId === undefined || status.kind === 'none') return false;
  return !(status.kind === 'unavailable' && status.reason === 'restricted');
}

export type SaveTone = 'ok' | 'info' | 'error';

/** The tone of the status line: saved and updated are good news, a page that is no article is information. */
export function saveTone(state: SaveState): SaveTone | null {
  if (state.kind === 'failed') return 'error';
  if (state.kind !== 'done') return null;
  const { status } = state.outcome;
  if (status === 'saved' || status === 'updated') return 'ok';
  if (status === 'not-article' || status === 'no-selection') return 'info';
  return 'error';
}

/** `data-save-status`: the outcome's status, "saving", or "error" for a message that failed. */
export function saveStatusAttribute(state: SaveState): string | undefined {
  if (state.kind === 'saving') return 'saving';
  if (state.kind === 'failed') return 'error';
  return state.kind === 'done' ? state.outcome.status : undefined;
}

/**
 * Warn when the extension runs as a temporary (Firefox) or unpacked (Chrome)
 * add-on, which the browser removes with its data, while some saved
 * articles are in no export.
 */
export function temporaryWarning(installType: string | undefined, status: SavedStatus | undefined): number | null {
  return installType === 'development' && status && status.unexported > 0 ? status.unexported : null;
}
