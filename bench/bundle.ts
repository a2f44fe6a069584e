// Bundles bench/browser/probe.ts (with mark.js, advanced-mark.js and our
// matcher) into one IIFE, to inject into pages as a script: window.__ncProbe.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Rollup } from 'vite';

const here = import.meta.dirname;

export async function buildProbe(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(here, '..'),
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: resolve(here, 'browser/probe.ts'), formats: ['iife'], name: '__ncProbe', fileName: 'probe' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs[0]?.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('bench: the probe bundle is empty');
  return chunk.code;
}

/** The init script of the browser without the extension: the frame recorder of the page alone. */
export function plainInitScripts(): string {
  return readFileSync(resolve(here, 'browser/frames.js'), 'utf8');
}

/** The init scripts of the browser with the extension: the poller that times the content script, the popup's first-render mark. */
export function initScripts(): string {
  return ['browser/poller.js', 'browser/first-render.js'].map((f) => readFileSync(resolve(here, f), 'utf8')).join('\n');
}
