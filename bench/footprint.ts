// Footprint: what the extension weighs (content script, library, popup bundle)
// and how soon the popup shows its search field.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchBrowser } from './browsers';
import { median } from './stats';

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface FootprintResult {
  content: FileSize;
  /** content-start.js, which begins the lit gazetteer's read at document_start; absent from results saved before it. */
  contentStart?: FileSize;
  library: FileSize;
  /** popup.html, its scripts and their static imports, its stylesheets. */
  popup: FileSize[];
  popupTotal: { raw: number; gzip: number };
  /** Chunks the popup imports only on demand. */
  popupLazy: FileSize[];
  /** Navigation start to the search field in the DOM; and to first contentful paint. */
  popupInputMs?: number;
  popupFcpMs?: number;
  popupRuns: number;
  notes: string[];
}

const size = (dist: string, file: string): FileSize => {
  const buf = readFileSync(resolve(dist, file));
  return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

/** The popup's files: entry scripts and stylesheets of popup.html, and every chunk they import. */
function popupFiles(dist: string): { eager: string[]; lazy: string[] } {
  const html = readFileSync(resolve(dist, 'popup.html'), 'utf8');
  const eager = new Set<string>(['popup.html']);
  const lazy = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\bsrc="\.?\/?([^"]+)"/g)) queue.push(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\.?\/?([^"]+)"|<link[^>]*href="\.?\/?([^"]+)"[^>]*rel="stylesheet"/g)) eager.add((m[1] ?? m[2])!);
  while (queue.length) {
    const file = queue.shift()!;
    if (eager.has(file)) continue;
    eager.add(file);
    const code = readFileSync(resolve(dist, file), 'utf8');
    const rel = (spec: string) => relative(dist, join(dirname(resolve(dist, file)), spec));
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(rel(m[1]!));
    for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add(rel(m[1]!));
  }
  for (const f of eager) lazy.delete(f);
  return { eager: [...eager], lazy: [...lazy] };
}

export async function benchFootprint(dist: string, ext: BenchBrowser | undefined, runs: number): Promise<FootprintResult> {
  const { eager, lazy } = popupFiles(dist);
  const popup = eager.map((f) => size(dist, f));
  const result: FootprintResult = {
    content: size(dist, 'content.js'),
    contentStart: size(dist, 'content-start.js'),
    library: size(dist, 'library.json'),
    popup,
    popupTotal: { raw: popup.reduce((n, f) => n + f.raw, 0), gzip: popup.reduce((n, f) => n + f.gzip, 0) },
    popupLazy: lazy.map((f) => size(dist, f)),
    popupRuns: 0,
    notes: [],
  };
  if (!ext?.extensionId) return result;
  const inputs: number[] = [];
  const paints: number[] = [];
  for (let r = 0; r < runs; r++) {
    const page = await ext.newPage();
    try {
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`, 30_000);
      const t = await page.evaluate<{ input: number; fcp: number }>(
        `new Promise((resolve) => {
          const read = () => {
            const input = performance.getEntriesByName('nc-first-input')[0];
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            if (input && fcp) resolve({ input: input.startTime, fcp: fcp.startTime });
            else if (performance.now() > 15000) resolve({ input: input ? input.startTime : -1, fcp: fcp ? fcp.startTime : -1 });
            else setTimeout(read, 20);
          };
          read();
        })`,
      );
      if (t.input >= 0) inputs.push(t.input);
      if (t.fcp >= 0) paints.push(t.fcp);
      result.popupRuns++;
    } catch (e) {
      result.notes.push(`popup run ${r + 1}: ${(e as Error).message.split('\n')[0]}`);
    } finally {
      await page.close().catch(() => {});
    }
  }
  if (inputs.length) result.popupInputMs = median(inputs);
  if (paints.length) result.popupFcpMs = median(paints);
  return result;
}
