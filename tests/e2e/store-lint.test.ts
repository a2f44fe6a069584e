// What addons.mozilla.org would say of dist/firefox: web-ext lint, offline.
// And the zips the stores take.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_FIREFOX, ROOT, requireBuilt } from './harness/paths';

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: Array<{ code: string; message: string }>;
  warnings: Array<{ code: string; message: string }>;
}

describe('store readiness', () => {
  it('web-ext lint finds no error and no warning in dist/firefox', () => {
    requireBuilt(DIST_FIREFOX);
    const out = execFileSync('npx', ['web-ext', 'lint', '-s', DIST_FIREFOX, '-o', 'json', '--no-config-discovery'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const report = JSON.parse(out) as LintReport;
    expect([...report.errors, ...report.warnings].map((m) => `${m.code}: ${m.message}`)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('npm run package writes both zips', () => {
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
    for (const name of ['chrome.zip', 'firefox.zip']) {
      const zip = resolve(ROOT, 'dist', name);
      expect(existsSync(zip), name).toBe(true);
      expect(statSync(zip).size).toBeGreaterThan(20_000);
    }
  });
});
