// Investigation, not part of npm run bench: how long the page's task is that
// removes the article of a generated page, once ours has scanned it, with and
// without the extension (PLAIN=1), on the page with sections and on a flat one.
// Usage:
//   [PLAIN=1] npx tsx bench/investigate/removal-task.ts [chromium|firefox] [paragraphs] [loads]
// The task is timed in the page by the bench's poller (removeArticle), in both
// browsers: from before the removal to a timeout after it, as our
// MutationObserver callback runs inside it, a microtask.
import { launchBenchChromium, launchBenchFirefox, type BrowserName } from '../browsers';
import { initScripts } from '../bundle';
import { launchOurs, serveGeneratedPage } from './harness';

const name = (process.argv[2] ?? 'chromium') as BrowserName;
const paragraphs = Number(process.argv[3] ?? 10_000);
const loads = Number(process.argv[4] ?? 3);
const plain = process.env.PLAIN === '1';

for (const flat of [false, true]) {
  const { url, close } = await serveGeneratedPage(paragraphs, undefined, flat);
  const browser = plain ? await (name === 'chromium' ? launchBenchChromium : launchBenchFirefox)({ initScript: initScripts() }) : await launchOurs(name);
  try {
    for (let r = 0; r < loads; r++) {
      const page = await browser.newPage();
      await page.goto(`${url}#nc-bench`, 120_000);
      if (!plain) await page.evaluate('__ncBench.done');
      await page.evaluate('new Promise((r) => setTimeout(r, 300))');
      const task = await page.evaluate<number>('__ncBench.removeArticle()');
      const frame = await page.evaluate<number>('new Promise((resolve) => { const t = performance.now(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0)); })');
      console.log(`${name}${plain ? ' (plain)' : ''}, ${paragraphs} paragraphs ${flat ? 'flat' : 'in sections'}: removal task ${task.toFixed(1)} ms, then ${frame.toFixed(1)} ms to a task after the next frame`);
      await page.close();
    }
  } finally {
    await browser.close();
    await close();
  }
}
