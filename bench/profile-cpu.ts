// Investigation, not part of npm run bench: a V8 CPU profile of a fresh load
// of a generated page in Chromium with the extension. Prints the samples with
// the content script on the stack, by function (self and total time), and what
// else the main thread did between the first and the last of them (native work
// shows as "(program)"). Build unminified first, to read names:
//   NC_NO_MINIFY=1 npm run build && npx tsx bench/profile-cpu.ts [paragraphs] [top]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { loadGazetteer } from '../src/build/gazetteer';
import { createMatcher } from '../src/core/matcher';
import { browserPath, CHROMIUM_ARGS } from '../tests/e2e/harness/browsers';
import { initScripts } from './bundle';
import { createCorpus } from './corpus';
import { generatePage } from './pages';
import { startBenchServer } from './server';

interface ProfileNode {
  id: number;
  deoptReason?: string;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const paragraphs = Number(process.argv[2] ?? 10_000);
const top = Number(process.argv[3] ?? 40);
const corpus = createCorpus(createMatcher(loadGazetteer()));
const server = await startBenchServer('/nonexistent');
const url = server.add('page', generatePage(corpus, paragraphs));
const ext = resolve(import.meta.dirname, '../dist/chrome');
const dir = mkdtempSync(join(tmpdir(), 'newscontext-cpu-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: browserPath('chromium'),
  headless: false,
  args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
try {
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 30_000 });
  await context.addInitScript({ content: initScripts() });
  const page = await context.newPage();
  // A first load puts the page's site in its renderer; the profiled reload stays there.
  await page.goto(`${url}#warm`, { waitUntil: 'load', timeout: 120_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${url}?profiled#nc-bench`, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate('__ncBench.done');
  const t = await page.evaluate<{ t0: number; scanEnd: number }>('({ t0: __ncBench.t0, scanEnd: __ncBench.scanEnd })');
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Samples whose stack has content.js in it are ours.
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ours = 0;
  // The scan's window: from the first sample of ours to the last; what else ran in it, by leaf.
  const isOurs = (i: number) => {
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) if (byId.get(id)!.callFrame.url.endsWith('content.js')) return true;
    return false;
  };
  let first = -1;
  let last = -1;
  for (let i = 0; i < profile.samples.length; i++) if (isOurs(i)) (first < 0 ? (first = i) : 0, (last = i));
  const others = new Map<string, number>();
  for (let i = first; i <= last; i++) {
    if (isOurs(i)) continue;
    const leaf = byId.get(profile.samples[i]!)!;
    const key = `${leaf.callFrame.functionName || '(anon)'} ${leaf.callFrame.url.split('/').pop()}`;
    others.set(key, (others.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  // Functions V8 gave up optimizing, and why (shown only for ours).
  const deopts = new Set(profile.nodes.filter((n) => n.deoptReason && n.callFrame.url.endsWith('content.js')).map((n) => `${n.callFrame.functionName} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}: ${n.deoptReason}`));
  if (deopts.size > 0) console.log(`deoptimized:\n  ${[...deopts].join('\n  ')}`);
  console.log('not ours, within the scan:');
  for (const [n, ms] of [...others].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${n}`);
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack: ProfileNode[] = [];
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
    if (!stack.some((n) => n.callFrame.url.endsWith('content.js'))) continue;
    ours += dt;
    const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    const leaf = stack[0]!;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    for (const n of new Set(stack.map(name))) total.set(n, (total.get(n) ?? 0) + dt);
  }
  console.log(`scan ${(t.scanEnd - t.t0).toFixed(1)} ms; samples with content.js on the stack: ${ours.toFixed(1)} ms`);
  console.log('self:');
  for (const [n, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${n}`);
  console.log('total:');
  for (const [n, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${n}`);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  await server.close();
}
