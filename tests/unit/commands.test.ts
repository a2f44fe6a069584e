import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { handleCommand } from '../../src/background/commands';
import { isShowCardCommand, SAVE_PAGE_COMMAND, SHOW_CARD_COMMAND } from '../../src/shared/messages';

describe('keyboard shortcut', () => {
  it('is declared in the manifest with a default key and a translated description', () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));
    expect(manifest.commands[SHOW_CARD_COMMAND]).toEqual({
      suggested_key: { default: 'Alt+Shift+K' },
      description: '__MSG_commandShowCard__',
    });
  });

  it('is passed on to the tab it was pressed in, as a message the content script accepts', async () => {
    const send = vi.fn(() => Promise.resolve(undefined));
    await handleCommand(SHOW_CARD_COMMAND, 7, send);
    expect(send).toHaveBeenCalledExactlyOnceWith(7, { type: 'command/show-card' });
    expect(isShowCardCommand(send.mock.calls[0]!.at(1))).toBe(true);
  });

  it('ignores other commands and windows without a tab, and a tab without our content script', async () => {
    const send = vi.fn(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await handleCommand('something-else', 7, send);
    await handleCommand(SHOW_CARD_COMMAND, undefined, send);
    expect(send).not.toHaveBeenCalled();
    await expect(handleCommand(SHOW_CARD_COMMAND, 7, send)).resolves.toBeUndefined();
  });

  it('the content script refuses other messages', () => {
    for (const v of [null, 'command/show-card', {}, { type: 'card' }, [{ type: 'command/show-card' }]]) expect(isShowCardCommand(v)).toBe(false);
  });
});

describe('save shortcut', () => {
  it('is declared with Alt+Shift+S and saves the tab it was pressed in', async () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));
    expect(manifest.commands[SAVE_PAGE_COMMAND]).toEqual({ suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSavePage__' });
    const send = vi.fn(() => Promise.resolve(undefined));
    const save = vi.fn(() => Promise.reject(new Error('the tab closed')));
    await expect(handleCommand(SAVE_PAGE_COMMAND, 9, send, save)).resolves.toBeUndefined();
    expect(save).toHaveBeenCalledExactlyOnceWith(9);
    expect(send).not.toHaveBeenCalled();
  });
});
