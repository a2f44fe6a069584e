// npm run dev: builds both targets, runs the extension in a browser through
// web-ext, and on every change to the sources builds again and reloads it.
//   npm run dev                        Firefox (dist/firefox)
//   npm run dev -- --chromium          Chromium (dist/chrome); --firefox --chromium for both
//   npm run dev -- --headless          without a window (for a check on a server)
//   npm run dev -- --start-url=URL     open URL at start
//   npm run dev -- --arg=ARG           pass ARG to the browser (repeatable)
// The browsers are the system's (browserPath: FIREFOX_PATH / CHROMIUM_PATH).
//
// Why not `vite build --watch` and web-ext's own reloading: vite watches only
// its module graph, and the content script (src/content/), library.json
// (seeds/), the manifests and the locales are made by the extension plugin
// from files outside it, so their changes go unseen; and in watch mode vite
// does not wait for the plugin's closeBundle, which writes the content script
// and dist/firefox, so a reload on vite's "built" can load a half-written
// extension. Here every change runs the whole `npm run build` (about a second),
// and the extension is reloaded once that has succeeded: a failed build leaves
// the last good one running.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import webExt, { type ExtensionRunner } from 'web-ext';
import { browserPath } from '../tests/e2e/harness/browsers';
import { DIST_CHROME, DIST_FIREFOX } from '../tests/e2e/harness/paths';

const root = resolve(import.meta.dirname, '..');
/** What the build reads: a change to any of these builds again. */
const WATCHED_DIRS = ['src', 'seeds', 'icons'];
const WATCHED_FILES = ['manifest.json', 'vite.config.ts'];
/** Changes that come together (an editor's save, a git checkout) make one build. */
const SETTLE_MS = 150;

const argv = process.argv.slice(2);
const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const known = /^--(chromium|firefox|headless|start-url=.+|arg=.+)$/;
for (const a of argv) if (!known.test(a)) throw new Error(`npm run dev: unknown option ${a} (--firefox, --chromium, --headless, --start-url=URL, --arg=ARG)`);
const chromium = argv.includes('--chromium');
const firefox = argv.includes('--firefox') || !chromium;
const headless = argv.includes('--headless');
const startUrl = value('start-url');
const extraArgs = argv.filter((a) => a.startsWith('--arg=')).map((a) => a.slice('--arg='.length));

const log = (line: string) => console.log(`\n[dev] ${line}`);

/** `npm run build`, as a person runs it; resolves to whether it succeeded. */
function build(): Promise<boolean> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', () => done(false));
    child.on('exit', (code) => {
      const ok = code === 0;
      log(ok ? `built in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'build failed: the browser keeps the last good build');
      done(ok);
    });
  });
}

async function start(target: 'firefox' | 'chromium'): Promise<ExtensionRunner> {
  const common = { noReload: true, noInput: true, ...(startUrl ? { startUrl: [startUrl] } : {}) };
  if (target === 'firefox') {
    return webExt.cmd.run(
      { ...common, sourceDir: DIST_FIREFOX, target: ['firefox-desktop'], firefox: browserPath('firefox'), args: [...(headless ? ['--headless'] : []), ...extraArgs] },
      { shouldExitProgram: false },
    );
  }
  // Chromium refuses to run as root without --no-sandbox (a container, a CI machine).
  const args = [...(headless ? ['--headless=new'] : []), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...extraArgs];
  // A profile of our own: the temporary one web-ext makes for Chromium stays in the temp folder after it.
  const profile = mkdtempSync(join(tmpdir(), 'newscontext-dev-chromium-'));
  process.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  return webExt.cmd.run(
    { ...common, sourceDir: DIST_CHROME, target: ['chromium'], chromiumBinary: browserPath('chromium'), chromiumProfile: profile, keepProfileChanges: true, args },
    { shouldExitProgram: false },
  );
}

if (!(await build())) process.exit(1);
const runners = new Map<string, ExtensionRunner>();
for (const target of [...(firefox ? ['firefox' as const] : []), ...(chromium ? ['chromium' as const] : [])]) runners.set(target, await start(target));

let building = false;
let again = false;
let timer: NodeJS.Timeout | undefined;

async function rebuild(): Promise<void> {
  if (building) {
    again = true;
    return;
  }
  building = true;
  try {
    do {
      again = false;
      if (!(await build())) continue;
      for (const [target, runner] of runners) {
        await runner.reloadAllExtensions();
        log(`reloaded in ${target}`);
      }
    } while (again);
  } finally {
    building = false;
  }
}

const pending = new Set<string>();

function changed(path: string): void {
  const name = path.split('/').pop() ?? '';
  if (name.startsWith('.') || name.endsWith('~')) return; // editors' swap and backup files
  pending.add(relative(root, path));
  clearTimeout(timer);
  timer = setTimeout(() => {
    log(`changed: ${[...pending].join(', ')}`);
    pending.clear();
    void rebuild();
  }, SETTLE_MS);
}

/**
 * Watches every folder under `dir`, each on its own, folders made later
 * included. Not fs.watch's `recursive`: on Linux, Node 20 watches each file
 * then, and loses a file that an editor or git saves by replacing it. A
 * folder's watch sees its files replaced.
 */
function watchTree(dir: string, watchers: FSWatcher[], seen = new Set<string>()): void {
  if (seen.has(dir)) return;
  seen.add(dir);
  const w = watch(dir, (_, file) => {
    if (!file) return;
    const path = resolve(dir, file);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) watchTree(path, watchers, seen);
    changed(path);
  });
  w.on('error', () => {
    // The folder was removed; watched again if it comes back.
    w.close();
    seen.delete(dir);
  });
  watchers.push(w);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) watchTree(resolve(dir, entry.name), watchers, seen);
}

const watchers: FSWatcher[] = [];
for (const dir of WATCHED_DIRS) watchTree(resolve(root, dir), watchers);
// The root folder for its files: the same reason.
watchers.push(watch(root, (_, file) => file && WATCHED_FILES.includes(file) && changed(resolve(root, file))));
log(`watching ${[...WATCHED_DIRS.map((d) => `${d}/`), ...WATCHED_FILES].join(', ')}: a change builds and reloads; Ctrl+C stops`);

/** Resolves once every browser has gone (Firefox: its process closed; Chromium: its runner exited). */
const closed = Promise.all([...runners.values()].map((runner) => new Promise<void>((done) => runner.registerCleanup(done))));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const w of watchers) w.close();
  clearTimeout(timer);
  for (const runner of runners.values()) runner.exit().catch(() => {});
  await Promise.race([closed, new Promise((done) => setTimeout(done, 10_000))]);
  // The temporary profiles are removed on exit, now that no browser writes to them.
  process.exit(0);
}
// The Firefox profile's own SIGINT listener exits at once, while Firefox may
// still write to the profile, which is then left behind: stop the browsers
// first. (tsx's signal relay is hidden from process.listeners and stays.)
for (const listener of process.listeners('SIGINT')) process.removeListener('SIGINT', listener);
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
// Closing a browser ends the session.
for (const runner of runners.values()) runner.registerCleanup(() => void stop());
