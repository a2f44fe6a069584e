// Investigation, not part of npm run bench: where a save's time goes in the
// service worker, with N saved articles. The kept Chromium profile of
// cold-start.ts (/tmp/nc-prof-<N>, made on first use); each run saves a
// generated 1,500-word page as the popup's button does, searches until it is
// found (bench/scale/page-fns.ts), and a V8 CPU profile of the worker over
// the save is printed by function, self and total. Build unminified to read
// names, and delete the profile after a change to the background (Chromium
// keeps an unpacked extension's worker script):
//   NC_NO_MINIFY=1 npm run build && npx tsx bench/investigate/save-profile.ts [articles] [runs] [top]
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { createMatcher } from '../../src/core/matcher';
import { chromiumDriver } from '../../tests/e2e/harness/extension-pages';
import { startServer } from '../../tests/e2e/harness/server';
import type { CpuProfile } from '../browsers';
import { createCorpus } from '../corpus';
import { articlePage } from '../save';
import { ensureSavedArticles } from './harness';
import { attachWorker } from '../scale/cold';
import { saveUntilFound } from '../scale/page-fns';

const N = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
const top = Number(process.argv[4] ?? 25);
const profileDir = `/tmp/nc-prof-${N}`;

function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: CpuProfile['nodes'][number]) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  profile.samples.forEach((leaf, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const stack: string[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(name(byId.get(id)!));
    if (stack[0]!.startsWith('(idle)')) return;
    add(self, stack[0]!, ms);
    for (const k of new Set(stack)) add(total, k, ms);
  });
  const print = (m: Map<string, number>) => {
    for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  };
  console.log('self:');
  print(self);
  console.log('total:');
  print(total);
}

async function main(): Promise<void> {
  const corpus = createCorpus(createMatcher(loadKnowledgeBase()));
  const virtual = new Map<string, string>();
  const server = await startServer(virtual);
  const d = await chromiumDriver(server, { profile: profileDir });
  try {
    const { context, extensionId } = d.chromium!;
    await ensureSavedArticles(d, corpus, N);
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/popup.html?view=tab`);
    const cdp = await context.newCDPSession(control);
    for (let run = 0; run < runs; run++) {
      const { html, token } = articlePage(corpus, 1500, 500 + run);
      const path = `/save-profile-${run}.html`;
      virtual.set(path, html);
      const page = await d.web(path);
      const tabId = await d.tabId(server.url(path));
      const worker = await attachWorker(cdp, extensionId);
      await worker.send('Profiler.enable');
      await worker.send('Profiler.setSamplingInterval', { interval: 100 });
      await worker.send('Profiler.start');
      const t = await control.evaluate(saveUntilFound, [tabId, token] as const);
      const { profile } = (await worker.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await worker.detach();
      console.log(`run ${run + 1}: save message ${t.save.toFixed(0)} ms, until found ${t.total.toFixed(0)} ms (${t.status})`);
      printProfile(profile);
      await page.close();
    }
  } finally {
    await d.close();
    await server.close();
  }
}

void main();
