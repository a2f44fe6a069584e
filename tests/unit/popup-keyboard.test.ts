import { describe, expect, it } from 'vitest';
import { escapeAction, isTypingKey, moveFocus } from '../../src/popup/keyboard';

describe('moveFocus', () => {
  it('goes from the field to the first item and down the list, stopping at the last', () => {
    expect(moveFocus(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveFocus(0, 'ArrowDown', 3)).toBe(1);
    expect(moveFocus(2, 'ArrowDown', 3)).toBe(2);
  });

  it('goes up the list and back to the field from the first item', () => {
    expect(moveFocus(2, 'ArrowUp', 3)).toBe(1);
    expect(moveFocus(0, 'ArrowUp', 3)).toBe(-1);
  });

  it('leaves ArrowUp, Home and End to the caret while in the field', () => {
    expect(moveFocus(-1, 'ArrowUp', 3)).toBeNull();
    expect(moveFocus(-1, 'Home', 3)).toBeNull();
    expect(moveFocus(-1, 'End', 3)).toBeNull();
  });

  it('jumps to the ends and by pages within the list', () => {
    expect(moveFocus(1, 'Home', 4)).toBe(0);
    expect(moveFocus(1, 'End', 4)).toBe(3);
    expect(moveFocus(0, 'PageDown', 12)).toBe(5);
    expect(moveFocus(10, 'PageDown', 12)).toBe(11);
    expect(moveFocus(3, 'PageUp', 12)).toBe(0);
  });

  it('does nothing with an empty list or keys that are not ours', () => {
    expect(moveFocus(-1, 'ArrowDown', 0)).toBeNull();
    expect(moveFocus(0, 'ArrowLeft', 3)).toBeNull();
    expect(moveFocus(0, 'Enter', 3)).toBeNull();
  });
});

describe('escapeAction', () => {
  it('clears the query first, then the filter, then returns to the field', () => {
    expect(escapeAction('putin', 'baku', false)).toBe('clear-query');
    expect(escapeAction('', 'baku', true)).toBe('clear-filter');
    expect(escapeAction('', undefined, false)).toBe('focus-field');
  });

  it('leaves Escape to the browser (closing the popup) when there is nothing to undo', () => {
    expect(escapeAction('', undefined, true)).toBe('none');
  });
});

describe('isTypingKey', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('is true for characters and false for commands, space and modified keys', () => {
    expect(isTypingKey(key('a'))).toBe(true);
    expect(isTypingKey(key('Ş'))).toBe(true);
    expect(isTypingKey(key(' '))).toBe(false);
    expect(isTypingKey(key('ArrowDown'))).toBe(false);
    expect(isTypingKey(key('c', { ctrlKey: true }))).toBe(false);
    expect(isTypingKey(key('v', { metaKey: true }))).toBe(false);
  });
});
