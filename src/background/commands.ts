// Keyboard shortcuts (manifest `commands`): the background hears them. The
// card's is passed on to the tab's content scripts, which know the page; tabs
// without our content script (the browser's own pages, the web store) just do
// nothing. Saving the page is the background's own work.
import { SAVE_PAGE_COMMAND, SHOW_CARD_COMMAND, type ShowCardCommand } from '../shared/messages';

export type SendToTab = (tabId: number, message: ShowCardCommand) => Promise<unknown>;

export function handleCommand(
  command: string,
  tabId: number | undefined,
  sendToTab: SendToTab,
  savePage: (tabId: number) => Promise<unknown> = async () => undefined,
): Promise<void> {
  if (tabId === undefined) return Promise.resolve();
  const done = command === SHOW_CARD_COMMAND ? sendToTab(tabId, { type: 'command/show-card' }) : command === SAVE_PAGE_COMMAND ? savePage(tabId) : undefined;
  return Promise.resolve(done).then(
    () => undefined,
    () => undefined,
  );
}
