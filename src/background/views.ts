// Turning library articles into what the UI shows: snippets around an entity,
// an article's profile seen as a "page" for ranking its neighbours.
import { partAt } from '../core/entity-profile';
import type { Matcher } from '../core/matcher';
import { snippet, type Range } from '../core/snippet';
import type { EntityProfile, LibraryArticle } from '../core/types';
import type { PageEntity, Snippet } from '../shared/messages';

/**
 * The first sentence of the body (lead, then paragraphs) that names the
 * entity, its mentions emphasised; the title when only the title names it.
 * The paragraph where the article's profile says the entity is first named
 * is matched alone; failing that (first named in the title, or the profile
 * and a paragraph's own matching disagree), the paragraphs are matched one by
 * one until one names it. The sentence is looked for in that paragraph alone
 * (a sentence ends at a line break): the background reads a small part of
 * each article, which matters most at a cold start, when twenty related
 * articles each want one. Each paragraph is matched on its own, as the
 * content script matches each block of a page.
 */
export function entitySnippet(article: LibraryArticle, entityId: string, matcher: Matcher): Snippet {
  const rangesIn = (part: string): Range[] =>
    matcher
      .find(part)
      .filter((m) => m.entityId === entityId)
      .map((m) => [m.start, m.end]);
  const parts = [article.lead, ...article.paragraphs];
  // The profile says where the entity is first named: when that is in the
  // body, no part before it names it, and it is the only one matched.
  const first = article.entities[entityId]?.first;
  const known = first === undefined ? -1 : partAt(article, first) - 1;
  if (known >= 0) {
    const ranges = rangesIn(parts[known]!);
    if (ranges.length > 0) return snippet(parts[known]!, ranges);
  }
  for (const part of parts) {
    const ranges = rangesIn(part);
    if (ranges.length > 0) return snippet(part, ranges);
  }
  return snippet(article.title, rangesIn(article.title));
}

/** An article's entity profile in the shape of a page report, to rank articles related to it. */
export function profileAsPage(profile: EntityProfile): PageEntity[] {
  return Object.entries(profile).map(([id, s]) => ({ id, count: s.count, weakCount: s.weakCount, prominent: s.prominent }));
}
