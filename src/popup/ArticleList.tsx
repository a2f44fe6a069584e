// A list of articles that the keyboard can walk: arrow keys move focus from
// link to link (and back up to the search field), typing goes back to the field.
import type { RefObject } from 'preact';
import { ArticleItem, type ItemKind } from './ArticleItem';
import { isTypingKey, moveFocus } from './keyboard';
import type { ListEntry } from './view-model';

export interface ArticleListProps {
  kind: ItemKind;
  entries: readonly ListEntry[];
  /** What the list answers (the query), so a reader or a test can tell fresh results from stale ones. */
  answers: string;
  /** The previous query's results, while the current one's are on their way. */
  stale: boolean;
  labelledBy: string;
  highlight?: string | undefined;
  listRef: RefObject<HTMLUListElement | null>;
  fieldRef: RefObject<HTMLInputElement | null>;
  onOpen(id: string): void;
}

/** The item links of a list, in order. */
export function itemLinks(list: HTMLElement | null): HTMLAnchorElement[] {
  return list ? [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a.item-title')] : [];
}

export function ArticleList({ kind, entries, answers, stale, labelledBy, highlight, listRef, fieldRef, onOpen }: ArticleListProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    const links = itemLinks(listRef.current);
    const position = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (position < 0) return;
    if (isTypingKey(e)) {
      // Focusing the field before the key's default action lets the character land there.
      fieldRef.current?.focus();
      return;
    }
    const next = moveFocus(position, e.key, links.length);
    if (next === null) return;
    e.preventDefault();
    if (next < 0) fieldRef.current?.focus();
    else links[next]?.focus();
  };
  return (
    <ul class={stale ? 'items stale' : 'items'} ref={listRef} aria-labelledby={labelledBy} data-answers={answers} onKeyDown={onKeyDown}>
      {entries.map(({ article, shared }) => (
        <ArticleItem key={article.id} kind={kind} article={article} shared={shared} highlight={highlight} onOpen={onOpen} />
      ))}
    </ul>
  );
}
