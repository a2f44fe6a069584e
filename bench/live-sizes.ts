// Investigation, not part of npm run bench: does a live update cost what
// changed, or what the page holds? The same 1,000 paragraphs are inserted at the
// top of generated pages of several sizes, with the extension (to the end of
// its scan of them and the frame after: __ncBench.append) and without it (the
// insertion to the next frame: the page's own layout); the difference is ours.
// NC_WAIT is how long to wait after the initial scan: a short wait lets the
// major GC that the initial scan set going land in the update. Usage:
//   NC_SIZES=2000,10000,40000 NC_WAIT=800 npx tsx bench/live-sizes.ts [chromium|firefox]
import { loadGazetteer } from '../src/build/gazetteer';
import { createMatcher } from '../src/core/matcher';
import { launchBenchChromium, launchBenchFirefox, type BrowserName } from './browsers';
import { buildProbe, initScripts } from './bundle';
import { createCorpus } from './corpus';
import { launchOurs, serveGeneratedPage } from './investigate';
import { generateParagraphs } from './pages';
import { median } from './stats';

const name = (process.argv[2] ?? 'chromium') as BrowserName;
const sizes = (process.env.NC_SIZES ?? '2000,10000,40000').split(',').map(Number);
const waitMs = Number(process.env.NC_WAIT ?? 800);
const LOADS = 4;
const gazetteer = loadGazetteer();
const html = JSON.stringify(generateParagraphs(createCorpus(createMatcher(gazetteer)), 1000, 99));
const probe = `${await buildProbe()}\n;window.__ncProbe = __ncProbe;`;

for (const size of sizes) {
  const { url, close } = await serveGeneratedPage(size, gazetteer);
  const times = { with: [] as number[], without: [] as number[] };
  for (const withExtension of [false, true]) {
    const opts = { initScript: initScripts() };
    const browser = withExtension ? await launchOurs(name) : name === 'chromium' ? await launchBenchChromium(opts) : await launchBenchFirefox(opts);
    try {
      for (let r = 0; r < LOADS; r++) {
        const page = await browser.newPage();
        await page.goto(`${url}#nc-bench`, 120_000);
        if (withExtension) {
          await page.evaluate('__ncBench.done');
          await new Promise((done) => setTimeout(done, waitMs));
          times.with.push((await page.evaluate<{ ms: number }>(`__ncBench.append(${html})`)).ms);
        } else {
          await page.evaluate(probe);
          times.without.push(await page.evaluate<number>(`__ncProbe.insertBaseline(${html})`));
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
  await close();
  const w = median(times.with);
  const wo = median(times.without);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  console.log(`${name}, ${size} paragraphs: with the extension ${w.toFixed(0)} ms (${list(times.with)}), without ${wo.toFixed(0)} ms (${list(times.without)}): ours ${(w - wo).toFixed(0)} ms`);
}
