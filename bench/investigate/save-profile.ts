// Investigation, not part of npm run bench: where a save's time goes in the
// service worker, with N saved articles. The kept Chromium profile of
// cold-start.ts (/tmp/nc-prof-<N>, made on first use); each run saves a
// generated 1,500-word page as the popup's button does, searches until it is
// found (bench/scale/page-fns.ts), and a V8 CPU profile of the worker over
// the save is printed by function, self and total. Build unminified to read
// names, and delete the profile after a change to the background (Chromium
// keeps an unpacked extension's worker script):
//   NC_NO_MINIFY=1 npm run build && npx tsx bench/investigate/save-profile.ts [articles] [runs] [top]
import { existsSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { loadKnowledgeBase } from '../../src/build/gazetteer';
import { createMatcher } from '../../src/core/matcher';
import { chromiumDriver } from '../../tests/e2e/harness/extension-pages';
import { startServer } from '../../tests/e2e/harness/server';
import type { CpuProfile } from '../browsers';
import { createCorpus } from '../corpus';
import { articlePage, savedRecords } from '../save';
import { saveUntilFound } from '../scale/page-fns';

const N = Number(process.argv[2] ?? 10000);
const runs = Number(process.argv[3] ?? 3);
const top = Number(process.argv[4] ?? 25);
const profileDir = `/tmp/nc-prof-${N}`;

type Send = (method: string, params?: object) => Promise<Record<string, unknown>>;

/** A CDP session with the extension's service worker, through the page's session (Playwright has none for workers). */
async function attachWorker(cdp: CDPSession, extensionId: string): Promise<{ send: Send; detach(): Promise<void> }> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; targetId: string; url: string }> };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('no service worker is running');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (m: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number };
    if (m.id !== undefined) pending.get(m.id)?.(m as never);
  });
  let next = 0;
  const send: Send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result ?? {})));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return { send, detach: async () => void (await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined)) };
}

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
  const fresh = !existsSync(profileDir);
  const corpus = createCorpus(createMatcher(loadKnowledgeBase()));
  const virtual = new Map<string, string>();
  const server = await startServer(virtual);
  const d = await chromiumDriver(server, { profile: profileDir });
  try {
    const { context, extensionId } = d.chromium!;
    if (fresh || ((await d.call('library/status', {})).value as { saved: number }).saved < N) {
      const records = savedRecords(corpus, N);
      const { importId } = (await d.call('library/import-begin', { total: N })).value as { importId: string };
      for (let i = 0; i < N; i += 200) await d.call('library/import-part', { importId, articles: records.slice(i, i + 200) });
      console.log(await d.call('library/import-commit', { importId }));
    }
    // Loaded, and the snapshots of a first start written.
    await d.call('search', { query: 'warm', limit: 1 });
    await new Promise((r) => setTimeout(r, 12_000));
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
