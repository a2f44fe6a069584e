import { it } from 'vitest';
import { withExtension } from './harness/adapters';
import { startServer } from './harness/server';
import { countHighlights } from './harness/page-probes';

it('scratch', async () => {
  const server = await startServer();
  const e = await withExtension('chromium');
  const page = await e.newPage();
  await page.goto(server.url('/content/en.html'));
  await page.waitFor(countHighlights);
  await new Promise((r) => setTimeout(r, 500));
  const at = await page.evaluate(() => {
    const t = document.getElementById('p1')!.firstChild as Text;
    const i = t.data.indexOf('Vladimir Putin');
    const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 14);
    const b = r.getBoundingClientRect(); return { x: b.left + 30, y: b.top + b.height / 2, bottom: b.bottom, left: b.left };
  });
  console.log(at);
  await page.mouseMove(at.x - 3, at.y);
  await page.mouseMove(at.x, at.y);
  await new Promise((r) => setTimeout(r, 1500));
  await page.screenshot('/tmp/scratch/cr-en.png');
  console.log(await page.evaluate((p) => { const h = document.querySelector('newscontext-ui'); return [!!h, document.elementFromPoint(p.x, p.y)?.tagName]; }, { x: at.left + 40, y: at.bottom + 120 }));
  await e.close(); await server.close();
});
