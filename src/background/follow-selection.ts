// "Follow “…”" on a selection (menus.ts): the selected text is followed as
// a name (core/entity-edits.ts, follow-name: the entity that has it, or a new
// entity of the reader's), and the page is told what happened in a notice
// at its top (content/ui/page-notice.ts), refusals included.
import type { EditResult, EntityEdit } from '../core/entity-edits';
import { followText, problemText } from '../shared/entity-texts';
import type { PageNoticeMessage } from '../shared/messages';

export interface FollowSelectionDeps {
  edit(edit: EntityEdit): Promise<EditResult>;
  /** Shows a notice in the tab's top frame. */
  notify(tabId: number, notice: PageNoticeMessage): Promise<unknown>;
}

/** Follows the selected text and tells the tab; returns the notice (also when there is no tab to tell). */
export async function followSelection(deps: FollowSelectionDeps, selection: string | undefined, tabId: number | undefined): Promise<PageNoticeMessage> {
  let notice: PageNoticeMessage;
  try {
    const result = await deps.edit({ kind: 'follow-name', name: selection ?? '' });
    notice = result.ok ? { type: 'notice/page', text: followText(result.outcome), ok: true } : { type: 'notice/page', text: problemText(result.problem), ok: false };
  } catch (error) {
    notice = { type: 'notice/page', text: error instanceof Error ? error.message : String(error), ok: false };
  }
  if (tabId !== undefined) await deps.notify(tabId, notice).catch(() => undefined);
  return notice;
}
