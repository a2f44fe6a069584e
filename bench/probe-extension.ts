// A throwaway extension that carries the probe (bench/browser/probe.ts) into a
// content script's world, loaded into the plain browsers: the breakdown of our
// pipeline can then be timed both in the page's world and where a content
// script runs. It does nothing until the page posts it a request.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchPage } from './browsers';

export interface ProbeExtension {
  dir: string;
  remove(): void;
}

export function writeProbeExtension(probe: string): ProbeExtension {
  const dir = mkdtempSync(join(tmpdir(), 'newscontext-bench-probe-'));
  const manifest = {
    manifest_version: 3,
    name: 'NewsContext bench probe',
    version: '1.0',
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['probe.js', 'listener.js'], run_at: 'document_start' }],
    browser_specific_settings: { gecko: { id: 'bench-probe@newscontext.invalid' } },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'probe.js'), probe);
  writeFileSync(join(dir, 'listener.js'), readFileSync(resolve(import.meta.dirname, 'browser/probe-listener.js')));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Calls a probe function in the content script's world of the page (the probe extension must be loaded). */
export async function callInContentScript<T>(page: BenchPage, fn: string, args: unknown[]): Promise<T> {
  const raw = await page.evaluate<string>(
    `new Promise((resolve) => {
      const id = Math.random();
      const onMessage = (event) => {
        if (event.source !== window || !event.data || event.data.type !== 'nc-probe-response' || event.data.id !== id) return;
        window.removeEventListener('message', onMessage);
        resolve(event.data.result);
      };
      window.addEventListener('message', onMessage);
      window.postMessage({ type: 'nc-probe-request', id, fn: ${JSON.stringify(fn)}, args: ${JSON.stringify(args)} }, '*');
      setTimeout(() => resolve(JSON.stringify({ error: 'no answer from the probe extension' })), 60000);
    })`,
  );
  const result = JSON.parse(raw) as { ok?: T; error?: string };
  if (result.error !== undefined) throw new Error(`probe extension: ${result.error}`);
  return result.ok as T;
}
