// Keyboard movement through the popup's list, as pure functions so that the
// rules are tested without a browser. Position -1 is the search field; 0..n-1
// are the list's items. Focus really moves (to each item's link), so screen
// readers announce the article and Enter follows the link natively.

/** Where focus goes for a key, or null when the key is not ours (let the browser have it). */
export function moveFocus(position: number, key: string, count: number): number | null {
  if (count <= 0) return null;
  const inList = position >= 0;
  switch (key) {
    case 'ArrowDown':
      return Math.min(position + 1, count - 1);
    case 'ArrowUp':
      // From the first item back up to the field; in the field, the caret keeps the key.
      return inList ? position - 1 : null;
    case 'Home':
      return inList ? 0 : null;
    case 'End':
      return inList ? count - 1 : null;
    case 'PageDown':
      return inList ? Math.min(position + 5, count - 1) : null;
    case 'PageUp':
      return inList ? Math.max(position - 5, 0) : null;
    default:
      return null;
  }
}

export type EscapeAction = 'clear-query' | 'clear-filter' | 'focus-field' | 'none';

/**
 * Escape undoes one thing at a time: the query, then the entity filter, then
 * brings focus back to the field. With nothing left, the browser closes the popup.
 */
export function escapeAction(query: string, entityFilter: string | undefined, inField: boolean): EscapeAction {
  if (query !== '') return 'clear-query';
  if (entityFilter !== undefined) return 'clear-filter';
  if (!inField) return 'focus-field';
  return 'none';
}

/** Keys that type text: pressed on a list item, they send focus back to the field. */
export function isTypingKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey;
}
