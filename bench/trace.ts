// Main-thread tasks from a Chromium trace, in the page's performance.now()
// time: the 'nc-bench-ref' user-timing mark (set by bench/browser/poller.js)
// lines the trace's microsecond clock up with the page's millisecond clock.
import type { TraceEvent } from './browsers';

/** Durations (ms) of the renderer main thread's top-level tasks that overlap [from, to] in page time. */
export function mainThreadTasks(events: readonly TraceEvent[], ref: number, from: number, to: number): number[] {
  const mark = events.find((e) => e.name === 'nc-bench-ref' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'i' || e.ph === 'b'));
  if (!mark) return [];
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && (e.args?.name === 'CrRendererMain'));
  const tid = main?.tid ?? mark.tid;
  const toPage = (ts: number) => ref + (ts - mark.ts) / 1000;
  const tasks: number[] = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== mark.pid || e.tid !== tid || e.dur === undefined) continue;
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const start = toPage(e.ts);
    const end = start + e.dur / 1000;
    if (end >= from && start <= to) tasks.push(e.dur / 1000);
  }
  return tasks;
}

/** The longest of some durations, 0 when there are none. */
export function longest(durations: readonly number[]): number {
  return durations.reduce((a, b) => Math.max(a, b), 0);
}
