// When an article was published, from what its page declares: JSON-LD
// (schema.org `datePublished`, also inside `@graph`), the Open Graph
// `article:published_time`, other common meta tags, then `<time datetime>`.
// When none says, the day it was saved stands in, flagged as such so that the
// library can say "saved on". Pure: the DOM layer (src/content/extract/page-meta.ts)
// gathers the candidates.
import { isObject } from './guards';
import { isIsoDate } from './iso-date';

export interface DateCandidates {
  /** Each `<script type="application/ld+json">`, parsed (a block that does not parse is left out). */
  jsonLd: unknown[];
  /** Meta tags naming the publication time, most trusted first (article:published_time, …). */
  meta: string[];
  /** `<time datetime>` values, in document order. */
  times: string[];
}

export type PickedDate = { date: string; known: true; from: 'json-ld' | 'meta' | 'time' } | { date: string; known: false };

/** schema.org types whose `datePublished` is the article's own (not a comment's, not an image's). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|WebPage|LiveBlogPosting|Posting)$/;
const MAX_DEPTH = 6;

/**
 * "2015-04-25T12:00:00+05:45" → "2015-04-25": the day as the publisher wrote
 * it, in its own time zone. Other forms Date can read give their UTC day.
 * Null for anything that is not a plausible date (before 1990 or next year).
 */
export function toIsoDay(raw: string, now = Date.now()): string | null {
  const s = raw.trim();
  const head = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(s)?.[1];
  let day: string | undefined;
  if (head !== undefined) {
    if (!isIsoDate(head)) return null;
    day = head;
  } else {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) day = new Date(t).toISOString().slice(0, 10);
  }
  if (day === undefined) return null;
  const year = Number(day.slice(0, 4));
  return year >= 1990 && year <= new Date(now).getUTCFullYear() + 1 ? day : null;
}

/** Every `datePublished` in JSON-LD, the article's own first. */
export function jsonLdDates(blocks: readonly unknown[]): string[] {
  const own: string[] = [];
  const other: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    if (!isObject(node)) return;
    const published = node.datePublished;
    if (typeof published === 'string') (isArticleType(node['@type']) ? own : other).push(published);
    for (const [key, value] of Object.entries(node)) if (key !== 'datePublished' && typeof value === 'object') visit(value, depth + 1);
  };
  for (const block of blocks) visit(block, 0);
  return [...own, ...other];
}

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

export function pickPublishedDate(candidates: DateCandidates, savedAt: number): PickedDate {
  const sources = [
    ['json-ld', jsonLdDates(candidates.jsonLd)],
    ['meta', candidates.meta],
    ['time', candidates.times],
  ] as const;
  for (const [from, values] of sources) {
    for (const value of values) {
      const date = toIsoDay(value, savedAt);
      if (date) return { date, known: true, from };
    }
  }
  return { date: localDay(savedAt), known: false };
}

/** The calendar day of a moment where the reader is (the environment's time zone), as YYYY-MM-DD. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
