// The content script in real browsers, Chromium and Firefox alike: what it
// flags and what it leaves alone, that it never changes the page, keeps up with
// live pages, survives a strict CSP, frames, shadow DOM and a React app, and
// opens the hover card with the right article.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withExtension, withoutExtension, type Engine, type EngineName, type TestPage } from './harness/adapters';
import { countHighlights, probeHighlights, serializeDom, type HighlightProbe } from './harness/page-probes';
import { FIXTURES, ROOT } from './harness/paths';
import { buildReactFixture } from './harness/react-fixture';
import { startServer, type FixtureServer } from './harness/server';

const SHOTS = resolve(ROOT, 'test-results/screenshots');

let server: FixtureServer;
beforeAll(async () => {
  const react = await buildReactFixture();
  server = await startServer(
    new Map([
      ['/react/index.html', react.html],
      ['/react/client.js', react.script],
      ['/content/flat.html', flatPage(1500)],
      ['/content/late.html', lateAppendPage(4000)],
      ['/content/refilled.html', refilledSectionPage()],
      // az.html as a site template may serve it: saying it is in English.
      ['/content/az-mislabelled.html', readFileSync(resolve(FIXTURES, 'content/az.html'), 'utf8').replace('<html lang="az">', '<html lang="en">')],
    ]),
  );
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await server?.close();
});

/**
 * A long article whose paragraphs are all siblings, most naming three people
 * and places: the painter watches a window of them (block-window.ts). In the
 * middle, a stretch of paragraphs that name nobody, longer than the band the
 * painter paints.
 */
function flatPage(named: number): string {
  const p = (i: number) => (i >= named / 2 && i < named / 2 + 250 ? `<p>Paragraph ${i} names nobody.</p>` : `<p>Paragraph ${i}: Putin met Aliyev in Baku.</p>`);
  const body = Array.from({ length: named + 250 }, (_, i) => p(i)).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flat</title></head><body><article>${body}</article></body></html>`;
}

/**
 * A section of paragraphs far below the screen, after a tall gap: the painter
 * watches it as one group (paint-state.ts). The test empties it and fills
 * it again.
 */
function refilledSectionPage(): string {
  const ps = Array.from({ length: 12 }, (_, i) => `<p>Old ${i}: Putin met Aliyev in Baku.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Refilled</title></head><body><article><p>Top: Erdoğan in Ankara.</p><div style="height: 6000px"></div><section id="far">${ps}</section></article></body></html>`;
}

/**
 * A long article whose own script adds a paragraph at its end as soon as our
 * first scan begins: the walk of the page, which started on an empty index,
 * meets it, and so does the scan of the change. It must be indexed once.
 */
function lateAppendPage(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i}: Putin met Erdoğan.</p>`).join('\n');
  const script = `(function tick() {
    if (performance.getEntriesByName('newscontext-scan-start', 'mark').length === 0) return void setTimeout(tick, 0);
    window.appendedDuringScan = performance.getEntriesByName('newscontext-scan-end', 'mark').length === 0;
    window.appendedAt = performance.now();
    document.querySelector('article').append(Object.assign(document.createElement('p'), { id: 'late', textContent: 'Late news: Ilham Aliyev in Baku.' }));
  })();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late</title></head><body><article>${body}</article><script>${script}</script></body></html>`;
}

/** Runs in the page: whether every paragraph on screen that names someone has its names painted. */
function allLitOnScreen(): boolean {
  const lit = new Set<Node>();
  for (const [name, h] of CSS.highlights) if (name.startsWith('newscontext-')) for (const r of h) lit.add(r.startContainer);
  let unlit = 0;
  for (const p of document.querySelectorAll('article p')) {
    if (p.textContent?.includes('nobody')) continue;
    const r = p.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= innerHeight) continue;
    if (!p.firstChild || !lit.has(p.firstChild)) unlit++;
  }
  return unlit === 0;
}

/** Waits until the highlights stop changing for a moment: the scan and its updates are done. */
async function settled(page: TestPage, min = 1): Promise<HighlightProbe> {
  await page.waitFor(atLeast, min);
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(countHighlights);
    if (now === last) break;
    last = now;
    await new Promise((r) => setTimeout(r, 150));
  }
  return page.evaluate(probeHighlights);
}

/** Runs in the page: at least n ranges in our highlights. */
function atLeast(n: number): boolean {
  let total = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('newscontext-')) total += h.size;
  return total >= n;
}

/** Runs in the page: exactly n ranges in our highlights. */
function exactly(n: number): boolean {
  let total = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('newscontext-')) total += h.size;
  return total === n;
}

/** The names en.html's second and first paragraphs light, as litIn() takes them. */
const EN_P2 = 'Baku,Baku,Moscow,Putin';
const EN_P1 = ['Azerbaijan', 'Azerbaijan Airlines', 'Chechnya', 'Dushanbe', 'Grozny', 'Ilham Aliyev', 'Russia', 'Tajikistan', 'Vladimir Putin'];

/** Runs in the page: whether the painted names inside the element with this id are exactly these (sorted, comma-joined). */
function litIn([id, expected]: [string, string]): boolean {
  const texts: string[] = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('newscontext-')) continue;
    for (const r of h) if (r.startContainer.parentElement?.id === id) texts.push(String(r.startContainer.nodeValue).slice(r.startOffset, r.endOffset));
  }
  return texts.sort().join(',') === expected;
}

const sorted = (xs: string[] | undefined) => [...(xs ?? [])].sort();

/** A point on the first line box of `text` inside the element with this id (names may wrap). */
function pointOf([id, text]: [string, string]): { x: number; y: number; top: number; bottom: number; left: number } | null {
  const el = document.getElementById(id);
  const walker = document.createTreeWalker(el ?? document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at < 0) continue;
    const r = document.createRange();
    r.setStart(n, at);
    r.setEnd(n, at + text.length);
    const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
    return { x: b.left + Math.min(b.width / 2, 30), y: b.top + b.height / 2, top: b.top, bottom: b.bottom, left: b.left };
  }
  return null;
}

for (const engineName of ['chromium', 'firefox'] as EngineName[]) {
  describe(`content script in ${engineName}`, () => {
    let engine: Engine;
    let plain: Engine;
    beforeAll(async () => {
      engine = await withExtension(engineName);
      plain = await withoutExtension(engineName);
    });
    afterAll(async () => {
      await engine?.close();
      await plain?.close();
    });

    async function open(path: string, min = 1): Promise<{ page: TestPage; probe: HighlightProbe }> {
      const page = await engine.newPage();
      await page.goto(server.url(path));
      return { page, probe: await settled(page, min) };
    }

    it('flags names in English and leaves the traps, form fields, editors and scripts alone', async () => {
      const { page, probe } = await open('/content/en.html', 10);
      expect(sorted(probe.texts.person)).toEqual(sorted(['Putin', 'Ilham Aliyev', 'Vladimir Putin', 'Putin']));
      expect(sorted(probe.texts.place)).toEqual(
        sorted(['Azerbaijan', 'Dushanbe', 'Tajikistan', 'Grozny', 'Russia', 'Chechnya', 'Moscow', 'Baku', 'Baku', 'Russian', 'Azerbaijani']),
      );
      expect(sorted(probe.texts.organisation)).toEqual(['Azerbaijan Airlines']);
      const all = Object.values(probe.texts).flat();
      for (const trap of ['Rasputin', 'turkey', 'baku', 'Erdoğan']) expect(all).not.toContain(trap);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('leaves alone someone else with the same surname and the dishes, drinks and games named after places', async () => {
      const { page, probe } = await open('/content/false-flags.html', 3);
      expect(sorted(probe.texts.person)).toEqual(sorted(['Aliyev', 'Vladimir Putin']));
      expect(probe.texts.place).toEqual(['Baku']);
      expect(probe.texts.organisation).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('lights only the names the library has articles about', async () => {
      // The gazetteer knows Sochi and Syria, but no article of the library names them.
      const { page, probe } = await open('/content/unlit.html', 1);
      expect(probe.texts.person).toEqual(['Putin']);
      expect(Object.values(probe.texts).flat().sort()).toEqual(['Putin']);
      await page.close();
    });

    it('flags names in Indonesian, minding "Baku tembak"', async () => {
      const { page, probe } = await open('/content/id.html', 10);
      expect(sorted(probe.texts.person)).toEqual(sorted(['Nikol Pashinyan', 'Vladimir Putin', 'Pashinyan']));
      expect(sorted(probe.texts.place)).toEqual(
        sorted(['Rusia', 'Armenia', 'Azerbaijan', 'MOSKWA', 'Nagorno-Karabakh', 'Moskwa', 'Gyumri', 'Yerevan', 'Baku', 'Jenewa', 'Swiss']),
      );
      await page.close();
    });

    it('flags inflected Russian and suffixed Turkish names', async () => {
      const ru = await open('/content/ru.html', 8);
      expect(sorted(ru.probe.texts.person)).toEqual(sorted(['Путин', 'Владимир Путин', 'Ильхамом Алиевым', 'Путину']));
      expect(ru.probe.texts.place).toEqual(expect.arrayContaining(['России', 'Душанбе', 'Москва', 'Баку', 'Грозный', 'Казахстане']));
      expect(ru.probe.texts.organisation).toEqual(expect.arrayContaining(['Кремля']));
      await ru.page.close();

      const tr = await open('/content/tr.html', 8);
      expect(sorted(tr.probe.texts.person)).toEqual(sorted(['Erdoğan', 'Putin', 'Erdoğan', 'Putin', 'Mevlüt Çavuşoğlu', 'İlham Aliyev']));
      expect(tr.probe.texts.place).toEqual(expect.arrayContaining(['Rusya', 'Ukrayna', 'Azerbaycan', 'Bakü']));
      expect(tr.probe.texts.organisation).toEqual(['NATO']);
      await tr.page.close();
    });

    it('flags Azerbaijani names with the case endings written onto them, on a page in Azerbaijani, said or told by its letters (whatever it says)', async () => {
      // az.html says lang="az"; az-unmarked.html is the same page without lang, az-mislabelled.html with lang="en".
      for (const path of ['/content/az.html', '/content/az-unmarked.html', '/content/az-mislabelled.html']) {
        const az = await open(path, 8);
        expect(sorted(az.probe.texts.person)).toEqual(sorted(['İlham Əliyev', 'Putinlə', 'İlham Əliyevin', 'Vladimir Putinlə']));
        // Bakunin is not Baku: after u the genitive is -nun.
        expect(sorted(az.probe.texts.place)).toEqual(sorted(['Rusiya', 'Bakının', 'Azərbaycandakı', 'Ermənistanla']));
        await az.page.close();
      }
    });

    it('leaves the page DOM exactly as it was without the extension, requests nothing and raises no error', async () => {
      for (const path of ['/content/en.html', '/content/component.html', '/react/index.html']) {
        const reference = await plain.newPage();
        await reference.goto(server.url(path));
        await new Promise((r) => setTimeout(r, 300));
        const { page } = await open(path, 1);
        // The React page re-renders on its own clock: its markup is compared by the React test's own checks.
        if (!path.startsWith('/react')) expect(await page.evaluate(serializeDom)).toBe(await reference.evaluate(serializeDom));
        expect(page.errors).toEqual([]);
        // data: URLs are the browser decoding inline resources, not requests that leave the machine.
        const network = (urls: string[]) => urls.filter((u) => !u.startsWith('data:')).sort();
        expect(network(page.requests).filter((u) => !u.startsWith(server.origin))).toEqual([]);
        expect(network(page.requests)).toEqual(network(reference.requests));
        await page.close();
        await reference.close();
      }
    });

    it('opens the hover card on a name with the most related article, and closes it on Escape', async () => {
      const { page } = await open('/content/en.html', 10);
      const at = await page.evaluate(pointOf, ['p1', 'Vladimir Putin'] as [string, string]);
      if (!at) throw new Error('name not found');
      await page.mouseMove(at.x - 3, at.y);
      await page.mouseMove(at.x, at.y);
      // The host appears, and the card grows to its full height once the background answered:
      // below the name, or above it when the window has no room below (fonts differ between machines).
      const near = [
        { x: at.left + 40, y: at.bottom + 120 },
        { x: at.left + 40, y: at.top - 120 },
      ];
      const cardAt = (points: { x: number; y: number }[]) => {
        const host = document.querySelector('newscontext-ui');
        return host !== null && points.some((p) => document.elementFromPoint(p.x, p.y) === host);
      };
      await page.waitFor(cardAt, near, 10_000);
      await page.screenshot(resolve(SHOTS, `hover-card-${engineName}.png`));
      const tree = await page.accessibilityTree();
      if (tree) {
        const names = tree.map((n) => n.name);
        expect(tree).toContainEqual({ role: 'dialog', name: 'NewsContext: Vladimir Putin' });
        // On a page about the Dushanbe meeting, the Dushanbe article comes first.
        const first = names.findIndex((n) => n.startsWith('Putin mengakui pertahanan udara Rusia'));
        const others = ['Putin bertemu presiden Azerbaijan', 'Putin dan Erdogan Janji'].map((t) => names.findIndex((n) => n.startsWith(t)));
        expect(first).toBeGreaterThan(-1);
        for (const o of others) if (o > -1) expect(first).toBeLessThan(o);
        expect(names).toContain('5 articles in your library');
      }
      await page.keyPress('Escape');
      await page.waitFor((points: { x: number; y: number }[]) => points.every((p) => document.elementFromPoint(p.x, p.y) !== document.querySelector('newscontext-ui')), near, 5_000);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('drops the names of a part the page turns into an editor or hides, and flags them again when it turns back', async () => {
      const { page } = await open('/content/en.html', 10);
      await page.waitFor(litIn, ['p2', EN_P2]);
      await page.evaluate(() => document.getElementById('p2')?.setAttribute('contenteditable', ''));
      await page.waitFor(litIn, ['p2', '']);
      await page.evaluate(() => document.getElementById('p2')?.setAttribute('contenteditable', 'false'));
      await page.waitFor(litIn, ['p2', EN_P2]);
      // Hidden from above: the whole article.
      await page.evaluate(() => document.querySelector('article')?.setAttribute('hidden', ''));
      await page.waitFor(exactly, 0);
      await page.evaluate(() => document.querySelector('article')?.removeAttribute('hidden'));
      await page.waitFor(litIn, ['p2', EN_P2]);
      await page.waitFor(litIn, ['p1', EN_P1.join(',')]);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('flags nothing while the page is in design mode, turned on after load, and flags it all again when it is turned off, by a click or by the script alone', async () => {
      const { page } = await open('/content/en.html', 10);
      await page.waitFor(litIn, ['p2', EN_P2]);
      // An editor's script turns design mode on and fills in text: no input from the reader.
      await page.evaluate(() => {
        document.designMode = 'on';
        document.getElementById('p1')?.append(' Nikol Pashinyan called.');
      });
      await page.waitFor(exactly, 0);
      // Off again; the reader clicks (a toolbar button, say): the names come back.
      await page.evaluate(() => void (document.designMode = 'off'));
      await page.click(5, 5);
      await page.waitFor(litIn, ['p2', EN_P2]);
      // On again, with nothing changed in the text; the reader clicks into the editor: the names go before any typing.
      await page.evaluate(() => void (document.designMode = 'on'));
      await page.click(5, 5);
      await page.waitFor(exactly, 0);
      await page.evaluate(() => {
        getSelection()?.selectAllChildren(document.getElementById('p2')!);
        getSelection()?.collapseToEnd();
      });
      await page.keyPress('X');
      expect(await page.evaluate(() => document.getElementById('p2')?.textContent?.endsWith('Baku.X'))).toBe(true);
      expect(await page.evaluate(countHighlights)).toBe(0);
      // Off again, by the script alone: no click, no key, no change to the text. The watch looks every second while design mode is on.
      await page.evaluate(() => void (document.designMode = 'off'));
      await page.waitFor(litIn, ['p1', [...EN_P1, 'Nikol Pashinyan'].sort().join(',')], 5000);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('keeps the names on screen lit on a flat page of 1,750 paragraphs, however the reader moves', async () => {
      const { page } = await open('/content/flat.html', 10);
      await page.waitFor(allLitOnScreen);
      // Jumps: to the stretch without names (0.5), where no watched paragraph is near, and from there to the end; and so on.
      for (const to of [0.5, 1, 0, 0.5, 0.8, 0]) {
        await page.evaluate((f: number) => window.scrollTo(0, f * (document.documentElement.scrollHeight - innerHeight)), to);
        await page.waitFor(allLitOnScreen);
      }
      // Scrolling down a screen at a time.
      for (let i = 0; i < 12; i++) {
        await page.evaluate(() => window.scrollBy(0, innerHeight));
        await page.waitFor(allLitOnScreen);
      }
      // Tiny paragraphs (a zoomed-out page): more on screen than the window first holds.
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'article p { margin: 0; height: 2px; overflow: hidden }';
        document.head.append(style);
        window.scrollTo(0, 0.2 * document.documentElement.scrollHeight);
      });
      await page.waitFor(allLitOnScreen);
      await page.evaluate(() => document.querySelector('style')?.remove());
      await page.waitFor(allLitOnScreen);
      // New paragraphs at the end, where the reader is; then one in the middle of the screen.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.evaluate(() => {
        for (let i = 0; i < 20; i++) {
          const p = document.createElement('p');
          p.textContent = `Added ${i}: Erdoğan spoke to Pashinyan.`;
          document.querySelector('article')!.append(p);
        }
      });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitFor(allLitOnScreen);
      await page.evaluate(() => {
        const ps = [...document.querySelectorAll('article p')].filter((p) => p.getBoundingClientRect().top > 0);
        const p = document.createElement('p');
        p.textContent = 'Inserted: Erdoğan spoke to Pashinyan.';
        ps[2]!.before(p);
      });
      await page.waitFor(allLitOnScreen);
      await page.evaluate(() => window.scrollTo(0, 0.3 * document.documentElement.scrollHeight));
      await page.waitFor(allLitOnScreen);
      expect(await page.evaluate(allLitOnScreen)).toBe(true);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('times each slice of its latest scan on the page\'s timeline, between the scan\'s marks', async () => {
      const { page } = await open('/content/en.html', 10);
      await page.waitFor(() => performance.getEntriesByName('newscontext-scan-end', 'mark').length > 0);
      const t = await page.evaluate(() => ({
        start: performance.getEntriesByName('newscontext-scan-start', 'mark').at(-1)!.startTime,
        end: performance.getEntriesByName('newscontext-scan-end', 'mark').at(-1)!.startTime,
        slices: performance.getEntriesByName('newscontext-scan-slice', 'measure').map((m) => [m.startTime, m.startTime + m.duration]),
      }));
      expect(t.slices.length).toBeGreaterThan(0);
      for (const [from, to] of t.slices) {
        expect(from).toBeGreaterThanOrEqual(t.start);
        expect(to).toBeLessThanOrEqual(t.end);
      }
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('paints a section emptied and filled again, far below, when the reader gets there', async () => {
      const { page } = await open('/content/refilled.html', 1);
      // Each change is waited for until a scan (or a drop) that began after it has ended.
      const scannedSince = (t: number) => (performance.getEntriesByName('newscontext-scan-end', 'mark').at(-1)?.startTime ?? -1) >= t;
      const emptied = await page.evaluate(() => {
        for (const p of document.querySelectorAll('#far p')) p.remove();
        return performance.now();
      });
      await page.waitFor(scannedSince, emptied);
      // Filled again, still far below: its paragraphs are painted when the reader gets there.
      const filled = await page.evaluate(() => {
        for (let i = 0; i < 12; i++) {
          document.getElementById('far')!.append(Object.assign(document.createElement('p'), { textContent: `New ${i}: Putin met Aliyev in Baku.` }));
        }
        return performance.now();
      });
      await page.waitFor(scannedSince, filled);
      await page.evaluate(() => document.getElementById('far')?.scrollIntoView());
      await page.waitFor(allLitOnScreen);
      expect(await page.evaluate(allLitOnScreen)).toBe(true);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('follows a live page: added, changed and removed text, infinite scroll, and a cleared registry', async () => {
      const { page } = await open('/content/en.html', 10);
      const texts = async () => Object.values((await page.evaluate(probeHighlights)).texts).flat();
      const before = await page.evaluate(countHighlights);

      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'added';
        p.textContent = 'Later, Nikol Pashinyan called Yerevan.';
        document.querySelector('article')?.append(p);
      });
      await page.waitFor(() => [...(CSS.highlights.get('newscontext-person') ?? [])].some((r) => r.startContainer.parentElement?.id === 'added'));
      expect(await texts()).toContain('Nikol Pashinyan');

      // Text changed in place (characterData): Moscow goes, Kazakhstan comes.
      await page.evaluate(() => {
        const t = document.getElementById('p2')?.firstChild as Text;
        t.data = t.data.replace('Moscow', 'Kazakhstan');
      });
      await page.waitFor(() => [...(CSS.highlights.get('newscontext-place') ?? [])].some((r) => String(r.startContainer.nodeValue).slice(r.startOffset, r.endOffset) === 'Kazakhstan'));
      expect(await texts()).not.toContain('Moscow');

      // Removal drops the highlights of what was removed.
      await page.evaluate(() => document.getElementById('p1')?.remove());
      await page.waitFor(() => ![...(CSS.highlights.get('newscontext-place') ?? [])].some((r) => String(r.startContainer.nodeValue).includes('Dushanbe')));
      expect(await texts()).not.toContain('Dushanbe');

      // Infinite scroll: 20 batches of 50 paragraphs, each naming two entities, half of them
      // in a section of their own (watched as a group), half straight in the body. Only what is
      // near the viewport is painted: the reader scrolls, and the names there are lit.
      for (let batch = 0; batch < 20; batch++) {
        await page.evaluate((b: number) => {
          const frag = document.createDocumentFragment();
          const parent = b % 2 === 0 ? frag.appendChild(document.createElement('section')) : frag;
          for (let i = 0; i < 50; i++) {
            const p = document.createElement('p');
            p.id = `item-${b}-${i}`;
            p.textContent = `Item ${b}-${i}: Erdoğan spoke to reporters in Geneva about the talks.`;
            parent.append(p);
          }
          document.body.append(frag);
        }, batch);
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitFor(litIn, ['item-19-49', 'Erdoğan,Geneva'], 20_000);
      // Far above the viewport, the first items are not painted; scrolling back lights them.
      await page.waitFor(litIn, ['item-0-0', '']);
      await page.evaluate(() => document.getElementById('item-0-0')?.scrollIntoView());
      await page.waitFor(litIn, ['item-0-0', 'Erdoğan,Geneva']);

      // The page clears the registry: ours come back with the next change.
      await page.evaluate(() => CSS.highlights.clear());
      await page.evaluate(() => document.getElementById('item-0-1')?.after(Object.assign(document.createElement('p'), { id: 'nato', textContent: 'NATO met.' })));
      await page.waitFor(litIn, ['nato', 'NATO']);
      await page.waitFor(litIn, ['item-0-0', 'Erdoğan,Geneva']);
      expect(before).toBeGreaterThan(0);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('drops a large removal in slices, in the order the page made its changes, and leaves alone what the page takes back', async () => {
      const { page } = await open('/content/en.html', 10);
      // 12,000 paragraphs above the article, of 11 text nodes each: dropping them takes several slices.
      await page.evaluate(() => {
        const section = document.createElement('section');
        section.id = 'bulk';
        for (let i = 0; i < 12_000; i++) {
          const p = document.createElement('p');
          p.id = `bulk-${i}`;
          // Many text nodes: the drop takes several slices, and frames come between them.
          for (let k = 0; k < 5; k++) p.append(`Bulk ${i}.${k}: `, Object.assign(document.createElement('b'), { textContent: 'Erdoğan' }));
          p.append(' met Putin in Geneva.');
          section.append(p);
        }
        document.body.prepend(section);
        (window as unknown as { addedAt: number }).addedAt = performance.now();
      });
      await page.waitFor(litIn, ['bulk-0', 'Geneva,Putin']);
      // Its scan is over: the drop will be the only job.
      await page.waitFor(() => (performance.getEntriesByName('newscontext-scan-end', 'mark').at(-1)?.startTime ?? 0) > (window as unknown as { addedAt: number }).addedAt);
      // One task removes the section and takes one paragraph back; two frames
      // later, while the drop is under way, the page takes back the first
      // 9,000 others, where the drop's walk most likely is, above the article
      // (a walk that went on from where it was would then go through the live
      // page, and drop the article's names).
      await page.evaluate(() => {
        const section = document.getElementById('bulk')!;
        const article = document.querySelector('article')!;
        const taken = document.getElementById('bulk-1')!;
        section.remove();
        article.before(taken);
        requestAnimationFrame(() => requestAnimationFrame(() => {
          const rest = [...section.children].slice(0, 9_000);
          const holder = document.createElement('div');
          holder.id = 'back';
          holder.append(...rest);
          article.before(holder);
        }));
      });
      // Nothing painted in a node the page removed for good; what it took back, and the article, still lit.
      const settledDrop = () => {
        for (const [name, h] of CSS.highlights) if (name.startsWith('newscontext-')) for (const r of h) if (!r.startContainer.isConnected) return false;
        return document.getElementById('back') !== null;
      };
      await page.waitFor(settledDrop, undefined, 20_000);
      await page.waitFor(litIn, ['bulk-1', 'Geneva,Putin']);
      await page.evaluate(() => document.getElementById('p2')?.scrollIntoView());
      await page.waitFor(litIn, ['p2', EN_P2]);
      await page.evaluate(() => document.getElementById('bulk-8000')?.scrollIntoView());
      await page.waitFor(litIn, ['bulk-8000', 'Geneva,Putin']);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('indexes a paragraph the page adds during its first scan once, though both the walk and the change reach it', async () => {
      const page = await engine.newPage();
      await page.goto(server.url('/content/late.html'));
      // The scans are over: one ended after the paragraph came.
      await page.waitFor(() => {
        const at = (window as unknown as { appendedAt?: number }).appendedAt;
        const end = performance.getEntriesByName('newscontext-scan-end', 'mark').at(-1);
        return at !== undefined && end !== undefined && end.startTime > at;
      });
      expect(await page.evaluate(() => (window as unknown as { appendedDuringScan?: boolean }).appendedDuringScan)).toBe(true);
      await page.evaluate(() => document.getElementById('late')?.scrollIntoView());
      // Each name once: a second entry for the node would paint each twice.
      await page.waitFor(litIn, ['late', 'Baku,Ilham Aliyev']);
      await new Promise((r) => setTimeout(r, 300));
      expect(await page.evaluate(litIn, ['late', 'Baku,Ilham Aliyev'])).toBe(true);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('reads a paragraph of phrasing whole where it can (Chromium), and keeps it right as the page changes inside it', async () => {
      const { page, probe } = await open('/content/blocks.html', 10);
      const within = ([id, expected]: [string, string]): boolean => {
        const el = document.getElementById(id);
        const texts: string[] = [];
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('newscontext-')) continue;
          for (const r of h) {
            if (!el?.contains(r.startContainer)) continue;
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            texts.push(range.toString());
          }
        }
        return texts.sort().join(',') === expected;
      };
      const lit = (id: string, expected: string) => page.evaluate(within, [id, expected] as [string, string]);
      // Firefox reads text node by text node (dom/walk.ts says why): a name that crosses
      // elements is found by its parts, and glued names apart.
      const whole = engineName === 'chromium';
      expect(await lit('split', whole ? 'Geneva,Recep Tayyip Erdoğan,Vladimir Putin' : 'Erdoğan,Geneva,Putin')).toBe(true);
      expect(await lit('glued', whole ? '' : 'Erdoğan,Putin')).toBe(true);
      expect(await lit('br', 'Aliyev,Pashinyan')).toBe(true);
      expect(await lit('sup', 'Aliyev,Baku')).toBe(true);
      expect(await lit('span', 'Nikol Pashinyan,Yerevan')).toBe(true);
      expect(await lit('live', 'Baku,Ilham Aliyev,Moscow,Putin')).toBe(true);
      expect(probe.texts.person).toContain(whole ? 'Recep Tayyip Erdoğan' : 'Erdoğan');

      // The pointer on the part of a name read whole that is in the text after an element.
      const at = await page.evaluate(pointOf, ['split', 'Erdoğan'] as [string, string]);
      if (!at) throw new Error('name not found');
      await page.mouseMove(at.x - 3, at.y);
      await page.mouseMove(at.x, at.y);
      await page.waitFor(() => document.querySelector('newscontext-ui') !== null, undefined, 10_000);
      const tree = await page.accessibilityTree();
      if (tree) await expect.poll(async () => (await page.accessibilityTree())?.some((n) => n.role === 'dialog' && n.name === 'NewsContext: Recep Tayyip Erdoğan')).toBe(true);
      await page.keyPress('Escape');

      // Text changed inside an element of the paragraph.
      await page.evaluate(() => {
        const t = document.getElementById('live-em')?.firstChild as Text;
        t.data = 'Erdoğan';
      });
      await page.waitFor(within, ['live', 'Baku,Erdoğan,Ilham Aliyev,Moscow']);
      // An element removed from it: what follows moves up, and nothing of it stays registered.
      const noneDetached = () => {
        for (const [name, h] of CSS.highlights) if (name.startsWith('newscontext-')) for (const r of h) if (!r.startContainer.isConnected) return false;
        return true;
      };
      await page.evaluate(() => document.getElementById('live-em')?.remove());
      await page.waitFor(noneDetached);
      expect(await lit('live', 'Baku,Ilham Aliyev,Moscow')).toBe(true);
      // An element inside it hidden, then shown.
      await page.evaluate(() => document.getElementById('live-a')?.setAttribute('hidden', ''));
      await page.waitFor(within, ['live', 'Baku,Ilham Aliyev']);
      await page.evaluate(() => document.getElementById('live-a')?.removeAttribute('hidden'));
      await page.waitFor(within, ['live', 'Baku,Ilham Aliyev,Moscow']);
      // A line break added between glued names parts them.
      await page.evaluate(() => document.querySelector('#glued b')?.after(document.createElement('br')));
      await page.waitFor(within, ['glued', 'Erdoğan,Putin']);
      // Still one highlight per name: no paragraph is both read whole and text by text.
      await new Promise((r) => setTimeout(r, 300));
      expect(await lit('live', 'Baku,Ilham Aliyev,Moscow')).toBe(true);
      expect(await lit('glued', 'Erdoğan,Putin')).toBe(true);
      expect(await page.evaluate(noneDetached)).toBe(true);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('lights the names on screen while a long page is still being scanned', async () => {
      const { page } = await open('/content/en.html', 10);
      // 5,000 paragraphs arrive at the top of the page, where the reader is. The scan of them takes
      // many slices; the names on screen must not wait for the last one.
      const t = await page.evaluate(
        () =>
          new Promise<{ firstLit: number; scanEnd: number }>((resolve) => {
            const section = document.createElement('section');
            for (let i = 0; i < 5000; i++) {
              const p = document.createElement('p');
              p.id = `long-${i}`;
              p.textContent = `Paragraph ${i}: Putin and Erdoğan met in Baku with NATO envoys.`;
              section.append(p);
            }
            const start = performance.now();
            document.body.prepend(section);
            window.scrollTo(0, 0);
            const lit = () => [...(CSS.highlights.get('newscontext-person') ?? [])].some((r) => r.startContainer.parentElement?.id === 'long-0');
            let firstLit = -1;
            const tick = () => {
              if (firstLit < 0 && lit()) firstLit = performance.now();
              const end = performance.getEntriesByName('newscontext-scan-end', 'mark').at(-1);
              if (end && end.startTime > start) resolve({ firstLit, scanEnd: end.startTime });
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          }),
      );
      expect(t.firstLit).toBeGreaterThan(0);
      expect(t.firstLit).toBeLessThan(t.scanEnd);
      // And the last paragraph, far below, is lit once the reader gets there.
      await page.evaluate(() => document.getElementById('long-4999')?.scrollIntoView());
      await page.waitFor(litIn, ['long-4999', 'Baku,Erdoğan,NATO,Putin']);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('keeps out of an editor whose text the page replaces while a long scan is under way', async () => {
      const { page } = await open('/content/en.html', 10);
      // The walk finds the excluded elements when it starts and steps over each
      // at the first text node inside it. Here that node is replaced before the
      // walk gets there: the walk must notice, and still step over the editor.
      const result = await page.evaluate(
        () =>
          new Promise<{ changedDuringScan: boolean }>((resolve) => {
            const section = document.createElement('section');
            for (let i = 0; i < 5000; i++) {
              const p = document.createElement('p');
              p.textContent = `Paragraph ${i}: Putin and Erdoğan met in Baku with NATO envoys.`;
              section.append(p);
            }
            const first = section.firstElementChild;
            const editor = document.createElement('div');
            editor.id = 'late-editor';
            editor.contentEditable = 'true';
            editor.textContent = 'Draft: Vladimir Putin';
            const last = document.createElement('p');
            last.id = 'after-editor';
            last.textContent = 'Ilham Aliyev';
            section.append(editor, last);
            const start = performance.now();
            document.body.prepend(section);
            const mark = (name: string) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? -1;
            // The walk is under way once the first paragraph, on screen, is lit.
            const walking = () => [...(CSS.highlights.get('newscontext-person') ?? [])].some((r) => r.startContainer.parentElement === first);
            let changedDuringScan = false;
            const tick = () => {
              const begun = mark('newscontext-scan-start') >= start;
              const ended = begun && mark('newscontext-scan-end') >= mark('newscontext-scan-start');
              if (begun && !ended && !changedDuringScan && walking()) {
                editor.firstChild?.replaceWith(document.createTextNode('Draft: Recep Tayyip Erdoğan'));
                changedDuringScan = true;
              }
              if (!ended) return void setTimeout(tick, 0);
              resolve({ changedDuringScan });
            };
            tick();
          }),
      );
      expect(result.changedDuringScan).toBe(true);
      // The painter lights what is near the screen: bring the end of the section there.
      await page.evaluate(() => document.getElementById('after-editor')?.scrollIntoView());
      await page.waitFor(litIn, ['after-editor', 'Ilham Aliyev']);
      expect(await page.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('newscontext-')).flatMap(([, h]) => [...h]).filter((r) => document.getElementById('late-editor')?.contains(r.startContainer)).length)).toBe(0);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('lights names that spill out of a short box, and in boxes that have none', async () => {
      const { page } = await open('/content/en.html', 10);
      await page.evaluate(() => {
        // A box 40 px high whose 200 paragraphs overflow far below it, and a display: contents wrapper.
        const short = Object.assign(document.createElement('div'), { id: 'short' });
        short.style.height = '40px';
        const contents = Object.assign(document.createElement('div'), { id: 'contents' });
        contents.style.display = 'contents';
        for (const [parent, prefix] of [[short, 'spill'], [contents, 'contents']] as const) {
          for (let i = 0; i < 200; i++) {
            const p = document.createElement('p');
            p.id = `${prefix}-${i}`;
            p.textContent = `Note ${i}: Aliyev flew to Baku.`;
            parent.append(p);
          }
        }
        document.body.prepend(short);
        document.body.append(contents);
      });
      for (const id of ['spill-199', 'contents-199', 'spill-100', 'contents-0']) {
        await page.evaluate((target: string) => document.getElementById(target)?.scrollIntoView(), id);
        await page.waitFor(litIn, [id, 'Aliyev,Baku']);
      }
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('highlights under a strict Content-Security-Policy, visibly', async () => {
      const { page, probe } = await open('/content/csp.html?csp', 3);
      expect(sorted(probe.texts.person)).toEqual(sorted(['Vladimir Putin', 'Recep Tayyip Erdoğan']));
      const at = await page.evaluate(pointOf, ['p1', 'Vladimir Putin'] as [string, string]);
      if (!at) throw new Error('name not found');
      const shot = PNG.sync.read(await page.screenshot(resolve(SHOTS, `csp-${engineName}.png`)));
      // Sample the background just under the glyphs' middle, left of centre: the person colour is a warm yellow.
      const scale = shot.width / (await page.evaluate(() => window.innerWidth));
      const px = (x: number, y: number) => {
        const i = (Math.round(y * scale) * shot.width + Math.round(x * scale)) * 4;
        return [shot.data[i] ?? 0, shot.data[i + 1] ?? 0, shot.data[i + 2] ?? 0] as const;
      };
      const samples = [4, 10, 16, 22, 28].map((dx) => px(at.left + dx, at.bottom - 4));
      const yellowish = samples.some(([r, g, b]) => r > 200 && g > 170 && b < 200 && r - b > 40);
      expect(yellowish, JSON.stringify(samples)).toBe(true);
      await page.close();
    });

    it('flags same-origin frames, about:blank frames and open shadow roots, not closed ones', async () => {
      const { page, probe } = await open('/content/frames.html', 1);
      expect(probe.texts.organisation).toEqual(['NATO']);
      const inFrame = () => {
        let found: string[] = [];
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('newscontext-')) continue;
          found = found.concat([...h].map((r) => String(r.startContainer.nodeValue).slice(r.startOffset, r.endOffset)));
        }
        return found;
      };
      await expect.poll(() => page.evaluateInFrame('#c1', inFrame), { timeout: 10_000 }).toEqual(['Ilham Aliyev']);
      await expect.poll(() => page.evaluateInFrame('#b1', inFrame), { timeout: 10_000 }).toEqual(['Yerevan']);
      await page.close();

      // Custom elements, a div and a span, and a custom element in a shadow root, host open shadow roots;
      // so does one defined as the scan ends (Geneva), after the walk passed it.
      const comp = await open('/content/component.html', 7);
      expect(sorted(comp.probe.texts.place)).toEqual(sorted(['Armenia', 'Dushanbe', 'Kazakhstan', 'Yerevan', 'Baku', 'Moscow', 'Geneva']));
      expect(Object.values(comp.probe.texts).flat()).not.toContain('Grozny');
      expect(Object.values(comp.probe.texts).flat()).not.toContain('Chechnya');
      // Removing the host leaves no highlight on its shadow root's text.
      await comp.page.evaluate(() => document.getElementById('open')?.remove());
      const noneStale = () => ![...CSS.highlights].some(([name, h]) => name.startsWith('newscontext-') && [...h].some((r) => !r.startContainer.isConnected));
      await comp.page.waitFor(noneStale, undefined, 300);
      // A host the page adds is a root of its own to scan: its shadow root is scanned too.
      await comp.page.evaluate(() => document.body.append(document.createElement('news-quote')));
      await comp.page.waitFor(() => [...(CSS.highlights.get('newscontext-place') ?? [])].some((r) => String(r.startContainer.nodeValue).includes('Dushanbe')));
      // A custom element defined after the scan attaches its shadow root then, which no
      // mutation tells: it is looked at again, and its text found; not in an editor.
      await comp.page.evaluate(() => {
        customElements.define('late-quote', class extends HTMLElement {
          connectedCallback() {
            if (this.shadowRoot) return;
            this.attachShadow({ mode: 'open' }).innerHTML = this.id === 'late' ? '<p>Defined late: Yerevan.</p>' : '<p>Defined late, in an editor: Grozny.</p>';
          }
        });
      });
      const lit = (name: string) => [...(CSS.highlights.get('newscontext-place') ?? [])].some((r) => String(r.startContainer.nodeValue).includes(name));
      await comp.page.waitFor(lit, 'Yerevan');
      expect(await comp.page.evaluate(lit, 'Grozny')).toBe(false);
      // A defined element that attaches its shadow root later, as on first use,
      // with a change to the page beside it (no mutation tells of the root itself).
      await comp.page.evaluate(() => {
        document.getElementById('lazy')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Attached later: Gyumri.</p>';
        document.getElementById('p1')!.append(' Opened.');
      });
      await comp.page.waitFor(lit, 'Gyumri');
      await comp.page.close();
    });

    it('keeps a hydrated, re-rendering React app working and up to date', async () => {
      const { page } = await open('/react/index.html', 5);
      const flashed = () =>
        [...(CSS.highlights.get('newscontext-person') ?? [])].some((r) => r.startContainer.parentElement?.id === 'flash');
      await page.waitFor(flashed, undefined, 5_000);
      await page.waitFor(() => !document.getElementById('flash'), undefined, 5_000);
      await page.waitFor(() => ![...(CSS.highlights.get('newscontext-person') ?? [])].some((r) => !r.startContainer.isConnected), undefined, 5_000);
      // The name flips every 50 ms and each rescan waits for a frame: between a
      // flip and its rescan the old range is stale ("Yere" of "Yerevan"). So the
      // highlight and the text are read in one evaluation, and only a highlight
      // that covers the text whole counts.
      const moving = () => {
        const el = document.getElementById('moving');
        const ranges = [...(CSS.highlights.get('newscontext-place') ?? [])].filter((r) => r.startContainer.parentElement === el && r.startContainer.isConnected);
        const range = ranges[0];
        if (ranges.length !== 1 || !range || String(range.startContainer.nodeValue) !== el?.textContent) return null;
        return String(range.startContainer.nodeValue).slice(range.startOffset, range.endOffset);
      };
      // Both names, each lit whole at some moment: the highlight follows the flips.
      const seen = new Set<string>();
      await expect
        .poll(
          async () => {
            const name = await page.evaluate(moving);
            if (name === 'Baku' || name === 'Yerevan') seen.add(name);
            return [...seen].sort();
          },
          { timeout: 5_000, interval: 20 },
        )
        .toEqual(['Baku', 'Yerevan']);
      expect(await page.evaluate(() => (window as unknown as { __reactErrors: string[] }).__reactErrors)).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  });
}
