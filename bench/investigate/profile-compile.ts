// Investigation, not part of npm run bench: what V8 spends beside our scan of
// a generated page in Chromium, from a trace of fresh loads, for one or more
// builds (alternating, a few loads each, to share the machine's drift). For
// each load, between the scan's start and end marks: the main thread's CPU
// time in all its tasks, the CPU time of the optimizing compilers (TurboFan
// and Maglev, on worker threads) and of the young-generation GCs (on the
// main thread). CPU time is steadier than the scan's wall time on a noisy
// machine, and the GCs' share tells what the index keeps. On a 2-core machine
// the compilers' threads take CPU from the main thread while it scans. Usage:
//   npx tsx bench/investigate/profile-compile.ts [loads] [dist dir...]
// With NC_CHROMIUM_FLAGS=--js-flags=--max-opt=2 (Maglev, no TurboFan) the same
// loads show what the scan costs without the optimizing compiler.
import type { TraceEvent } from '../browsers';
import { median } from '../stats';
import { alternateBuilds, DIST, serveGeneratedPage } from './harness';

const CATEGORIES = ['toplevel', 'blink.user_timing', '__metadata', 'v8', 'disabled-by-default-v8.compile'];

const MAIN = 'main thread, all tasks';

/** Complete events that stand for one whole piece of work each (not their nested phases), and where they run. */
const KINDS: Record<string, { label: string; main: boolean }> = {
  'ThreadControllerImpl::RunTask': { label: MAIN, main: true },
  'V8.TurbofanTask': { label: 'TurboFan (worker threads)', main: false },
  'V8.MaglevTask': { label: 'Maglev (worker threads)', main: false },
  MinorGC: { label: 'young-generation GC (main thread)', main: true },
  MajorGC: { label: 'full GC (main thread)', main: true },
};
const LABELS = Object.values(KINDS).map((k) => k.label);

const loads = Number(process.argv[2] ?? 4);
const dists = process.argv.slice(3);
if (dists.length === 0) dists.push(DIST);
const { url, close: closeServer } = await serveGeneratedPage(10_000);
const scans = new Map<string, number[]>(dists.map((d) => [d, []]));
const cpu = new Map<string, Map<string, number[]>>(dists.map((d) => [d, new Map(LABELS.map((k) => [k, []]))]));
try {
  await alternateBuilds('chromium', dists, loads, async (browser, dist, l) => {
    const page = await browser.newPage();
    await page.startTrace!(CATEGORIES);
    await page.goto(`${url}#nc-bench`, 120_000);
    await page.evaluate('__ncBench.done');
    const events: TraceEvent[] = await page.stopTrace!();
    await page.close();
    const start = events.find((e) => e.name === 'newscontext-scan-start' && e.ph !== 'M');
    const end = events.filter((e) => e.name === 'newscontext-scan-end').at(-1);
    if (!start || !end) throw new Error('no scan marks in the trace');
    const sums = new Map<string, number>(LABELS.map((k) => [k, 0]));
    for (const e of events) {
      const kind = KINDS[e.name];
      if (!kind || e.ph !== 'X' || e.pid !== start.pid || (kind.main && e.tid !== start.tid)) continue;
      // A task counts whole if it overlaps the scan: the scan's first slice began before its mark.
      if (e.ts + (e.dur ?? 0) < start.ts || e.ts > end.ts) continue;
      sums.set(kind.label, sums.get(kind.label)! + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    scans.get(dist)!.push((end.ts - start.ts) / 1000);
    for (const [k, ms] of sums) cpu.get(dist)!.get(k)!.push(ms);
    console.log(`${dist} load ${l + 1}: scan ${scans.get(dist)!.at(-1)!.toFixed(0)} ms; ${[...sums].map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join(', ')} ms CPU`);
  });
} finally {
  await closeServer();
}
for (const dist of dists) {
  console.log(`${dist}, median of ${loads} loads: scan ${median(scans.get(dist)!).toFixed(1)} ms`);
  for (const [k, xs] of cpu.get(dist)!) console.log(`  ${k}: ${median(xs).toFixed(1)} ms CPU`);
}
