// Investigation, not part of npm run bench: how a scan's time splits between
// our slices and the page's turns between them. Fresh loads of a generated
// page with the extension; the content script's User Timing measures
// (newscontext-scan-slice, one per slice of the latest scan) read from the
// page's timeline, which it shares.
//   npm run build && NC_FOLLOWED=100 npx tsx bench/investigate/scan-slices.ts [chromium|firefox] [paragraphs] [loads]
import type { BrowserName } from '../browsers';
import { SCAN_END_MARK, SCAN_SLICE_MEASURE } from '../../src/content/scanner';
import { launchOurs, serveGeneratedPage } from './harness';

const browserName = (process.argv[2] ?? 'chromium') as BrowserName;
const paragraphs = Number(process.argv[3] ?? 10_000);
const loads = Number(process.argv[4] ?? 4);

interface Slices {
  t0: number;
  end: number;
  painted: number;
  durations: number[];
}

async function main(): Promise<void> {
  const { url, close } = await serveGeneratedPage(paragraphs);
  const browser = await launchOurs(browserName);
  try {
    for (let r = 0; r < loads; r++) {
      const page = await browser.newPage();
      await page.goto(`${url}#nc-bench`, 120_000);
      await page.evaluate('__ncBench.done');
      const s = await page.evaluate<Slices>(`(() => {
        const end = performance.getEntriesByName(${JSON.stringify(SCAN_END_MARK)})[0];
        const slices = performance.getEntriesByName(${JSON.stringify(SCAN_SLICE_MEASURE)});
        return { t0: __ncBench.t0, end: end ? end.startTime : NaN, painted: __ncBench.painted, durations: slices.map((m) => m.duration) };
      })()`);
      if (process.env.NC_SLICES) console.log(s.durations.map((d) => d.toFixed(1)).join(" "));
      const work = s.durations.reduce((a, b) => a + b, 0);
      const scan = s.end - s.t0;
      console.log(
        `scan ${scan.toFixed(0)} ms, and ${(s.painted - s.end).toFixed(0)} ms to the frame after: ${s.durations.length} slices, ` +
          `${work.toFixed(0)} ms in them (longest ${Math.max(...s.durations).toFixed(1)} ms), ${(scan - work).toFixed(0)} ms between them`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await close();
  }
}

void main();
