// Investigation, not part of npm run bench: how the browsers' cost per frame
// grows with the number of registered highlight ranges. Usage:
//   npx tsx bench/profile-frames.ts [chromium|firefox] [paragraphs]
import { loadGazetteer } from '../src/build/gazetteer';
import { launchBenchChromium, launchBenchFirefox } from './browsers';
import type { FrameCost } from './browser/probe';
import { buildProbe } from './bundle';
import { serveGeneratedPage } from './investigate';
import { ms } from './stats';

const which = process.argv[2] === 'firefox' ? 'firefox' : 'chromium';
const paragraphs = Number(process.argv[3] ?? 10_000);
const gazetteer = loadGazetteer();
const { url, close: closeServer } = await serveGeneratedPage(paragraphs, gazetteer);
const browser = await (which === 'firefox' ? launchBenchFirefox : launchBenchChromium)({});
try {
  const page = await browser.newPage();
  await page.goto(url, 120_000);
  await page.evaluate(`${await buildProbe()}\n;window.__ncProbe = __ncProbe;`);
  await page.evaluate(`__ncProbe.setup(${JSON.stringify(gazetteer)})`);
  const rows = await page.evaluate<FrameCost[]>('__ncProbe.frameCosts([0, 1000, 2500, 5000, 10000, 20000, 40000, 80000, 200000])');
  console.log(`${which} ${browser.version}, ${paragraphs} paragraphs: frame time (rAF to rAF; ~16.7 ms is an idle frame)`);
  console.log('ranges\tregister all\tadd 500 more\t1-node DOM change');
  for (const r of rows) console.log(`${r.ranges}\t${ms(r.register)}\t${ms(r.add500)}\t${ms(r.mutation)}`);
} finally {
  await browser.close();
  await closeServer();
}
