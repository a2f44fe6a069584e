// The export file: the reader's saved articles as one JSON file, with a
// format name and a version, read back by the import. A file that is not
// ours, of another version, or with one malformed article is refused whole,
// with a message that says what is wrong and where; nothing is written.
import { describe, isObject } from './guards';
import { formatBytes, pickSavedArticle, savedArticleProblem, type SavedArticle } from './saved-article';

export const EXPORT_FORMAT = 'newscontext-saved-articles';
/** Bump when the record shape changes; the import then needs a conversion from each older version. */
export const EXPORT_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO time of the export. */
  exportedAt: string;
  articles: SavedArticle[];
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/** "newscontext-2024-08-19.json": the day of the export, where the reader is. */
export function exportFileName(day: string): string {
  return `newscontext-${day}.json`;
}

/** The file's beginning and end, around its articles: the articles are written one by one (exportChunks). */
export function exportHead(exportedAt: Date): string {
  return `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"articles":[\n`;
}
export const EXPORT_TAIL = '\n]}\n';

/** Articles as the text that goes between head and tail, `first` saying whether any came before. */
export function exportArticles(articles: readonly SavedArticle[], first: boolean): string {
  const parts = articles.map((a) => JSON.stringify(pickSavedArticle(a)));
  return (first || parts.length === 0 ? '' : ',\n') + parts.join(',\n');
}

/** Refuses a file by its size alone, before reading it. */
export function checkImportSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is ${formatBytes(bytes)}; an import may be at most ${formatBytes(MAX_IMPORT_BYTES)}.`);
  }
}

/** Parses the file's text; a JSON error says where. */
export function parseExportText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ImportError(`The file is not valid JSON (${(e as Error).message}).`);
  }
}

/** Checks that the value is our export, of our version; returns its articles, unchecked. */
export function exportArticleList(json: unknown): unknown[] {
  if (!isObject(json) || json.format !== EXPORT_FORMAT) {
    const format = isObject(json) ? describe(json.format) : Array.isArray(json) ? 'a list' : describe(json);
    throw new ImportError(`This is not a NewsContext export: its "format" is ${format}, expected "${EXPORT_FORMAT}".`);
  }
  if (json.version !== EXPORT_VERSION) {
    throw new ImportError(
      typeof json.version === 'number' && json.version > EXPORT_VERSION
        ? `This export is version ${json.version}, made by a newer NewsContext; this one reads version ${EXPORT_VERSION}: update the extension.`
        : `This export's version is ${describe(json.version)}; this NewsContext reads version ${EXPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(json.articles)) throw new ImportError(`The export's "articles" is ${describe(json.articles)}, not a list.`);
  return json.articles;
}

/** Checks one article of an import: #n counts from 1, as the reader would. */
export function checkImportedArticle(v: unknown, index: number): SavedArticle {
  const problem = savedArticleProblem(v);
  if (problem) throw new ImportError(`Article #${index + 1}${titleOf(v)}: ${problem}.`);
  return pickSavedArticle(v as SavedArticle);
}

function titleOf(v: unknown): string {
  if (!isObject(v) || typeof v.title !== 'string' || v.title.trim() === '') return '';
  const t = v.title.trim();
  return ` ("${t.length > 50 ? `${t.slice(0, 49)}…` : t}")`;
}

/** The whole check, for a file small enough to check at once (tests; the import checks in steps, import-worker.ts). */
export function parseExport(text: string): SavedArticle[] {
  return exportArticleList(parseExportText(text)).map(checkImportedArticle);
}
