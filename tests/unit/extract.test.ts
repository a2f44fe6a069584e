// Extraction (src/content/extract/) on real news pages (tests/fixtures/real/,
// from the test suite of mozilla/readability, Apache-2.0) and on pages with
// no metadata at all, in jsdom: title, date, byline, language, canonical URL,
// and a body without the page's furniture.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/content/extract/extract';
import { localDay } from '../../src/core/published-date';
import type { Extraction } from '../../src/shared/extraction';

const NOW = Date.UTC(2025, 0, 15, 12);
const REAL = resolve(import.meta.dirname, '../fixtures/real');

function documentOf(html: string, url: string): Document {
  // The pages' own stylesheets are not ours to parse: jsdom's complaints about them are silenced.
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

function extract(html: string, url = 'https://news.example/world/2024/story?utm_source=x#top', mode: 'article' | 'selection' = 'article', selection?: string): Extraction {
  return extractPage(documentOf(html, url), url, NOW, mode, selection);
}

const article = (r: Extraction) => {
  if (r.kind !== 'article') throw new Error(`expected an article, got ${r.kind}`);
  return r;
};

/** Page furniture that must never be saved as article text. */
const FURNITURE = /^(?:Continue reading|Read more|Advertisement|Share|Skip|\[)|Sign up|Newsletter|Cookie/i;

const PAGES = [
  {
    file: 'bbc-1.html',
    url: 'http://www.bbc.com/news/world-us-canada-33646704',
    title: "Obama admits US gun laws are his 'biggest frustration'",
    source: 'BBC News',
    date: '2015-07-24',
    lang: 'en',
    lead: /^President Barack Obama has admitted that his failure to pass "common sense gun safety laws"/,
    body: 'Mr Obama lands in Kenya later on Friday for his first visit since becoming president.',
  },
  {
    file: 'nytimes-1.html',
    url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
    title: 'United States to Lift Sudan Sanctions',
    author: 'Jeffrey Gettleman',
    date: '2017-01-13',
    lang: 'en',
    lead: /^LONDON — After nearly 20 years of hostile relations/,
    body: 'In 1997, President Bill Clinton imposed a comprehensive trade embargo against Sudan',
  },
  {
    file: 'wapo-1.html',
    url: 'http://www.washingtonpost.com/world/gunmen-storm-museum-in-tunisia-killing-at-least-8/2015/03/18/00202e76-cd73-11e4-8730-4f473416e759_story.html',
    title: 'Attack stokes instability fears in North Africa',
    author: 'Erin Cunningham',
    source: 'Washington Post',
    date: null,
    lang: 'en',
    lead: /^CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum/,
    body: 'Heba Habib contributed to this report.',
    last: 'Heba Habib contributed to this report.',
  },
  {
    file: 'liberation-1.html',
    url: 'http://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278483',
    title: 'Un troisième Français mort dans le séisme au Népal',
    author: 'Sébastien Farcis',
    source: 'Libération.fr',
    date: '2015-04-30',
    lang: 'fr',
    lead: /^Un troisième Français a été tué dans le tremblement de terre samedi au Népal/,
    body: 'Des dizaines de milliers de personnes sont sans abri.',
    paragraphs: 3,
  },
  {
    file: 'telegraph.html',
    url: 'http://www.telegraph.co.uk/news/2017/11/16/zimbabwes-robert-mugabe-wife-grace-insisting-finishes-term-priest/',
    title: "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate",
    source: 'The Telegraph',
    date: '2017-11-16',
    lang: 'en-GB',
    lead: /^Zimbabwe President Robert Mugabe, his wife Grace and two key figures/,
    body: 'Whatever the final outcome, the events could signal a once-in-a-generation change',
  },
] as const;

describe.each(PAGES)('extracting $file', (page) => {
  const html = readFileSync(resolve(REAL, page.file), 'utf8');
  // Served from elsewhere, as a saved copy would be: the URL must come from the page's own canonical link.
  const result = article(extract(html, `http://127.0.0.1:8080/real/${page.file}?utm_campaign=x`));

  it('reads the canonical URL, title, source, date and language', () => {
    expect(result.page.url).toBe(page.url);
    expect(result.page.title).toBe(page.title);
    if ('source' in page) expect(result.page.source).toBe(page.source);
    if ('author' in page) expect(result.page.author).toBe(page.author);
    expect(result.page.date).toBe(page.date);
    expect(result.page.lang).toBe(page.lang);
  });

  it('keeps the lead and the body as text, without furniture', () => {
    expect(result.lead).toMatch(page.lead);
    const body = result.paragraphs;
    expect(body.some((p) => p.includes(page.body))).toBe(true);
    expect(body.filter((p) => FURNITURE.test(p))).toEqual([]);
    expect(body.some((p) => /<[a-z][^>]*>/i.test(p))).toBe(false);
    expect(body.every((p) => p === p.trim() && !/\s{2}/.test(p))).toBe(true);
    if ('paragraphs' in page) expect(body).toHaveLength(page.paragraphs);
    if ('last' in page) expect(body.at(-1)).toBe(page.last);
  });
});

describe('extracting a page with no metadata at all', () => {
  const body = [
    'The foreign ministers of Azerbaijan and Turkey met in Baku on Tuesday to discuss the new transport corridor through the region, officials said after the talks ended.',
    'Recep Tayyip Erdoğan is expected to visit later this year, according to people familiar with the plans, who asked not to be named because the trip has not been announced.',
    'The corridor would link the Caspian Sea to the Mediterranean and has long been a priority for both governments, which signed a first agreement on it in the spring.',
    'Critics of the project say that its cost has been underestimated and that the communities along the route were never asked whether they wanted a railway through their valleys.',
  ];
  const html = `<html><body><div><h1>Corridor talks in Baku</h1>${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;

  it('takes the URL without tracking, the host as source, letters for the language, no date', () => {
    const r = article(extract(html));
    expect(r.page).toEqual({ url: 'https://news.example/world/2024/story', title: 'Corridor talks in Baku', source: 'news.example', date: null, lang: 'en' });
    expect(r.lead).toBe(body[0]);
    expect(r.paragraphs).toEqual(body.slice(1));
  });

  it('gives the host as title when the page has none', () => {
    const r = article(extract(`<html><body><div>${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`));
    expect(r.page.title).toBe('news.example');
  });

  it('keeps markup-looking text as text', () => {
    const evil = '<script>alert(1)</script> and <img src=x onerror=alert(2)> in a paragraph long enough to be read as an article body, and then some more words to pass every threshold there is.';
    const doc = `<html><head><title>&lt;img src=x onerror=alert(3)&gt;</title></head><body><div><p>${evil.replace(/</g, '&lt;')}</p>${body.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const r = article(extract(doc));
    expect(r.page.title).toBe('<img src=x onerror=alert(3)>');
    expect(r.lead).toBe(evil);
  });
});

describe('pages that are not articles', () => {
  it('refuses a brief too short for Reader View, as Firefox does (its selection can still be saved)', () => {
    const brief = '<p>The foreign ministers of Azerbaijan and Turkey met in Baku on Tuesday to discuss the corridor through the region, officials said.</p>';
    expect(extract(`<html><body><div><h1>Talks</h1>${brief.repeat(3)}</div></body></html>`).kind).toBe('not-article');
  });

  it('refuses search results', () => {
    const results = Array.from(
      { length: 10 },
      (_, i) => `<li><h3><a href="/r${i}">Result ${i} about Azerbaijan and Turkey</a></h3><p>A snippet of result ${i} that repeats the words of the query, Azerbaijan, Turkey, Erdoğan, Baku, with an ellipsis at the end of a long enough line …</p></li>`,
    ).join('');
    const r = extract(`<html lang="en"><head><title>Search: Erdoğan</title></head><body><form><input name="q"></form><ol>${results}</ol></body></html>`, 'https://search.example/?q=Erdo%C4%9Fan');
    expect(r.kind).toBe('not-article');
    expect(r.page).toMatchObject({ url: 'https://search.example/?q=Erdo%C4%9Fan', title: 'Search: Erdoğan' });
  });

  it('refuses an app page with no paragraphs', () => {
    expect(extract('<html><body><div id="app"><button>Start</button><span>Welcome</span></div></body></html>').kind).toBe('not-article');
  });
});

describe('saving a selection', () => {
  const html = '<html lang="en"><head><title>Page title</title><link rel="canonical" href="https://news.example/a"></head><body><p>x</p></body></html>';

  it('keeps the selected text as paragraphs, with the page it is on', () => {
    const r = extract(html, 'https://news.example/a?fbclid=1', 'selection', '  First line of the passage.\n\n Second   line. \n');
    expect(r).toEqual({
      kind: 'selection',
      page: { url: 'https://news.example/a', title: 'Page title', source: 'news.example', date: null, lang: 'en' },
      paragraphs: ['First line of the passage.', 'Second line.'],
    });
  });

  it('says when nothing is selected', () => {
    expect(extract(html, undefined, 'selection', ' \n ').kind).toBe('no-selection');
  });
});

it('falls back to the local day for nothing, and leaves the date to the background', () => {
  // The extraction reports no date rather than inventing one: the saved day is the background's to set.
  expect(localDay(NOW)).toMatch(/^2025-01-1[56]$/);
});
