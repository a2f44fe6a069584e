import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST_CHROME = resolve(ROOT, 'dist/chrome');
export const DIST_FIREFOX = resolve(ROOT, 'dist/firefox');
export const FIXTURES = resolve(ROOT, 'tests/fixtures');

/** Real saved news pages (tests/fixtures/real/README.md says where each comes from). */
export const REAL_PAGES = resolve(FIXTURES, 'real');

export function requireBuilt(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir} is not built: run "npm run build" (npm test builds it when missing)`);
  }
  return dir;
}
