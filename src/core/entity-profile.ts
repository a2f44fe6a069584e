// How an article names entities: the matcher run once over its plain text.
// Offsets are into `articleText`, so the UI can map a stat back to the text.
import type { Article, EntityProfile, Mention } from './types';

/** What stands between the parts of an article's plain text. */
const PART_BREAK = '\n\n';

/** Title, lead and body joined by blank lines: the text that profiles and offsets refer to. */
export function articleText(article: Pick<Article, 'title' | 'lead' | 'paragraphs'>): string {
  return [article.title, article.lead, ...article.paragraphs].join(PART_BREAK);
}

/**
 * Which of the article's parts (0: the title, 1: the lead, then the
 * paragraphs) holds an offset into its articleText; -1 for an offset the
 * text does not have (a profile older than the text) or one between parts.
 */
export function partAt(article: Pick<Article, 'title' | 'lead' | 'paragraphs'>, offset: number): number {
  let start = 0;
  const parts = [article.title, article.lead, ...article.paragraphs];
  for (let i = 0; i < parts.length; i++) {
    const end = start + parts[i]!.length;
    if (offset >= start && offset < end) return i;
    start = end + PART_BREAK.length;
  }
  return -1;
}

/**
 * Counts mentions per entity. `prominentEnd` is where the title and the lead end
 * in the text: a mention that starts before it makes the entity prominent.
 */
export function profileFromMentions(mentions: readonly Mention[], prominentEnd: number): EntityProfile {
  const profile: EntityProfile = {};
  for (const m of mentions) {
    const stat = (profile[m.entityId] ??= { count: 0, weakCount: 0, first: m.start, prominent: false });
    if (m.weak) stat.weakCount++;
    else stat.count++;
    stat.first = Math.min(stat.first, m.start);
    if (m.start < prominentEnd) stat.prominent = true;
  }
  return profile;
}

export function profileArticle(article: Article, find: (text: string) => Mention[]): EntityProfile {
  const prominentEnd = article.title.length + 2 + article.lead.length;
  return profileFromMentions(find(articleText(article)), prominentEnd);
}
