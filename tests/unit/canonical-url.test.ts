import { describe, expect, it } from 'vitest';
import { articleIdFor, canonicalUrl, cleanUrl, isHttpUrl, passageUrl } from '../../src/core/canonical-url';

describe('cleanUrl', () => {
  it('drops the fragment and tracking parameters, keeping the others in order', () => {
    expect(cleanUrl('https://ex.com/a/b?id=7&utm_source=tw&utm_MEDIUM=x&page=2&fbclid=abc#comments')).toBe('https://ex.com/a/b?id=7&page=2');
    expect(cleanUrl('https://ex.com/a?gclid=1&mc_eid=2&_ga=3&igshid=4')).toBe('https://ex.com/a');
  });

  it('leaves a query with nothing to drop as it was written', () => {
    expect(cleanUrl('https://ex.com/search?q=a+b&x=%20')).toBe('https://ex.com/search?q=a+b&x=%20');
  });

  it('normalises what URL parsing normalises: host case, default port', () => {
    expect(cleanUrl('HTTPS://Ex.COM:443/Path')).toBe('https://ex.com/Path');
  });

  it('refuses what is not http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'moz-extension://x/a', 'not a url', '']) {
      expect(cleanUrl(bad), bad).toBeNull();
      expect(isHttpUrl(bad), bad).toBe(false);
    }
    expect(isHttpUrl(' https://ex.com/ ')).toBe(true);
  });
});

describe('canonicalUrl', () => {
  const location = 'https://www.ex.com/news/2024/08/story.html?utm_source=x#top';

  it('prefers link[rel=canonical], resolved against the page', () => {
    expect(canonicalUrl({ location, canonical: '/news/story?ref_src=tw', ogUrl: 'https://ex.com/og' })).toBe('https://www.ex.com/news/story');
  });

  it('falls back to og:url, then to the page URL cleaned', () => {
    expect(canonicalUrl({ location, ogUrl: 'https://ex.com/og#x' })).toBe('https://ex.com/og');
    expect(canonicalUrl({ location })).toBe('https://www.ex.com/news/2024/08/story.html');
  });

  it('does not believe a canonical link to the home page from an article', () => {
    expect(canonicalUrl({ location, canonical: 'https://www.ex.com/' })).toBe('https://www.ex.com/news/2024/08/story.html');
    expect(canonicalUrl({ location, canonical: '/', ogUrl: 'https://www.ex.com/news/og' })).toBe('https://www.ex.com/news/og');
    // The home page itself may say so.
    expect(canonicalUrl({ location: 'https://ex.com/?utm_source=x', canonical: 'https://ex.com/' })).toBe('https://ex.com/');
  });

  it('skips a declared URL that is not http(s)', () => {
    expect(canonicalUrl({ location, canonical: 'javascript:alert(1)' })).toBe('https://www.ex.com/news/2024/08/story.html');
  });

  it('is null for a page that is not on the web', () => {
    expect(canonicalUrl({ location: 'about:blank' })).toBeNull();
  });
});

describe('passageUrl', () => {
  it('points at a passage with a text fragment, short passages whole', () => {
    expect(passageUrl('https://ex.com/a#x', 'Erdoğan met Aliyev')).toBe('https://ex.com/a#:~:text=Erdo%C4%9Fan%20met%20Aliyev');
  });

  it('gives a long passage by its first and last words, dashes and commas escaped', () => {
    const url = passageUrl('https://ex.com/a', 'One two-three four, five six seven eight nine ten eleven end-word.');
    expect(url).toBe('https://ex.com/a#:~:text=One%20two%2Dthree%20four%2C%20five,nine%20ten%20eleven%20end%2Dword.');
  });
});

describe('articleIdFor', () => {
  it('is stable per URL and differs between URLs', async () => {
    const a = await articleIdFor('https://ex.com/a');
    expect(a).toMatch(/^s-[0-9a-f]{20}$/);
    expect(await articleIdFor('https://ex.com/a')).toBe(a);
    expect(await articleIdFor('https://ex.com/b')).not.toBe(a);
  });
});
