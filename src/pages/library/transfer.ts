// Export and import, as the library page runs them. The export reads the
// saved articles from the background page by page and writes one JSON file;
// the import has the file read and checked in a worker, then sends its
// articles to the background in parts, which stages them and applies them all
// or nothing; until then the reader may cancel it.
import { localDay } from '../../core/published-date';
import type { SavedArticle } from '../../core/saved-article';
import { checkImportSize, EXPORT_TAIL, exportArticles, exportFileName, exportHead } from '../../core/saved-export';
import { IMPORT_PART_MAX, type ImportOutcome, type MessageType, type RequestOf, type ResponseOf } from '../../shared/messages';
import type { CheckMessage } from './import-check';

export type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

const EXPORT_PAGE = 100;

export interface ExportFileData {
  name: string;
  blob: Blob;
  count: number;
}

/** The export file of every saved article; marks them exported once the file is made. */
export async function exportSaved(send: Send, now = new Date()): Promise<ExportFileData> {
  const parts: string[] = [exportHead(now)];
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const { articles } = await send('library/export-page', after === undefined ? { limit: EXPORT_PAGE } : { after, limit: EXPORT_PAGE });
    if (articles.length === 0) break;
    parts.push(exportArticles(articles, count === 0));
    count += articles.length;
    after = articles[articles.length - 1]!.id;
  }
  parts.push(EXPORT_TAIL);
  return { name: exportFileName(localDay(now.getTime())), blob: new Blob(parts, { type: 'application/json' }), count };
}

export type ImportProgress =
  | { phase: 'reading' }
  | { phase: 'checking' | 'sending' | 'writing' | 'indexing'; done: number; total: number };

/** The reader cancelled the import before it was applied: nothing was written. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
  constructor() {
    super('The import was cancelled; nothing was written.');
  }
}

/** How often the page asks the background how far the import's application has come. */
const POLL_MS = 250;

/** Reads and checks a file in a worker: its articles, or an Error whose message says what is wrong and where. */
export function checkFile(file: File, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<SavedArticle[]> {
  checkImportSize(file.size);
  onProgress({ phase: 'reading' });
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const stop = (then: () => void) => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
      then();
    };
    const cancel = () => stop(() => reject(new ImportCancelled()));
    if (signal?.aborted) return cancel();
    signal?.addEventListener('abort', cancel);
    worker.onmessage = (event: MessageEvent<CheckMessage>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress({ phase: 'checking', done: m.done, total: m.total });
      else if (m.type === 'done') stop(() => resolve(m.articles));
      else stop(() => reject(new Error(m.message)));
    };
    worker.onerror = (event) => stop(() => reject(new Error(event.message || 'The file could not be read.')));
    worker.postMessage({ file });
  });
}

/**
 * Sends checked articles to the background in parts, then has them applied,
 * all or nothing, showing how far the background has come. Cancelling while
 * the parts are sent drops what was staged; once the commit has begun, the
 * import is applied whole (`onCommit` says when that moment comes).
 */
export async function sendImport(
  send: Send,
  articles: readonly SavedArticle[],
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
  onCommit?: () => void,
): Promise<ImportOutcome> {
  const { importId } = await send('library/import-begin', { total: articles.length });
  try {
    for (let i = 0; i < articles.length; i += IMPORT_PART_MAX) {
      if (signal?.aborted) throw new ImportCancelled();
      const part = articles.slice(i, i + IMPORT_PART_MAX);
      await send('library/import-part', { importId, articles: part });
      onProgress({ phase: 'sending', done: i + part.length, total: articles.length });
    }
    if (signal?.aborted) throw new ImportCancelled();
  } catch (e) {
    await send('library/import-abort', { importId }).catch(() => undefined);
    throw e;
  }
  onCommit?.();
  let polling = true;
  const poll = async () => {
    while (polling) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const p = await send('library/import-progress', { importId }).catch(() => null);
      if (polling && p && p.phase !== 'staging') onProgress({ phase: p.phase, done: p.done, total: p.total });
    }
  };
  void poll();
  try {
    return await send('library/import-commit', { importId });
  } finally {
    polling = false;
  }
}
