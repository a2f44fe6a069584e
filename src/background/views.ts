// Turning library articles into what the UI shows: snippets around an entity,
// an article's profile seen as a "page" for ranking its neighbours.
import { articleText } from '../core/entity-profile';
import type { Matcher } from '../core/matcher';
import { snippet, type Range } from '../core/snippet';
import type { EntityProfile, LibraryArticle } from '../core/types';
import type { PageEntity, Snippet } from '../shared/messages';

/** The sentence where the article names the entity (outside the title where it can), the names emphasised. */
export function entitySnippet(article: LibraryArticle, entityId: string, matcher: Matcher): Snippet {
  const text = articleText(article);
  const ranges: Range[] = matcher
    .find(text)
    .filter((m) => m.entityId === entityId)
    .map((m) => [m.start, m.end]);
  const inBody = ranges.filter(([start]) => start > article.title.length);
  return snippet(text, inBody.length > 0 ? inBody : ranges);
}

/** An article's entity profile in the shape of a page report, to rank articles related to it. */
export function profileAsPage(profile: EntityProfile): PageEntity[] {
  return Object.entries(profile).map(([id, s]) => ({ id, count: s.count, weakCount: s.weakCount, prominent: s.prominent }));
}
