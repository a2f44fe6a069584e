// Investigation, not part of npm run bench: a V8 CPU profile of a fresh load
// of a generated page in Chromium with the extension. Prints the samples with
// the content script on the stack, by function (self and total time), what
// else the main thread did between the first and the last of them (native work
// shows as "(program)"), and our functions V8 deoptimized. Build unminified
// first, to read names:
//   NC_NO_MINIFY=1 npm run build && npx tsx bench/investigate/profile-cpu.ts [paragraphs] [top]
// NC_LINES=N also lists the N source lines of content.js with the most samples.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CpuProfile } from '../browsers';
import { profiledScan } from './harness';

type ProfileNode = CpuProfile['nodes'][number];

const paragraphs = Number(process.argv[2] ?? 10_000);
const top = Number(process.argv[3] ?? 40);
const { t, profile } = await profiledScan(
  paragraphs,
  (page) => page.startProfile!(100),
  async (page) => ({
    t: await page.evaluate<{ t0: number; scanEnd: number }>('({ t0: __ncBench.t0, scanEnd: __ncBench.scanEnd })'),
    profile: await page.stopProfile!(),
  }),
);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const isOursNode = (n: ProfileNode) => n.callFrame.url.endsWith('content.js');
const file = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
const name = (n: ProfileNode) => `${file(n)}:${n.callFrame.lineNumber + 1}`;
// Each sample: its stack (leaf first), whether it is ours, and how long it stands for.
const samples = profile.samples.map((leaf, i) => {
  const stack: ProfileNode[] = [];
  for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!);
  return { stack, ours: stack.some(isOursNode), ms: (profile.timeDeltas[i + 1] ?? 0) / 1000 };
});
const add = (m: Map<string, number>, key: string, ms: number) => m.set(key, (m.get(key) ?? 0) + ms);
const print = (m: Map<string, number>, n: number) => {
  for (const [key, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
};

const deopts = new Set(profile.nodes.filter((n) => n.deoptReason && isOursNode(n)).map((n) => `${name(n)}: ${n.deoptReason}`));
if (deopts.size > 0) console.log(`deoptimized:\n  ${[...deopts].join('\n  ')}`);

// The scan's window: from the first sample of ours to the last; what else ran in it, by leaf.
const first = samples.findIndex((s) => s.ours);
const last = samples.findLastIndex((s) => s.ours);
const others = new Map<string, number>();
for (const s of samples.slice(first, last + 1)) if (!s.ours) add(others, file(s.stack[0]!), s.ms);
console.log('not ours, within the scan:');
print(others, 12);

const self = new Map<string, number>();
const total = new Map<string, number>();
let ours = 0;
for (const s of samples) {
  if (!s.ours) continue;
  ours += s.ms;
  add(self, name(s.stack[0]!), s.ms);
  for (const n of new Set(s.stack.map(name))) add(total, n, s.ms);
}
console.log(`scan ${(t.scanEnd - t.t0).toFixed(1)} ms; samples with content.js on the stack: ${ours.toFixed(1)} ms`);
console.log('self:');
print(self, top);
console.log('total:');
print(total, top);
if (process.env.NC_LINES) {
  // Samples per line, in all of content.js, with the line's text (the build profiled is dist's).
  const text = readFileSync(resolve(import.meta.dirname, '../../dist/chrome/content.js'), 'utf8').split('\n');
  const lines = new Map<string, number>();
  for (const n of profile.nodes) {
    if (!isOursNode(n)) continue;
    for (const t of n.positionTicks ?? []) add(lines, `${String(t.line).padStart(5)} ${(text[t.line - 1] ?? '').trim().slice(0, 100)}`, t.ticks);
  }
  console.log('lines (samples):');
  for (const [key, ticks] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.NC_LINES))) console.log(`${String(ticks).padStart(6)}  ${key}`);
}
