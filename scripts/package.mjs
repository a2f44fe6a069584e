// Zips dist/chrome and dist/firefox for the stores: dist/chrome.zip and
// dist/firefox.zip (the Firefox one through web-ext, which also names it).
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
for (const target of ['chrome', 'firefox']) {
  const dir = resolve(dist, target);
  if (!existsSync(resolve(dir, 'manifest.json'))) throw new Error(`${dir} is not built: run npm run build first`);
  const out = resolve(dist, `${target}.zip`);
  rmSync(out, { force: true });
  const tmp = resolve(dist, `.pkg-${target}`);
  rmSync(tmp, { recursive: true, force: true });
  execFileSync('npx', ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', tmp, '--filename', `${target}.zip`, '--overwrite-dest'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(resolve(tmp, `${target}.zip`), out);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`wrote ${out}`);
}
