// Builds the React fixture: the app rendered to HTML in node (for hydration)
// and the client bundled with vite into one script, served from memory.
import { resolve } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build } from 'vite';
import { App } from '../../fixtures/react/app';
import { FIXTURES } from './paths';

export async function buildReactFixture(): Promise<{ html: string; script: string }> {
  type Output = { output: Array<{ type: 'chunk'; code: string } | { type: 'asset' }> };
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(FIXTURES, 'react/client.ts'), formats: ['iife'], name: 'reactFixture', fileName: () => 'client.js' },
    },
  })) as unknown as Output | Output[];
  const first = Array.isArray(result) ? result[0] : result;
  const chunk = first?.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('React fixture: no bundle produced');
  const markup = renderToString(createElement(App));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React desk</title></head>
<body><div id="root">${markup}</div><script src="/react/client.js"></script></body></html>`;
  return { html, script: chunk.code };
}
