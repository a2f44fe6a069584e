// Reading an import file: parsed and every article checked before anything
// is sent to the background, with progress. Runs in import-worker.ts, off the
// page's thread, so that a large file never freezes the page; pure, so that
// node tests run it as it is.
import { checkImportedArticle, exportArticleList, parseExportText } from '../../core/saved-export';
import type { SavedArticle } from '../../core/saved-article';

/** How many articles are checked between two progress reports. */
const PROGRESS_EVERY = 250;

export type CheckMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; articles: SavedArticle[] } | { type: 'error'; message: string };

export function checkExport(text: string, report: (m: CheckMessage) => void): void {
  try {
    const list = exportArticleList(parseExportText(text));
    const articles: SavedArticle[] = [];
    for (let i = 0; i < list.length; i++) {
      articles.push(checkImportedArticle(list[i], i));
      if ((i + 1) % PROGRESS_EVERY === 0) report({ type: 'progress', done: i + 1, total: list.length });
    }
    report({ type: 'done', articles });
  } catch (e) {
    report({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
