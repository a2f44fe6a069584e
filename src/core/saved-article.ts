// An article the reader saved: the record kept in IndexedDB, exported, and
// imported. Everything in it came from a web page or from a file someone
// handed the reader, so it is checked field by field wherever it enters
// (a save, an undo, an import), with a refusal that says what is wrong.
//
// The body (lead and paragraphs) is what makes a record large; everything
// else is what the library's lists need. A later schema can keep the two apart.
import { isHttpUrl } from './canonical-url';
import { isObject } from './guards';
import { isIsoDate } from './iso-date';
import type { Article } from './types';

export type SavedKind = 'article' | 'selection';
export const SAVED_KINDS: readonly SavedKind[] = ['article', 'selection'];

export interface SavedArticle extends Article {
  /** "s-" and a hash of `url` (articleIdFor): one record per URL. */
  id: string;
  /** The canonical URL; for a selection, the page's with a text fragment that points at the passage. */
  url: string;
  /** When the reader saved it (or last saved it again), in ms since 1970. */
  savedAt: number;
  /** False when the page gave no publication date: `date` is then the day it was saved. */
  dateKnown: boolean;
  kind: SavedKind;
}

/** An article may take at most this much text (UTF-8): larger is not a news article. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
const MAX_TITLE = 2000;
const MAX_FIELD = 500;
const MAX_ID = 200;

/** The fields a saved article has beyond an article's. */
export type SavedFields = Pick<SavedArticle, 'url' | 'savedAt' | 'dateKnown' | 'kind'>;

/** Whether a library article (or its entry) is one the reader saved (the bundled ones carry no `savedAt`). */
export function isSavedArticle<T extends Omit<Article, 'lead' | 'paragraphs'>>(a: T): a is T & SavedFields {
  return typeof (a as Partial<SavedArticle>).savedAt === 'number';
}

/** Bytes of the article's strings in UTF-8, counted without encoding them. */
export function articleBytes(a: Pick<Article, 'title' | 'lead' | 'paragraphs'>): number {
  let n = utf8Length(a.title) + utf8Length(a.lead);
  for (const p of a.paragraphs) n += utf8Length(p);
  return n;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** "6.2 MB", "380 KB", "10.0 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * What is wrong with a would-be saved article, as a phrase ("title is not a
 * string"), or null when it is well formed. `id` is not checked against the
 * URL here: whoever stores the record derives it (articleIdFor).
 */
export function savedArticleProblem(v: unknown): string | null {
  if (!isObject(v)) return 'is not an object';
  const text = (key: string, max: number, required = true): string | null => {
    const value = v[key];
    if (value === undefined && !required) return null;
    if (typeof value !== 'string') return `${key} is not a string`;
    if (required && value.trim() === '') return `${key} is empty`;
    return value.length > max ? `${key} is longer than ${max} characters` : null;
  };
  const problem =
    text('id', MAX_ID) ??
    text('title', MAX_TITLE) ??
    text('source', MAX_FIELD) ??
    text('author', MAX_FIELD, false) ??
    text('agency', MAX_FIELD, false) ??
    text('lang', 35) ??
    (typeof v.lead !== 'string' ? 'lead is not a string' : null) ??
    (typeof v.url !== 'string' || v.url.length > 8192 || !isHttpUrl(v.url) ? 'url is not an http(s) URL' : null) ??
    (typeof v.date !== 'string' || !isIsoDate(v.date) ? `date ${JSON.stringify(v.date)} is not a YYYY-MM-DD date` : null) ??
    (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt) || v.savedAt < 0 ? 'savedAt is not a time' : null) ??
    (typeof v.dateKnown !== 'boolean' ? 'dateKnown is not true or false' : null) ??
    (!SAVED_KINDS.includes(v.kind as SavedKind) ? `kind ${JSON.stringify(v.kind)} is not one of ${SAVED_KINDS.join(', ')}` : null) ??
    paragraphsProblem(v.paragraphs);
  if (problem) return problem;
  const bytes = articleBytes(v as unknown as Article);
  if (bytes > MAX_ARTICLE_BYTES) return `is ${formatBytes(bytes)} of text; an article may have at most ${formatBytes(MAX_ARTICLE_BYTES)}`;
  if ((v.lead as string).trim() === '' && (v.paragraphs as string[]).length === 0) return 'has no text';
  return null;
}

function paragraphsProblem(v: unknown): string | null {
  if (!Array.isArray(v)) return 'paragraphs is not a list';
  const bad = v.findIndex((p) => typeof p !== 'string');
  return bad >= 0 ? `paragraph #${bad + 1} is not a string` : null;
}

export function isSavedArticleRecord(v: unknown): v is SavedArticle {
  return savedArticleProblem(v) === null;
}

/** The record as stored: only the known fields, so that nothing else a file carried is kept. */
export function pickSavedArticle(a: SavedArticle): SavedArticle {
  return {
    id: a.id,
    url: a.url,
    kind: a.kind,
    title: a.title,
    source: a.source,
    ...(a.author !== undefined ? { author: a.author } : {}),
    ...(a.agency !== undefined ? { agency: a.agency } : {}),
    date: a.date,
    dateKnown: a.dateKnown,
    lang: a.lang,
    savedAt: a.savedAt,
    lead: a.lead,
    paragraphs: [...a.paragraphs],
  };
}
