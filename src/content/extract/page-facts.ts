// What a page declares about itself, read from its DOM without changing it:
// canonical link, Open Graph and other meta tags, JSON-LD, <time> elements,
// lang. The choices among them are pure and live in src/core/
// (canonical-url.ts, published-date.ts, language.ts).
import { canonicalUrl } from '../../core/canonical-url';
import { articleLanguage } from '../../core/language';
import { pickPublishedDate, type DateCandidates } from '../../core/published-date';
import type { PageFacts } from '../../shared/extraction';

/** Meta tags naming when an article was published, the most trusted first. */
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="sailthru.date"]',
  'meta[name="parsely-pub-date"]',
];
const SITE_META = ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]'];
const AUTHOR_META = ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="parsely-author"]'];
const MAX_JSON_LD = 200_000;

const attr = (doc: Document, selector: string, name: string): string | undefined => {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : undefined;
};
const firstContent = (doc: Document, selectors: readonly string[]): string | undefined => {
  for (const s of selectors) {
    const v = attr(doc, s, 'content');
    if (v) return v;
  }
  return undefined;
};

/** Each JSON-LD block that parses; the others are left out. */
export function jsonLdBlocks(doc: Document): unknown[] {
  const blocks: unknown[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD) continue;
    try {
      blocks.push(JSON.parse(text));
    } catch {
      // A broken block says nothing.
    }
  }
  return blocks;
}

export function dateCandidates(doc: Document): DateCandidates {
  return {
    jsonLd: jsonLdBlocks(doc),
    meta: PUBLISHED_META.flatMap((s) => attr(doc, s, 'content') ?? []),
    times: [...doc.querySelectorAll('time[datetime]')].slice(0, 20).flatMap((t) => t.getAttribute('datetime') ?? []),
  };
}

/**
 * What the page says about itself. `title` and `author`, when given, are what
 * Readability made of them (it strips " | Site" from titles); `sample` is the
 * text the language is told from when the page does not say it.
 */
export function pageFacts(doc: Document, location: string, now: number, found: { title?: string | null; author?: string | null; sample: string }): PageFacts {
  const url = canonicalUrl({
    location,
    canonical: attr(doc, 'link[rel~="canonical" i]', 'href'),
    ogUrl: attr(doc, 'meta[property="og:url"]', 'content'),
  });
  const picked = pickPublishedDate(dateCandidates(doc), now);
  const host = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  const author = clean(found.author) ?? firstContent(doc, AUTHOR_META);
  return {
    url,
    title: clean(found.title) ?? clean(doc.title) ?? clean(doc.querySelector('h1')?.textContent) ?? host,
    source: firstContent(doc, SITE_META) ?? host,
    ...(author ? { author: author.replace(/^(?:by|par|von|por|oleh|door)\s+/iu, '') } : {}),
    date: picked.known ? picked.date : null,
    lang: articleLanguage(doc.documentElement.getAttribute('lang') ?? attr(doc, 'meta[http-equiv="content-language" i]', 'content'), found.sample),
  };
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}
