// A seed (a news page copied as text) into an Article. Pure: bytes in, data out,
// so the build and the tests share it and a saved page could go through it too.
//
// The text is read line by line: site furniture is dropped by the rules in
// `furniture-rules.ts` (bylines are read for metadata on the way), the first
// remaining line is the title when it reads like one, the first body paragraph
// is the lead. Curated metadata fills in what the text does not state.
import type { Article } from './types';
import { isIsoDate } from './iso-date';
import type { SeedMeta } from './seed-meta';
import {
  CREDIT_PATTERN,
  DATELINE_PATTERNS,
  FURNITURE_RULES,
  MONTHS,
  type FurnitureRule,
  type MetaField,
} from './furniture-rules';

export type { SeedMeta } from './seed-meta';

export interface ParseOptions {
  /** Told when metadata overrides what the text states, or a line looks like unknown furniture. */
  onWarning?: (message: string) => void;
}

/** A line no rule claims, removed because the same short line occurs more than once (sponsor slots, banners). */
const REPEATED_LINE_MAX = 60;
const TITLE_MAX = 200;
/** Short lines without closing punctuation are headings (kept in the body, never the lead). */
const HEADING_MAX = 90;

interface Facts {
  source?: string;
  author?: string;
  agency?: string;
  date?: string;
}

export function parseSeed(fileName: string, bytes: Uint8Array, meta: SeedMeta = {}, options: ParseOptions = {}): Article {
  const fail = (reason: string): never => {
    throw new Error(`${fileName}: ${reason}`);
  };
  const id = fileName.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  if (bytes.length === 0) fail('empty file');
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not valid UTF-8');
  }
  const lines = toLines(raw);
  if (lines.length === 0) fail('empty file (only whitespace)');

  const { kept, facts } = stripFurniture(lines, fail);
  const [first, ...rest] = kept;
  const textTitle = first !== undefined && isTitleLike(first) ? first : undefined;
  const body = textTitle === undefined ? kept : rest;

  // Headings between the title and the lead are kickers or image captions
  // ("Maskapai penerbangan Azerbaijan"): they cannot precede the lead, so they go.
  const leadAt = body.findIndex((p) => !isHeading(p));
  const lead = leadAt >= 0 ? body[leadAt] : undefined;
  if (lead === undefined) {
    return fail(textTitle === undefined && !meta.title ? 'no title found' : 'no body text found');
  }
  const paragraphs = body.slice(leadAt + 1);
  readDatelinesAndCredits([lead, ...paragraphs], facts);

  const warn = (message: string) => options.onWarning?.(`${fileName}: ${message}`);
  const last = paragraphs[paragraphs.length - 1];
  if (last !== undefined && isHeading(last)) {
    warn(`the last paragraph "${last}" reads like a heading: site furniture that no rule knows?`);
  }

  const pick = (field: string, fromText: string | undefined, fromMeta: string | undefined): string | undefined => {
    if (fromMeta !== undefined && fromText !== undefined && !sameText(fromMeta, fromText)) {
      warn(`metadata ${field} "${fromMeta}" overrides "${fromText}" from the text`);
    }
    return fromMeta ?? fromText;
  };
  const title = pick('title', textTitle, meta.title) ?? fail('no title found');
  const date = pick('date', facts.date, meta.date) ?? fail('no publication date in the text or the metadata');
  if (!isIsoDate(date)) fail(`date "${date}" is not a valid YYYY-MM-DD date`);
  const source = pick('source', facts.source, meta.source) ?? fail('no source in the text or the metadata');
  const agency = pick('agency', facts.agency, meta.agency);
  const author = pick('author', facts.author, meta.author);

  return {
    id,
    title,
    source,
    ...(agency !== undefined ? { agency } : {}),
    date,
    ...(author !== undefined ? { author } : {}),
    lead,
    paragraphs,
    lang: meta.lang ?? 'id',
  };
}

/** Non-empty lines, whitespace normalised; the BOM and CRLF of a saved page are dropped. */
export function toLines(raw: string): string[] {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u00A0\u200B]+/gu, ' ').trim())
    .filter((line) => line.length > 0);
}

/** The rule that claims a line, if any: exported so tests can check that no paragraph is furniture. */
export function matchRule(line: string): { rule: FurnitureRule; match: RegExpExecArray } | undefined {
  for (const rule of FURNITURE_RULES) {
    if (rule.maxLength !== undefined && line.length > rule.maxLength) continue;
    const match = rule.pattern.exec(line);
    if (match) return { rule, match };
  }
  return undefined;
}

function stripFurniture(lines: string[], fail: (reason: string) => never): { kept: string[]; facts: Facts } {
  const facts: Facts = {};
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);

  const kept: string[] = [];
  let prefix: string | undefined;
  const set = (field: MetaField | 'date', value: string | undefined) => {
    // The first statement wins: bylines come before the body's own credits.
    if (value !== undefined && value !== '' && facts[field] === undefined) facts[field] = value;
  };
  for (const line of lines) {
    const claimed = matchRule(line);
    if (!claimed) {
      if ((counts.get(line) ?? 0) > 1 && line.length <= REPEATED_LINE_MAX && !/[.!?]$/u.test(line)) continue;
      kept.push(prefix !== undefined ? `${prefix} ${line}` : line);
      prefix = undefined;
      continue;
    }
    const { rule, match } = claimed;
    const groups = match.groups ?? {};
    if (rule.action === 'end') break;
    if (rule.action === 'prefix') {
      prefix = line;
      continue;
    }
    if (rule.action === 'label-above') {
      const inline = rule.field !== undefined ? groups[rule.field] : undefined;
      const above = kept[kept.length - 1];
      if (inline === undefined && above !== undefined && isNameLike(above)) {
        kept.pop();
        if (rule.field) set(rule.field, above);
      }
      if (rule.field) set(rule.field, inline);
      continue;
    }
    set('source', groups.source);
    set('author', groups.author);
    set('agency', groups.agency);
    if (groups.year !== undefined) set('date', toIsoDate(groups.year, groups.month, groups.day, line, fail));
  }
  return { kept, facts };
}

function readDatelinesAndCredits(paragraphs: string[], facts: Facts): void {
  for (const p of paragraphs.slice(0, 3)) {
    for (const pattern of DATELINE_PATTERNS) {
      const g = pattern.exec(p)?.groups;
      if (g?.source !== undefined) facts.source ??= g.source;
      if (g?.agency !== undefined) facts.agency ??= g.agency;
    }
  }
  if (facts.agency === undefined) {
    for (const p of paragraphs) {
      const agency = CREDIT_PATTERN.exec(p)?.groups?.agency;
      if (agency !== undefined) {
        facts.agency = agency;
        break;
      }
    }
  }
}

function toIsoDate(
  year: string,
  month: string | undefined,
  day: string | undefined,
  line: string,
  fail: (reason: string) => never,
): string {
  const m = month === undefined ? undefined : /^\d+$/.test(month) ? Number(month) : MONTHS[month.toLowerCase()];
  const iso = m === undefined ? '' : `${year}-${String(m).padStart(2, '0')}-${String(day ?? '').padStart(2, '0')}`;
  if (!isIsoDate(iso)) fail(`cannot read a date from "${line}"`);
  return iso;
}

/** A headline is one sentence: a first line of two sentences is a standfirst, not a title. */
function isTitleLike(line: string): boolean {
  if (line.length > TITLE_MAX) return false;
  if (/[.!?]["”’)]?\s+["“‘(]?\p{Lu}/u.test(line)) return false;
  return !DATELINE_PATTERNS.some((p) => p.test(line));
}

function isHeading(line: string): boolean {
  return line.length <= HEADING_MAX && !/[.!?:;,"”’»)]$/u.test(line);
}

function isNameLike(line: string): boolean {
  return line.length <= 60 && /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,5}$/u.test(line);
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
