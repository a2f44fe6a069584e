// Real saved news pages (tests/fixtures/real/): the names they mention are flagged,
// the page's DOM is left as it was, and nothing breaks, in both browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withExtension, withoutExtension, type Engine, type EngineName, type TestPage } from './harness/adapters';
import { countHighlights, probeHighlights, serializeDom, type HighlightProbe } from './harness/page-probes';
import { startServer, type FixtureServer } from './harness/server';

/**
 * Names each page is known to mention (checked by reading the pages), by
 * highlight type: those the library has articles about, the only ones lit
 * (Syria and Iraq, which the gazetteer knows and these pages name, are not).
 */
const PAGES: Array<{ file: string; expect: Record<string, string[]>; unlit?: string[] }> = [
  { file: 'bbc-1.html', expect: { place: ['Iran', 'Turkey', 'Russia', 'US'], organisation: ['Islamic State'] }, unlit: ['Syria'] },
  { file: 'nytimes-1.html', expect: { person: ['Putin'], place: ['Russia'], organisation: [] } },
  { file: 'wapo-2.html', expect: { person: ['Putin'], place: ['Iran', 'Soviet Union'] } },
  { file: 'liberation-1.html', expect: { person: ['François Hollande'], place: ['France', 'Ukraine', 'Suisse'] } },
  { file: 'wikipedia-2.html', expect: { place: ['United States', 'France', 'Indian Ocean'], organisation: ['United Nations'] }, unlit: ['Iraq'] },
  { file: 'medium-3.html', expect: { place: ['America'] } },
];

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

async function quiet(page: TestPage): Promise<void> {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const now = await page.evaluate(countHighlights);
    if (now === last && i > 3) return;
    last = now;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * What gets painted as a reader scrolls the whole page: only names near the
 * viewport are painted, so the page is scrolled through (two viewports a step,
 * since one is painted ahead on each side) and what each step shows is collected.
 */
async function paintedWhileScrolling(page: TestPage): Promise<HighlightProbe> {
  const all: HighlightProbe = { sizes: {}, texts: {} };
  for (let step = 0; step < 200; step++) {
    const more = await page.evaluate((n: number) => {
      window.scrollTo(0, n * 2 * window.innerHeight);
      return (n + 1) * 2 * window.innerHeight < document.documentElement.scrollHeight;
    }, step);
    await new Promise((r) => setTimeout(r, 120));
    const probe = await page.evaluate(probeHighlights);
    for (const [type, texts] of Object.entries(probe.texts)) (all.texts[type] ??= []).push(...texts);
    if (!more) break;
  }
  return all;
}

for (const engineName of ['chromium', 'firefox'] as EngineName[]) {
  describe(`real pages in ${engineName}`, () => {
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

    for (const { file, expect: expected, unlit } of PAGES) {
      it(`${file}: flags what it names, changes nothing, breaks nothing`, async () => {
        // Served with a CSP that stops the pages' own scripts (their resources cannot load here,
        // and some would navigate away or rewrite the page at random); our content script is
        // not subject to it, and the DOM of both loads is deterministic.
        const url = server.url(`/real/${file}?csp`);
        const reference = await plain.newPage();
        await reference.goto(url);
        const page = await engine.newPage();
        await page.goto(url);
        await quiet(page);
        const probe = await paintedWhileScrolling(page);
        for (const [type, names] of Object.entries(expected)) {
          expect(probe.texts[type] ?? [], `${type} in ${file}`).toEqual(expect.arrayContaining(names));
        }
        if (Object.keys(expected).length === 0) expect(await page.evaluate(countHighlights)).toBe(0);
        for (const name of unlit ?? []) expect(Object.values(probe.texts).flat(), `${name} in ${file}`).not.toContain(name);
        expect(await page.evaluate(serializeDom)).toBe(await reference.evaluate(serializeDom));
        // Firefox reports each inline handler that our CSP blocks as a page error, whenever the
        // handler's event fires: those are the page's, not ours. Anything else is ours.
        const known = new Set(reference.errors);
        const ours = page.errors.filter((e) => !known.has(e) && !e.startsWith('Content-Security-Policy:'));
        expect(ours).toEqual([]);
        await page.close();
        await reference.close();
      });
    }
  });
}
