// Keyboard shortcuts (manifest `commands`): the background hears them and tells
// the tab's content scripts, which know the page. Tabs without our content
// script (the browser's own pages, the web store) just do nothing.
import { SHOW_CARD_COMMAND, type ShowCardCommand } from '../shared/messages';

export type SendToTab = (tabId: number, message: ShowCardCommand) => Promise<unknown>;

export function handleCommand(command: string, tabId: number | undefined, sendToTab: SendToTab): Promise<void> {
  if (command !== SHOW_CARD_COMMAND || tabId === undefined) return Promise.resolve();
  return sendToTab(tabId, { type: 'command/show-card' }).then(
    () => undefined,
    () => undefined,
  );
}
