// Investigation, not part of npm run bench: where the content script's scan of
// a generated page spends the main thread, from a Chromium trace between the
// scan's start and end marks. Usage:
//   NC_TRACE_CATEGORIES=toplevel,blink.user_timing,devtools.timeline,blink,__metadata npx tsx bench/investigate/profile-scan.ts [paragraphs]
// NC_TASKS=N lists the scan's first N tasks; NC_LONG=MS, every task over MS ms, with its
// NC_CHILDREN (4) largest children over NC_CHILD_US (2000) microseconds.
import type { TraceEvent } from '../browsers';
import { launchOurs, serveGeneratedPage } from './harness';

const paragraphs = Number(process.argv[2] ?? 10_000);
const { url, close: closeServer } = await serveGeneratedPage(paragraphs);
const browser = await launchOurs('chromium');
try {
  const page = await browser.newPage();
  await page.startTrace!();
  await page.goto(`${url}#nc-bench`, 120_000);
  await page.evaluate('__ncBench.done');
  const t = await page.evaluate<{ t0: number; scanEnd: number; painted: number }>('({ t0: __ncBench.t0, scanEnd: __ncBench.scanEnd, painted: __ncBench.painted })');
  console.log(`poller: scan ${(t.scanEnd - t.t0).toFixed(1)} ms, then ${(t.painted - t.scanEnd).toFixed(1)} ms to the end of the next frame`);
  const events: TraceEvent[] = await page.stopTrace!();
  const mark = (name: string) => events.find((e) => e.name === name && e.ph !== 'M');
  const start = mark('newscontext-scan-start');
  const end = events.filter((e) => e.name === 'newscontext-scan-end').at(-1);
  if (!start || !end) throw new Error('no scan marks in the trace');
  const main = start.tid;
  const within = events.filter((e) => e.tid === main && e.pid === start.pid && e.ts >= start.ts && e.ts <= end.ts && e.ph === 'X');
  const sum = new Map<string, { ms: number; n: number }>();
  for (const e of within) {
    const s = sum.get(e.name) ?? { ms: 0, n: 0 };
    s.ms += (e.dur ?? 0) / 1000;
    s.n++;
    sum.set(e.name, s);
  }
  console.log(`scan ${((end.ts - start.ts) / 1000).toFixed(1)} ms`);
  for (const [name, s] of [...sum].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(`${s.ms.toFixed(1).padStart(8)} ms ${String(s.n).padStart(6)}  ${name}`);
  // The long tasks of the main thread anywhere in the trace, with what they were busy with.
  const longMs = Number(process.env.NC_LONG ?? 0);
  if (longMs > 0) {
    const all = events.filter((e) => e.tid === main && e.pid === start.pid && e.ph === 'X');
    for (const t of all.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && (e.dur ?? 0) > longMs * 1000)) {
      const kids = all.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && (e.dur ?? 0) > Number(process.env.NC_CHILD_US ?? 2000));
      const top = kids.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, Number(process.env.NC_CHILDREN ?? 4)).map((k) => `${k.name} ${((k.dur ?? 0) / 1000).toFixed(1)}`);
      console.log(`long task at ${((t.ts - start.ts) / 1000).toFixed(1)} ms from the scan's start: ${((t.dur ?? 0) / 1000).toFixed(1)} ms: ${top.join(' | ')}`);
    }
  }
  if (process.env.NC_TASKS) {
    // The main thread's tasks in order: when each starts, how long, and its largest child.
    const tasks = within.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
    let prevEnd = start.ts;
    for (const t of tasks.slice(0, Number(process.env.NC_TASKS))) {
      const kids = within.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && (e.dur ?? 0) > 200);
      const top = kids.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 2).map((k) => `${k.name} ${((k.dur ?? 0) / 1000).toFixed(1)}`);
      console.log(`+${((t.ts - start.ts) / 1000).toFixed(1).padStart(7)} idle ${((t.ts - prevEnd) / 1000).toFixed(1).padStart(5)} run ${((t.dur ?? 0) / 1000).toFixed(1).padStart(5)}  ${top.join(' | ')}`);
      prevEnd = t.ts + (t.dur ?? 0);
    }
  }
} finally {
  await browser.close();
  await closeServer();
}
