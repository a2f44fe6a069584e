import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST_CHROME = resolve(ROOT, 'dist/chrome');
export const DIST_FIREFOX = resolve(ROOT, 'dist/firefox');
export const FIXTURES = resolve(ROOT, 'tests/fixtures');

/** The team's shared folder of real saved pages: beside the checkout, or where SHARED_DIR says. */
export const SHARED_PAGES = resolve(process.env.SHARED_DIR ?? resolve(ROOT, '../shared'), 'pages');

export function requireBuilt(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir} is not built: run "npm run build" (npm test builds it when missing)`);
  }
  return dir;
}
