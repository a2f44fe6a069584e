// Turning library articles into what the UI shows: snippets around an entity,
// an article's profile seen as a "page" for ranking its neighbours.
import { articleText } from '../core/entity-profile';
import type { Matcher } from '../core/matcher';
import { snippet, type Range } from '../core/snippet';
import type { EntityProfile, LibraryArticle } from '../core/types';
import type { PageEntity, Snippet } from '../shared/messages';

/**
 * The first sentence of the body (lead, then paragraphs) that names the
 * entity, its mentions emphasised; the title's when only the title names it.
 * The paragraphs are matched one by one until one names it: the background
 * reads a small part of each article, which matters most at a cold start,
 * when twenty related articles each want one. Each paragraph is matched on
 * its own, as the content script matches each block of a page.
 */
export function entitySnippet(article: LibraryArticle, entityId: string, matcher: Matcher): Snippet {
  const text = articleText(article);
  const rangesIn = (part: string, offset: number): Range[] =>
    matcher
      .find(part)
      .filter((m) => m.entityId === entityId)
      .map((m) => [offset + m.start, offset + m.end]);
  // articleText joins the title, the lead and the paragraphs with blank lines.
  let offset = article.title.length + 2;
  for (const part of [article.lead, ...article.paragraphs]) {
    const ranges = rangesIn(part, offset);
    if (ranges.length > 0) return snippet(text, ranges);
    offset += part.length + 2;
  }
  return snippet(text, rangesIn(article.title, 0));
}

/** An article's entity profile in the shape of a page report, to rank articles related to it. */
export function profileAsPage(profile: EntityProfile): PageEntity[] {
  return Object.entries(profile).map(([id, s]) => ({ id, count: s.count, weakCount: s.weakCount, prominent: s.prominent }));
}
