import { describe, expect, it } from 'vitest';
import { jsonLdDates, localDay, pickPublishedDate, toIsoDay } from '../../src/core/published-date';

const SAVED = Date.UTC(2025, 0, 15, 12);
const none = { jsonLd: [], meta: [], times: [] };

describe('toIsoDay', () => {
  it("keeps the publisher's own day, whatever its time zone", () => {
    expect(toIsoDay('2015-04-25T23:30:00+05:45')).toBe('2015-04-25');
    expect(toIsoDay('2015-04-25')).toBe('2015-04-25');
    expect(toIsoDay(' 2015-04-25 10:00 ')).toBe('2015-04-25');
  });

  it('reads other forms Date reads, as their UTC day', () => {
    expect(toIsoDay('Sat, 25 Apr 2015 10:00:00 GMT')).toBe('2015-04-25');
  });

  it('refuses what is no date or not a plausible one', () => {
    for (const bad of ['', 'yesterday', '2015-02-30', '1970-01-01T00:00:00Z', '2999-01-01']) expect(toIsoDay(bad, SAVED), bad).toBeNull();
  });
});

describe('jsonLdDates', () => {
  it("finds datePublished in @graph arrays, the article's before other nodes'", () => {
    const block = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'ImageObject', datePublished: '2010-01-01' },
        { '@type': ['NewsArticle'], datePublished: '2024-08-19T08:00:00Z', author: { '@type': 'Person' } },
      ],
    };
    expect(jsonLdDates([block])).toEqual(['2024-08-19T08:00:00Z', '2010-01-01']);
  });

  it('reads top-level arrays and nested nodes, and ignores what is not an object', () => {
    expect(jsonLdDates([[{ '@type': 'BlogPosting', datePublished: '2020-05-01' }], null, 'x', 3])).toEqual(['2020-05-01']);
    expect(jsonLdDates([{ mainEntity: { '@type': 'Article', datePublished: '2021-01-02' } }])).toEqual(['2021-01-02']);
  });
});

describe('pickPublishedDate', () => {
  it('prefers JSON-LD, then meta tags, then <time datetime>', () => {
    const all = { jsonLd: [{ '@type': 'NewsArticle', datePublished: '2024-01-01' }], meta: ['2024-02-02'], times: ['2024-03-03'] };
    expect(pickPublishedDate(all, SAVED)).toEqual({ date: '2024-01-01', known: true, from: 'json-ld' });
    expect(pickPublishedDate({ ...all, jsonLd: [] }, SAVED)).toEqual({ date: '2024-02-02', known: true, from: 'meta' });
    expect(pickPublishedDate({ ...none, times: ['nonsense', '2024-03-03T10:00'] }, SAVED)).toEqual({ date: '2024-03-03', known: true, from: 'time' });
  });

  it('skips a candidate that does not read as a date', () => {
    expect(pickPublishedDate({ ...none, jsonLd: [{ '@type': 'Article', datePublished: 'soon' }], meta: ['2024-02-02'] }, SAVED).date).toBe('2024-02-02');
  });

  it('falls back to the day it was saved, flagged as such', () => {
    expect(pickPublishedDate(none, SAVED)).toEqual({ date: localDay(SAVED), known: false });
  });
});
