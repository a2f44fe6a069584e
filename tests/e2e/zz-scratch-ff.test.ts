import { it } from 'vitest';
import { launchFirefox } from './harness/browsers';
import { startServer } from './harness/server';
import { countHighlights } from './harness/page-probes';

it('scratch', async () => {
  const server = await startServer();
  const s = await launchFirefox();
  const page = await s.browser.newPage();
  page.on('console', (m) => console.log('console', m.text()));
  await page.goto(server.url('/smoke.html'));
  await page.waitForFunction(countHighlights, { timeout: 15000 });
  const box = await page.evaluate(() => {
    const p = document.getElementById('lead')!;
    const t = p.firstChild as Text;
    const i = t.data.indexOf('Vladimir Putin');
    const r = document.createRange(); r.setStart(t, i + 10); r.setEnd(t, i + 12);
    const b = r.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await new Promise((r) => setTimeout(r, 100));
  await page.mouse.move(box.x + 1, box.y);
  await new Promise((r) => setTimeout(r, 1500));
  const host = await page.evaluate(() => { const h = document.querySelector('newscontext-ui'); return h ? h.outerHTML : null; });
  console.log('host', host);
  try { const snap = await page.accessibility.snapshot(); console.log(JSON.stringify(snap).slice(0, 3000)); } catch (e) { console.log('a11y err', String(e)); }
  await page.screenshot({ path: '/tmp/scratch/ff-hover.png' });
  await s.close(); await server.close();
});
