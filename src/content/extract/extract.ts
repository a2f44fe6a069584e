// Saving a page: the article Readability (the library behind Firefox's
// Reader View) finds in a clone of the document, or the reader's selection,
// with what the page says about itself. The page's own DOM is only read:
// Readability changes the document it is given, so it gets a copy.
//
// This runs in extract.js, a bundle of its own that the background injects
// into a tab when the reader saves, so that the content script that runs in
// every frame of every page never carries nor runs Readability.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { articleBytes, MAX_ARTICLE_BYTES } from '../../core/saved-article';
import type { Extraction, ExtractMode } from '../../shared/extraction';
import { blockTexts, selectionParagraphs } from './block-texts';
import { pageFacts } from './page-facts';

/** Short lines without closing punctuation are headings: they can be in the body, never the lead. */
const HEADING_MAX = 90;
const SAMPLE_MAX = 2000;

/**
 * Reading furniture that Readability keeps because it sits inside the
 * article's element: links onward, ad slots, share prompts. Whole short lines only.
 */
const FURNITURE = /^(?:continue reading(?: the main story)?|read more:?|read the full\b.*|advertisement|skip advertisement|share (?:this|on)\b.*|\[[^\]]*\])$/iu;
const FURNITURE_MAX = 120;

const isFurniture = (p: string) => p.length <= FURNITURE_MAX && FURNITURE.test(p);
const isHeading = (p: string) => p.length <= HEADING_MAX && !/[.!?:;,"”’»)]$/u.test(p);
const same = (a: string, b: string | null | undefined) => b != null && a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export function extractPage(doc: Document, location: string, now: number, mode: ExtractMode, selection?: string): Extraction {
  if (mode === 'selection') {
    const paragraphs = selectionParagraphs(selection ?? doc.defaultView?.getSelection()?.toString() ?? '');
    const page = pageFacts(doc, location, now, { sample: paragraphs.join(' ').slice(0, SAMPLE_MAX) });
    if (paragraphs.length === 0) return { kind: 'no-selection', page };
    const bytes = articleBytes({ title: page.title, lead: '', paragraphs });
    return bytes > MAX_ARTICLE_BYTES ? { kind: 'too-big', page, bytes } : { kind: 'selection', page, paragraphs };
  }

  const notArticle = (): Extraction => ({ kind: 'not-article', page: pageFacts(doc, location, now, { sample: doc.title }) });
  if (!isProbablyReaderable(doc)) return notArticle();
  const parsed = new Readability<Node>(doc.cloneNode(true) as Document, { serializer: (node) => node }).parse();
  if (!parsed?.content) return notArticle();

  const title = parsed.title ?? doc.title;
  const blocks = blockTexts(parsed.content).filter((p) => !same(p, title) && !same(p, parsed.byline) && !isFurniture(p));
  // Kickers and captions before the first sentence go; the first paragraph is the lead.
  const leadAt = blocks.findIndex((p) => !isHeading(p));
  if (leadAt < 0) return notArticle();
  const lead = blocks[leadAt]!;
  // Headings after the last sentence head nothing: links to other articles.
  let end = blocks.length;
  while (end > leadAt + 1 && isHeading(blocks[end - 1]!)) end--;
  const paragraphs = blocks.slice(leadAt + 1, end);
  const page = pageFacts(doc, location, now, { title, author: parsed.byline, sample: [title, lead, ...paragraphs].join(' ').slice(0, SAMPLE_MAX) });
  const bytes = articleBytes({ title: page.title, lead, paragraphs });
  if (bytes > MAX_ARTICLE_BYTES) return { kind: 'too-big', page, bytes };
  return { kind: 'article', page, lead, paragraphs };
}
