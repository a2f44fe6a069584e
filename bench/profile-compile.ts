// Investigation, not part of npm run bench: what V8 spends beside our scan of
// a generated page in Chromium, from a trace of fresh loads. For each load:
// the CPU time of the optimizing compilers (TurboFan and Maglev, on worker
// threads) and of the young-generation GCs (on the page's main thread) between
// the scan's start and end marks. On a 2-core machine the compilers' threads
// take CPU from the main thread while it scans. Usage:
//   npx tsx bench/profile-compile.ts [loads] [dist dir]
// With NC_CHROMIUM_FLAGS=--js-flags=--max-opt=2 (Maglev, no TurboFan) the same
// loads show what the scan costs without the optimizing compiler.
import type { TraceEvent } from './browsers';
import { launchOurs, serveGeneratedPage } from './investigate';
import { median } from './stats';

const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata', 'v8', 'disabled-by-default-v8.compile'];

/** Complete events that stand for one whole piece of work each (not their nested phases). */
const KINDS: Record<string, string> = {
  'V8.TurbofanTask': 'TurboFan (worker threads)',
  'V8.MaglevTask': 'Maglev (worker threads)',
  MinorGC: 'young-generation GC (main thread)',
  MajorGC: 'full GC (main thread)',
};

const loads = Number(process.argv[2] ?? 4);
const dist = process.argv[3];
const { url, close: closeServer } = await serveGeneratedPage(10_000);
const browser = await launchOurs('chromium', dist);
const scans: number[] = [];
const cpu = new Map<string, number[]>(Object.values(KINDS).map((k) => [k, []]));
try {
  for (let l = 0; l < loads; l++) {
    const page = await browser.newPage();
    await page.startTrace!(CATEGORIES);
    await page.goto(`${url}#nc-bench`, 120_000);
    await page.evaluate('__ncBench.done');
    const events: TraceEvent[] = await page.stopTrace!();
    await page.close();
    const start = events.find((e) => e.name === 'newscontext-scan-start' && e.ph !== 'M');
    const end = events.filter((e) => e.name === 'newscontext-scan-end').at(-1);
    if (!start || !end) throw new Error('no scan marks in the trace');
    const sums = new Map<string, number>(Object.values(KINDS).map((k) => [k, 0]));
    for (const e of events) {
      const kind = KINDS[e.name];
      if (!kind || e.ph !== 'X' || e.pid !== start.pid || e.ts < start.ts || e.ts > end.ts) continue;
      sums.set(kind, sums.get(kind)! + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    scans.push((end.ts - start.ts) / 1000);
    for (const [k, ms] of sums) cpu.get(k)!.push(ms);
    console.log(`load ${l + 1}: scan ${scans.at(-1)!.toFixed(0)} ms; ${[...sums].map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ')} ms CPU`);
  }
} finally {
  await browser.close();
  await closeServer();
}
console.log(`median of ${loads} loads: scan ${median(scans).toFixed(1)} ms`);
for (const [k, xs] of cpu) console.log(`  ${k}: ${median(xs).toFixed(1)} ms CPU`);
