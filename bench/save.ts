// Saving an article, until search finds it, in Chromium with the built
// extension: a library of 1,000 saved articles is put in first through the
// reader's own path (the import messages: IndexedDB, then the live library),
// then a 1,500-word article page is loaded in a tab and saved by the message
// the popup's button sends (extract.js injected, Readability, the record
// checked and written, the library updated), and searched for by a word only
// it has, from the same extension page, until it is found.
import type { SavedArticle } from '../src/core/saved-article';
import type { BenchBrowser } from './browsers';
import type { Corpus } from './corpus';
import { generateArticles } from './search/library-gen';
import { createRng } from './rng';
import type { BenchServer } from './server';
import { median } from './stats';

export interface SaveBenchResult {
  /** Saved articles in the library before the measured saves. */
  librarySize: number;
  /** Words of each saved article. */
  words: number;
  /** The save message sent until search finds the article, per run (ms). */
  totalMs: number[];
  /** The save message alone, per run (ms). */
  saveMs: number[];
  /** Putting the 1,000 articles in (ms), the library loaded first. */
  importMs: number;
  notes: string[];
}

const PART = 200;

/** The generated articles as the reader's saved records. */
export function savedRecords(corpus: Corpus, count: number): SavedArticle[] {
  return generateArticles(corpus, count, 29).map((a, i) => ({
    ...a,
    // Ignored: the background gives each record the id its URL makes.
    id: `bench-${i}`,
    url: `https://bench.example/saved/${i}`,
    kind: 'article',
    dateKnown: true,
    savedAt: Date.UTC(2024, 0, 1) + i * 60_000,
  }));
}

/** A news page of about `words` words, naming people and places, with its own canonical URL and one word no other article has. */
export function articlePage(corpus: Corpus, words: number, run: number): { html: string; token: string } {
  const rng = createRng(1000 + run);
  const token = `savebench${run}q`;
  const paragraphs: string[] = [`A report that ${token} readers will find again, from the desk in Baku.`];
  for (let n = 12; n < words; ) {
    const p = corpus.paragraph(rng);
    paragraphs.push(p);
    n += p.split(/\s+/).length;
  }
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(corpus.line(rng))}</title>
<link rel="canonical" href="https://bench.example/new/${run}">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-09-12"}</script></head>
<body><nav><a href="/">Home</a> · <a href="/world">World</a></nav><article><h1>${escape(corpus.line(rng))}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article><footer>Privacy · Terms</footer></body></html>`;
  return { html, token };
}

const call = (type: string, payload: unknown) =>
  `chrome.runtime.sendMessage(${JSON.stringify({ type, payload })}).then((r) => { if (!r.ok) throw new Error(r.error); return r.value; })`;

export async function runSaveBench(
  ext: BenchBrowser,
  server: BenchServer,
  corpus: Corpus,
  opts: { saved: number; words: number; runs: number },
  log: (line: string) => void,
): Promise<SaveBenchResult> {
  if (!ext.extensionId) throw new Error('save bench: Chromium with the extension is needed');
  const result: SaveBenchResult = { librarySize: opts.saved, words: opts.words, totalMs: [], saveMs: [], importMs: NaN, notes: [] };
  const control = await ext.newPage();
  try {
    await control.goto(`chrome-extension://${ext.extensionId}/popup.html?view=tab`, 30_000);
    // The library (bundled articles) loaded first: the import below is timed on its own.
    await control.evaluate(call('library/status', {}));
    await control.evaluate(call('search', { query: 'Putin', limit: 1 }));
    const records = savedRecords(corpus, opts.saved);
    log(`save: putting ${records.length} saved articles in`);
    const started = performance.now();
    const { importId } = await control.evaluate<{ importId: string }>(call('library/import-begin', { total: records.length }));
    for (let i = 0; i < records.length; i += PART) {
      await control.evaluate(call('library/import-part', { importId, articles: records.slice(i, i + PART) }));
    }
    const outcome = await control.evaluate<{ added: number }>(call('library/import-commit', { importId }));
    result.importMs = performance.now() - started;
    if (outcome.added !== records.length) result.notes.push(`the import added ${outcome.added} of ${records.length} articles`);

    for (let run = 0; run < opts.runs; run++) {
      const { html, token } = articlePage(corpus, opts.words, run);
      const url = server.add(`save-bench-${run}`, html);
      const page = await ext.newPage();
      try {
        await page.goto(url, 30_000);
        const tabId = await control.evaluate<number>(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)}).id)`);
        const t = await control.evaluate<{ save: number; total: number; status: string; found: boolean }>(`(async () => {
          const t0 = performance.now();
          const saved = await ${call('save', { tabId: '__TAB__' }).replace('"__TAB__"', String(tabId))};
          const save = performance.now() - t0;
          let found = false;
          while (!found && performance.now() - t0 < 10000) {
            const hits = await ${call('search', { query: token, limit: 1 })};
            found = hits.length > 0 && hits[0].id === saved.id;
          }
          return { save, total: performance.now() - t0, status: saved.status, found };
        })()`);
        if (t.status !== 'saved' || !t.found) {
          result.notes.push(`run ${run + 1}: the save said "${t.status}"${t.found ? '' : ' and search did not find the article'}`);
          continue;
        }
        result.saveMs.push(t.save);
        result.totalMs.push(t.total);
      } finally {
        await page.close().catch(() => {});
      }
    }
    log(`save: median ${median(result.totalMs).toFixed(0)} ms until searchable over ${result.totalMs.length} saves`);
  } finally {
    await control.close().catch(() => {});
  }
  return result;
}
