// Investigation, not part of npm run bench: the content script's scan time on a
// generated page over several fresh loads, in one browser, for one or more
// builds (alternating, a few loads each, to share the machine's drift); quicker
// than the bench for comparing two builds. Usage:
//   npx tsx bench/investigate/scan-times.ts [chromium|firefox] [paragraphs] [loads] [dist dir...]
// A dist dir holds chrome/ and firefox/ (default: dist).
import type { BrowserName } from '../browsers';
import { median } from '../stats';
import { alternateBuilds, DIST, serveGeneratedPage } from './harness';

const [name = 'chromium', paragraphsArg = '10000', loadsArg = '8', ...dists] = process.argv.slice(2) as [BrowserName?, string?, string?, ...string[]];
const paragraphs = Number(paragraphsArg);
const loads = Number(loadsArg);
if (dists.length === 0) dists.push(DIST);
const { url, close: closeServer } = await serveGeneratedPage(paragraphs);
const scans = new Map<string, number[]>(dists.map((d) => [d, []]));
const lit = new Map<string, number[]>(dists.map((d) => [d, []]));
const painted = new Map<string, number[]>(dists.map((d) => [d, []]));
try {
  await alternateBuilds(name, dists, loads, async (browser, dist) => {
    const page = await browser.newPage();
    await page.goto(`${url}#nc-bench`, 120_000);
    await page.evaluate('__ncBench.done');
    const t = await page.evaluate<{ t0: number; scanEnd: number; painted: number; firstChange: number }>('({ t0: __ncBench.t0, scanEnd: __ncBench.scanEnd, painted: __ncBench.painted, firstChange: __ncBench.firstChange })');
    scans.get(dist)!.push(t.scanEnd - t.t0);
    lit.get(dist)!.push(t.firstChange - t.t0);
    painted.get(dist)!.push(t.painted - t.t0);
    await page.close();
  });
} finally {
  await closeServer();
}
for (const dist of dists) {
  const xs = scans.get(dist)!;
  console.log(`${name} ${paragraphs} paragraphs, ${dist}: scan median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(' ')}); to the frame after ${median(painted.get(dist)!).toFixed(1)} ms; first lit ${median(lit.get(dist)!).toFixed(1)} ms`);
}
