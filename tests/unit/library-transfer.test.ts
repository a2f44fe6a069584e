// The library page's export and import, with the background answered by
// hand: the export reads every page and writes a file the import reads back;
// the import sends parts and aborts on a failure; the worker's check reports
// progress and refuses a bad file.
import { describe, expect, it } from 'vitest';
import { parseExport } from '../../src/core/saved-export';
import { checkExport, type CheckMessage } from '../../src/pages/library/import-check';
import { exportSaved, sendImport, type Send } from '../../src/pages/library/transfer';
import { savedArticle } from './helpers/saved-articles';

const ARTICLES = Array.from({ length: 250 }, (_, i) => savedArticle(i + 1));

function background(articles = ARTICLES) {
  const calls: Array<[string, unknown]> = [];
  const send = (async (type: string, payload: { after?: string; limit?: number; articles?: unknown[] }) => {
    calls.push([type, payload]);
    if (type === 'library/export-page') {
      const start = payload.after === undefined ? 0 : articles.findIndex((a) => a.id === payload.after) + 1;
      return { articles: articles.slice(start, start + payload.limit!) };
    }
    if (type === 'library/import-begin') return { importId: 'i1' };
    if (type === 'library/import-part') {
      if (payload.articles!.some((a) => (a as { title: string }).title === 'fail')) throw new Error('boom');
      return { received: 1 };
    }
    if (type === 'library/import-commit') return { added: 1, replaced: 0, unchanged: 0, duplicates: 0 };
    if (type === 'library/import-abort') return { aborted: true };
    throw new Error(type);
  }) as unknown as Send;
  return { send, calls };
}

describe('exportSaved', () => {
  it('reads every page and writes a file the import reads back whole, named with the date', async () => {
    const { send, calls } = background();
    const file = await exportSaved(send, new Date(2024, 7, 19, 10));
    expect(file.name).toBe('newscontext-2024-08-19.json');
    expect(file.count).toBe(250);
    expect(calls.filter(([t]) => t === 'library/export-page')).toHaveLength(4);
    expect(parseExport(await file.blob.text())).toEqual(ARTICLES);
  });

  it('writes an empty file when nothing is saved', async () => {
    const file = await exportSaved(background([]).send);
    expect(file.count).toBe(0);
    expect(parseExport(await file.blob.text())).toEqual([]);
  });
});

describe('sendImport', () => {
  it('sends parts of at most 200 and commits', async () => {
    const { send, calls } = background();
    const progress: number[] = [];
    await sendImport(send, ARTICLES, (p) => 'done' in p && progress.push(p.done));
    expect(calls.map(([t]) => t)).toEqual(['library/import-begin', 'library/import-part', 'library/import-part', 'library/import-commit']);
    expect(progress).toEqual([200, 250]);
  });

  it('aborts the import when a part fails', async () => {
    const { send, calls } = background();
    await expect(sendImport(send, [savedArticle(1, { title: 'fail' })], () => undefined)).rejects.toThrow('boom');
    expect(calls.map(([t]) => t)).toEqual(['library/import-begin', 'library/import-part', 'library/import-abort']);
  });
});

describe('checkExport', () => {
  const text = JSON.stringify({ format: 'newscontext-saved-articles', version: 1, articles: ARTICLES });

  it('reports progress, then the articles', () => {
    const messages: CheckMessage[] = [];
    checkExport(text, (m) => messages.push(m));
    expect(messages.filter((m) => m.type === 'progress')).toEqual([{ type: 'progress', done: 250, total: 250 }]);
    expect(messages.at(-1)).toEqual({ type: 'done', articles: ARTICLES });
  });

  it('refuses a bad file with its reason', () => {
    const messages: CheckMessage[] = [];
    checkExport('{"format":"x"}', (m) => messages.push(m));
    expect(messages).toEqual([{ type: 'error', message: 'This is not a NewsContext export: its "format" is "x", expected "newscontext-saved-articles".' }]);
  });
});
