import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/core/import-plan';
import { articleBytes, isSavedArticle, MAX_ARTICLE_BYTES, pickSavedArticle, savedArticleProblem, utf8Length } from '../../src/core/saved-article';
import {
  checkImportSize,
  EXPORT_FORMAT,
  EXPORT_TAIL,
  EXPORT_VERSION,
  exportArticles,
  exportFileName,
  exportHead,
  ImportError,
  MAX_IMPORT_BYTES,
  parseExport,
} from '../../src/core/saved-export';
import { savedArticle } from './helpers/saved-articles';

describe('savedArticleProblem', () => {
  it('accepts a well-formed record', () => {
    expect(savedArticleProblem(savedArticle(1))).toBeNull();
    expect(isSavedArticle(savedArticle(1))).toBe(true);
  });

  it.each([
    [{ title: 7 }, 'title is not a string'],
    [{ title: '  ' }, 'title is empty'],
    [{ url: 'javascript:alert(1)' }, 'url is not an http(s) URL'],
    [{ date: '2024-02-30' }, 'date "2024-02-30" is not a YYYY-MM-DD date'],
    [{ paragraphs: ['a', 3] }, 'paragraph #2 is not a string'],
    [{ paragraphs: 'a' }, 'paragraphs is not a list'],
    [{ kind: 'page' }, 'kind "page" is not one of article, selection'],
    [{ savedAt: 'now' }, 'savedAt is not a time'],
    [{ dateKnown: 'yes' }, 'dateKnown is not true or false'],
    [{ author: 5 }, 'author is not a string'],
    [{ lead: '', paragraphs: [] }, 'has no text'],
  ])('refuses %j: %s', (over, problem) => {
    expect(savedArticleProblem({ ...savedArticle(1), ...over })).toBe(problem);
  });

  it('refuses an article over 5 MB of text, saying how large it is', () => {
    const big = savedArticle(1, { paragraphs: ['x'.repeat(MAX_ARTICLE_BYTES)] });
    expect(savedArticleProblem(big)).toMatch(/^is 5\.0 MB of text; an article may have at most 5\.0 MB$/);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(articleBytes({ title: 'ab', lead: 'ç', paragraphs: ['😀'] })).toBe(2 + 2 + 4);
  });

  it('keeps only the known fields', () => {
    const withExtra = { ...savedArticle(1), onload: 'alert(1)', entities: {} } as never;
    expect(Object.keys(pickSavedArticle(withExtra)).sort()).toEqual(Object.keys(savedArticle(1)).sort());
  });
});

describe('export file', () => {
  const write = (articles = [savedArticle(1), savedArticle(2)]) =>
    exportHead(new Date('2024-08-19T10:00:00Z')) + exportArticles(articles.slice(0, 1), true) + exportArticles(articles.slice(1), false) + EXPORT_TAIL;

  it('is read back as the articles it holds', () => {
    const text = write();
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2024-08-19T10:00:00.000Z' });
    expect(parseExport(text)).toEqual([savedArticle(1), savedArticle(2)]);
    expect(parseExport(write([]))).toEqual([]);
    expect(exportFileName('2024-08-19')).toBe('newscontext-2024-08-19.json');
  });

  const refusal = (text: string) => {
    try {
      parseExport(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };

  it('refuses a file that is not JSON, saying where', () => {
    expect(refusal('{"format": "newscontext-saved-articles", ')).toMatch(/^The file is not valid JSON \(.+\)\.$/);
  });

  it('refuses a file that is not ours', () => {
    expect(refusal('{"format":"bookmarks","articles":[]}')).toBe(
      'This is not a NewsContext export: its "format" is "bookmarks", expected "newscontext-saved-articles".',
    );
    expect(refusal('[1,2]')).toMatch(/its "format" is a list/);
    expect(refusal('{}')).toMatch(/its "format" is missing/);
  });

  it('refuses another version, and says to update for a newer one', () => {
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT, version: 2, articles: [] }))).toMatch(/version 2, made by a newer NewsContext.*update the extension/);
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT, version: '1', articles: [] }))).toMatch(/version is "1"/);
  });

  it('refuses the whole file for one malformed article, naming it', () => {
    const articles = Array.from({ length: 12 }, (_, i) => savedArticle(i + 1));
    (articles[11] as { title: unknown }).title = 12;
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT, version: 1, articles }))).toBe('Article #12: title is not a string.');
    articles[11] = savedArticle(12, { url: 'javascript:alert(1)' });
    expect(refusal(JSON.stringify({ format: EXPORT_FORMAT, version: 1, articles }))).toBe(
      'Article #12 ("Story 12: Erdoğan meets Aliyev in Baku"): url is not an http(s) URL.',
    );
  });

  it('refuses a file over 500 MB before reading it', () => {
    expect(() => checkImportSize(MAX_IMPORT_BYTES)).not.toThrow();
    expect(() => checkImportSize(MAX_IMPORT_BYTES + 1)).toThrow('The file is 500.0 MB; an import may be at most 500.0 MB.');
  });
});

describe('planImport', () => {
  const existing = new Map([
    ['https://news.example/story-1', 1_700_000_000_001],
    ['https://news.example/story-2', 1_700_000_000_002],
  ]);

  it('adds what is new, replaces what was saved later in the file, keeps the rest', () => {
    const plan = planImport(existing, [savedArticle(1), savedArticle(2, { savedAt: 1_800_000_000_000, title: 'Newer' }), savedArticle(3)]);
    expect(plan.add.map((a) => a.url)).toEqual(['https://news.example/story-3']);
    expect(plan.replace.map((a) => a.title)).toEqual(['Newer']);
    expect(plan).toMatchObject({ unchanged: 1, duplicates: 0 });
  });

  it('keeps the later of two copies within the file', () => {
    const plan = planImport(new Map(), [savedArticle(5, { title: 'late', savedAt: 9e12 }), savedArticle(5, { title: 'early', savedAt: 1 })]);
    expect(plan.add.map((a) => a.title)).toEqual(['late']);
    expect(plan.duplicates).toBe(1);
  });

  it('keeps the library copy when it is the later one', () => {
    const plan = planImport(existing, [savedArticle(1, { savedAt: 5, title: 'old' })]);
    expect(plan).toMatchObject({ add: [], replace: [], unchanged: 1 });
  });
});
