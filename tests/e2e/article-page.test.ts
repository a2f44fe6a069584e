// The article page in Chromium: each seed in reading form, its title in the
// h1, no page furniture in the body, its entities highlighted, related
// articles and a way back to search; an unknown id says so.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/browsers';
import { ROOT } from './harness/paths';

const SHOTS = resolve(ROOT, 'test-results/screenshots');

/** Each seed's headline, source and an entity its body must show highlighted. */
const SEEDS = [
  {
    id: '000_4031a0fc8753c09b',
    title: 'Putin mengakui pertahanan udara Rusia menembak jatuh pesawat Azerbaijan, menewaskan 38 orang',
    source: 'TravelDailyNews International',
    entity: 'dushanbe',
  },
  {
    id: '001_bcffe93f59d1024d',
    title: 'Rusia Berjanji Bantu Armenia Perang Lawan Azerbaijan jika Terjadi Hal Ini',
    source: 'Kompas.com',
    entity: 'pashinyan',
  },
  {
    id: '002_77b0af51f9a38730',
    title: 'Putin bertemu presiden Azerbaijan di Baku untuk memperkuat hubungan saat ketegangan regional masih berlangsung.',
    source: 'The Associated Press',
    entity: 'aliyev',
  },
  {
    id: '003_0c0ee4c7a4371c12',
    title: 'Putin dan Erdogan Janji Tingkatkan Hubungan Rusia-Turki Usai Bersitegang',
    source: 'detikNews',
    entity: 'erdogan',
  },
  {
    id: '004_64bb8a77059e5ede',
    title: 'Rusia Siap Bekerja Sama dengan Koalisi Pimpinan AS Melawan ISIS',
    source: 'Solopos.com',
    entity: 'hollande',
  },
] as const;

/** Page furniture found in the seeds' raw text: none of it belongs in the article's body. */
const FURNITURE = [
  'Baca juga',
  'Baca berita tanpa iklan',
  'Gabung Kompas.com+',
  'MEMBACA',
  'Promosi',
  'Cek Berita dan Artikel',
  'Simak berbagai berita',
  'SOLOPOS.COM -',
  'Pool Photo',
  'Penulis',
  'Sumber AFP',
  'WIB',
];

let session: ChromiumSession;
const ext = (path: string) => `chrome-extension://${session.extensionId}/${path}`;

async function openArticle(id: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto(ext(`article.html?id=${encodeURIComponent(id)}`));
  await page.waitForSelector('main[data-article-status="ready"], main[data-article-status="missing"], main[data-article-status="error"]');
  return page;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
});

describe('article page', () => {
  it.each(SEEDS)('shows $id cleanly', async ({ id, title, source, entity }) => {
    const page = await openArticle(id);
    await expect(page.locator('main').getAttribute('data-article-status')).resolves.toBe('ready');
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.title()).resolves.toContain(title);
    await expect(page.locator('.byline').textContent()).resolves.toContain(source);
    await expect(page.locator('.byline time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const body = await page.locator('article.reader > p').allTextContents();
    expect(body.length).toBeGreaterThan(3);
    const text = body.join('\n');
    for (const junk of FURNITURE) expect(text, `"${junk}" in the body of ${id}`).not.toContain(junk);
    // The headline is not repeated as the first paragraph.
    expect(body[0]).not.toBe(title);

    // Entities are highlighted in the body, coloured by type.
    const marks = page.locator(`article.reader mark.entity[data-entity="${entity}"]`);
    expect(await marks.count()).toBeGreaterThan(0);
    const colour = await marks.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    await expect(page.locator('article.reader mark.entity-person[data-entity="putin"]').count()).resolves.toBeGreaterThan(0);

    // Related articles by shared entities: others only, each a link to its page.
    const related = await page.$$eval('[data-related-article]', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-related-article'), href: el.querySelector('a')?.getAttribute('href') })),
    );
    expect(related.length).toBeGreaterThan(0);
    expect(related.map((r) => r.id)).not.toContain(id);
    for (const r of related) expect(r.href).toBe(`article.html?id=${r.id}`);

    // The entities it names, each linking to its entity page.
    await expect(page.locator(`.named a[data-entity="${entity}"]`).getAttribute('href')).resolves.toBe(`entity.html?id=${entity}`);
    await page.close();
  });

  it('follows a related article and goes back to search', async () => {
    const page = await openArticle('001_bcffe93f59d1024d');
    const first = await page.getAttribute('[data-related-article]', 'data-related-article');
    await page.click('[data-related-article] a');
    await page.waitForURL(`**/article.html?id=${first}`);
    await page.waitForSelector('main[data-article-status="ready"]');
    await expect(page.locator('h1').textContent()).resolves.toBe(SEEDS.find((s) => s.id === first)?.title);

    await page.click('a.back');
    await page.waitForURL('**/popup.html?view=tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('search');
    await page.close();
  });

  it('says clearly when the article does not exist', async () => {
    const page = await openArticle('999_does_not_exist');
    await expect(page.locator('main').getAttribute('data-article-status')).resolves.toBe('missing');
    await expect(page.locator('h1').textContent()).resolves.toBe('Article not found');
    await expect(page.locator('main').textContent()).resolves.toContain('999_does_not_exist');
    await expect(page.locator('main a[href="popup.html?view=tab"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('is captured in light and dark', async () => {
    for (const id of ['001_bcffe93f59d1024d', '003_0c0ee4c7a4371c12']) {
      const page = await openArticle(id);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: resolve(SHOTS, `article-${id.slice(0, 3)}-${scheme}.png`), fullPage: true });
      }
      await page.close();
    }
    const narrow = await openArticle('000_4031a0fc8753c09b');
    await narrow.setViewportSize({ width: 390, height: 844 });
    await narrow.emulateMedia({ colorScheme: 'dark' });
    await narrow.screenshot({ path: resolve(SHOTS, 'article-000-narrow-dark.png') });
    await narrow.close();
  });
});
