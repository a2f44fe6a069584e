// Saved-article records for tests: well formed, distinct by URL.
import type { SavedArticle } from '../../../src/core/saved-article';

export function savedArticle(n: number, over: Partial<SavedArticle> = {}): SavedArticle {
  return {
    id: `s-${String(n).padStart(20, '0')}`,
    url: `https://news.example/story-${n}`,
    kind: 'article',
    title: `Story ${n}: Erdoğan meets Aliyev in Baku`,
    source: 'news.example',
    date: '2024-08-19',
    dateKnown: true,
    lang: 'en',
    savedAt: 1_700_000_000_000 + n,
    lead: `Lead of story ${n}. Recep Tayyip Erdoğan flew to Baku.`,
    paragraphs: [`Paragraph one of story ${n} names Azerbaijan.`, 'Paragraph two.'],
    ...over,
  };
}
