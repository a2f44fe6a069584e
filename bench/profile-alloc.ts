// Investigation, not part of npm run bench: what the content script allocates
// during a fresh load's scan of a generated page in Chromium, by function,
// from V8's sampling heap profiler (garbage included). Every
// object that survives a young-generation GC is copied by it, so what the
// index keeps per node (and the room it wastes) is paid again on each one.
// Build unminified first, to read names:
//   NC_NO_MINIFY=1 npm run build && npx tsx bench/profile-alloc.ts [paragraphs] [top]
import type { AllocationNode } from './browsers';
import { profiledScan } from './investigate';

/** One sample per this many bytes allocated: fine enough for objects of tens of bytes over megabytes. */
const INTERVAL_BYTES = 4096;

const paragraphs = Number(process.argv[2] ?? 10_000);
const top = Number(process.argv[3] ?? 25);
const profile = await profiledScan(
  paragraphs,
  (page) => page.startAllocationSampling!(INTERVAL_BYTES),
  (page) => page.stopAllocationSampling!(),
);

const byFunction = new Map<string, number>();
let ours = 0;
let all = 0;
const visit = (node: AllocationNode) => {
  const f = node.callFrame;
  all += node.selfSize;
  if (f.url.endsWith('content.js') && node.selfSize > 0) {
    ours += node.selfSize;
    const fn = `${f.functionName || '(anon)'} content.js:${f.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + node.selfSize);
  }
  for (const c of node.children) visit(c);
};
visit(profile.head);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2).padStart(7)} MB`;
console.log(`allocated while profiled: ${mb(all)} in all; by content.js itself: ${mb(ours)}`);
console.log('by function (self):');
for (const [k, b] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${mb(b)}  ${k}`);
