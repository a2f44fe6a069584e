// Investigation, not part of npm run bench: what a scroll frame costs on a
// generated page once the content script has scanned it (the painter's
// IntersectionObserver recomputes its targets on every frame that scrolls),
// against the same page without the extension. Usage:
//   npx tsx bench/investigate/profile-scroll.ts [paragraphs]
// NC_FLAT=1: the page without its sections and lists, all paragraphs in one container.
// With NC_TRACE_CATEGORIES=toplevel,devtools.timeline,blink,__metadata it also
// sums a trace of the scrolling.
import { launchBenchChromium } from '../browsers';
import { launchOurs, serveGeneratedPage } from './harness';

const paragraphs = Number(process.argv[2] ?? 10_000);
const { url, close: closeServer } = await serveGeneratedPage(paragraphs, undefined, process.env.NC_FLAT === '1');
const SCROLL = `new Promise((resolve) => {
  const times = [];
  let i = 0;
  const step = (t) => {
    times.push(t);
    window.scrollBy(0, 300);
    if (++i < 90) requestAnimationFrame(step);
    else {
      const d = times.slice(1).map((t, k) => t - times[k]).sort((a, b) => a - b);
      resolve({ median: d[Math.floor(d.length / 2)], p90: d[Math.floor(d.length * 0.9)], max: d[d.length - 1] });
    }
  };
  requestAnimationFrame(step);
})`;
for (const withExtension of [false, true]) {
  const browser = await (withExtension ? launchOurs('chromium') : launchBenchChromium({}));
  try {
    const page = await browser.newPage();
    await page.goto(`${url}#nc-bench`, 120_000);
    if (withExtension) await page.evaluate('__ncBench.done');
    else await page.evaluate('new Promise((r) => setTimeout(r, 500))');
    if (process.env.NC_TRACE_CATEGORIES) await page.startTrace!();
    const r = await page.evaluate<{ median: number; p90: number; max: number }>(SCROLL);
    if (process.env.NC_TRACE_CATEGORIES) {
      // Where the scroll frames went: main-thread events by total time.
      const events = await page.stopTrace!();
      const sum = new Map<string, number>();
      for (const e of events) if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
      for (const [name, t] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${t.toFixed(1).padStart(9)} ms  ${name}`);
    }
    console.log(`${withExtension ? 'with' : 'without'} the extension, ${paragraphs} paragraphs: scroll frame median ${r.median.toFixed(1)} ms, p90 ${r.p90.toFixed(1)}, max ${r.max.toFixed(1)}`);
  } finally {
    await browser.close();
  }
}
await closeServer();
