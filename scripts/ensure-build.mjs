// Builds the extension when dist/ is missing or older than its sources, so that
// `npm test` always tests what the sources say. Prints why it builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const SOURCES = ['src', 'seeds', 'icons', 'manifest.json', 'vite.config.ts', 'package.json', 'package-lock.json'];
const OUTPUTS = ['dist/chrome/manifest.json', 'dist/firefox/manifest.json', 'dist/chrome/content.js', 'dist/chrome/library.json'];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const missing = OUTPUTS.filter((p) => !existsSync(resolve(root, p)));
const builtAt = missing.length ? 0 : Math.min(...OUTPUTS.map((p) => statSync(resolve(root, p)).mtimeMs));
const sourcesAt = Math.max(...SOURCES.filter((p) => existsSync(resolve(root, p))).map((p) => newest(resolve(root, p))));

if (missing.length || sourcesAt > builtAt) {
  console.log(missing.length ? `dist/ is missing ${missing.join(', ')}: building` : 'dist/ is older than its sources: building');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
} else {
  console.log('dist/ is up to date');
}
