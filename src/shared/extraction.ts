// What the extraction script (extract.js, injected into a tab's top frame
// when the reader saves) hands back to the background. It is read from a web
// page, so the background checks it again (savedArticleProblem) before
// anything is stored.

/** What the page says about itself, article or not. */
export interface PageFacts {
  /** The canonical URL (canonical-url.ts); null on a page that is not on the web (about:, file:). */
  url: string | null;
  title: string;
  /** The site's name (og:site_name, application-name), else its host name. */
  source: string;
  author?: string;
  /** The publication day, YYYY-MM-DD, when the page gives one. */
  date: string | null;
  /** BCP-47, or "und". */
  lang: string;
}

export type ExtractMode = 'article' | 'selection';

export type Extraction =
  | { kind: 'article'; page: PageFacts; lead: string; paragraphs: string[] }
  /** The reader's selection, as paragraphs, with the page it is on. */
  | { kind: 'selection'; page: PageFacts; paragraphs: string[] }
  /** Readability found no article: search results, an app, a home page. */
  | { kind: 'not-article'; page: PageFacts }
  | { kind: 'no-selection'; page: PageFacts }
  | { kind: 'too-big'; page: PageFacts; bytes: number };

/** The name extract.js gives its entry in the extension's isolated world, called with the mode. */
export const EXTRACT_GLOBAL = '__newscontextExtract';
