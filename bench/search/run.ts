// Runs bench/search/worker.ts in a child node process with --expose-gc (for
// heap figures) and a heap large enough for 50,000 articles.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { SearchOptions, SearchResult } from './worker';

export type { SearchResult, SearchRow } from './worker';

export function runSearchBench(opts: SearchOptions): Promise<SearchResult> {
  const root = resolve(import.meta.dirname, '../..');
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=12288', '--import', 'tsx', resolve(import.meta.dirname, 'worker.ts'), JSON.stringify(opts)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) return fail(new Error(`search benchmark exited with ${code}`));
      done(JSON.parse(last) as SearchResult);
    });
  });
}
