// The entity page's view model, in node: timeline order, co-mentions, the
// chart's periods, the spellings' grouping and the filters.
import { describe, expect, it } from 'vitest';
import type { EntityArticle, EntityPageData } from '../../src/shared/messages';
import {
  MAX_MONTHS,
  coMentions,
  entityPageView,
  entitySearch,
  filterOptions,
  histogram,
  nameGroups,
  parseEntityParams,
  timeline,
} from '../../src/pages/entity/view-model';

const article = (id: string, date: string, over: Partial<EntityArticle> = {}): EntityArticle => ({
  id,
  title: `Title ${id}`,
  source: 'Kompas.com',
  date,
  lang: 'id',
  saved: false,
  dateKnown: true,
  snippet: { text: 'Putin said so.', marks: [[0, 5]] },
  entities: [],
  ...over,
});

const NAMES: Record<string, string> = { russia: 'Russia', baku: 'Baku', aliyev: 'Ilham Aliyev', armenia: 'Armenia' };
const nameOf = (id: string) => NAMES[id] ?? id;
const LANGUAGES: Record<string, string> = { en: 'English', es: 'Spanish', id: 'Indonesian', it: 'Italian', ms: 'Malay', ru: 'Russian', de: 'German' };
const naming = { entityName: nameOf, languageName: (c: string) => LANGUAGES[c] ?? c, uiLanguage: 'en' };

const data = (articles: EntityArticle[]): EntityPageData => ({
  entity: { id: 'putin', name: 'Vladimir Putin', type: 'person', description: 'President of Russia.' },
  names: { en: [{ text: 'Vladimir Putin' }], mul: [{ text: 'Putin' }] },
  articles,
});

describe('timeline', () => {
  it('puts the oldest first, undated last, and same-day articles by id', () => {
    const order = timeline([article('c', '2024-08-19'), article('u', ''), article('b', '2015-11-27'), article('a', '2024-08-19')]);
    expect(order.map((a) => a.id)).toEqual(['b', 'a', 'c', 'u']);
  });
});

describe('coMentions', () => {
  it('counts the articles each other entity shares, most first, ties by name', () => {
    const articles = [
      article('1', '2020-01-01', { entities: ['russia', 'baku', 'aliyev'] }),
      article('2', '2021-01-01', { entities: ['russia', 'aliyev', 'russia'] }),
      article('3', '2022-01-01', { entities: ['russia', 'armenia'] }),
    ];
    expect(coMentions(articles, nameOf)).toEqual([
      { id: 'russia', shared: 3 },
      { id: 'aliyev', shared: 2 },
      { id: 'armenia', shared: 1 },
      { id: 'baku', shared: 1 },
    ]);
    expect(coMentions([], nameOf)).toEqual([]);
  });
});

describe('histogram', () => {
  it('counts articles per month over every month from the first to the last, empty ones included', () => {
    const h = histogram([article('a', '2024-01-05'), article('b', '2024-03-30'), article('c', '2024-03-01'), article('u', '')]);
    expect(h).toEqual({
      unit: 'month',
      buckets: [
        { key: '2024-01', count: 1 },
        { key: '2024-02', count: 0 },
        { key: '2024-03', count: 2 },
      ],
      max: 2,
    });
  });

  it('crosses years, and counts years once the span passes twenty years of months', () => {
    const months = histogram([article('a', '2015-11-27'), article('b', '2025-10-09')])!;
    expect(months.unit).toBe('month');
    expect(months.buckets).toHaveLength(120);
    expect(months.buckets[0]).toEqual({ key: '2015-11', count: 1 });
    expect(months.buckets[2]).toEqual({ key: '2016-01', count: 0 });
    expect(months.buckets.at(-1)).toEqual({ key: '2025-10', count: 1 });

    const years = histogram([article('a', '1990-06-01'), article('b', '2025-10-09'), article('c', '2025-01-02')])!;
    expect(2025 * 12 + 9 - (1990 * 12 + 5) + 1).toBeGreaterThan(MAX_MONTHS);
    expect(years.unit).toBe('year');
    expect(years.buckets).toHaveLength(36);
    expect(years.buckets[0]).toEqual({ key: '1990', count: 1 });
    expect(years.buckets.at(-1)).toEqual({ key: '2025', count: 2 });
    expect(years.max).toBe(2);
  });

  it('is null when no article is dated', () => {
    expect(histogram([article('u', '')])).toBeNull();
    expect(histogram([])).toBeNull();
  });
});

describe('nameGroups', () => {
  it("puts the reader's language first, then shared spellings, English, the rest by name, and merges languages that write it alike", () => {
    const groups = nameGroups(
      {
        ru: [{ text: 'Россия' }],
        en: [{ text: 'Russia' }, { text: 'Russian', weak: true }],
        es: [{ text: 'Rusia' }],
        id: [{ text: 'Rusia' }],
        ms: [{ text: 'Rusia' }],
        it: [{ text: 'Russia' }],
        de: [{ text: 'Russland' }],
        xx: [],
      },
      'id-ID',
      naming.languageName,
    );
    expect(groups).toEqual([
      { langs: ['id', 'ms', 'es'], names: [{ text: 'Rusia' }] },
      { langs: ['en'], names: [{ text: 'Russia' }, { text: 'Russian', weak: true }] },
      { langs: ['de'], names: [{ text: 'Russland' }] },
      { langs: ['it'], names: [{ text: 'Russia' }] },
      { langs: ['ru'], names: [{ text: 'Россия' }] },
    ]);
    expect(nameGroups({ en: [{ text: 'Putin' }], mul: [{ text: 'Putin' }] }, 'en').map((g) => g.langs)).toEqual([['en', 'mul']]);
  });
});

describe('filters', () => {
  const articles = [
    article('a', '2020-10-31', { lang: 'id', source: 'Kompas.com' }),
    article('b', '2022-01-03', { lang: 'id', source: 'detikNews' }),
    article('c', '2024-08-19', { lang: 'en', source: 'The Associated Press', saved: true }),
  ];

  it('offers each language and source with its count, and both origins always', () => {
    const options = filterOptions(articles, {});
    expect(options.lang).toEqual([
      { value: 'id', count: 2 },
      { value: 'en', count: 1 },
    ]);
    expect(options.source.map((o) => o.value)).toEqual(['detikNews', 'Kompas.com', 'The Associated Press']);
    expect(options.origin).toEqual([
      { value: 'saved', count: 1 },
      { value: 'bundled', count: 2 },
    ]);
    // A value from the address that no article has is still offered, with 0.
    expect(filterOptions(articles, { lang: 'fr' }).lang).toContainEqual({ value: 'fr', count: 0 });
  });

  it('narrow the timeline, the co-mentions and the chart together', () => {
    const withOthers = articles.map((a, i) => ({ ...a, entities: i === 2 ? ['baku'] : ['russia'] }));
    const all = entityPageView(data(withOthers), {}, naming);
    expect(all.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(all.coEntities).toEqual([
      { id: 'russia', shared: 2 },
      { id: 'baku', shared: 1 },
    ]);
    expect(all.empty).toBeNull();

    const saved = entityPageView(data(withOthers), { origin: 'saved' }, naming);
    expect(saved.articles.map((a) => a.id)).toEqual(['c']);
    expect(saved.coEntities).toEqual([{ id: 'baku', shared: 1 }]);
    expect(saved.histogram?.buckets).toEqual([{ key: '2024-08', count: 1 }]);
    expect(saved.total).toBe(3);

    const kompas = entityPageView(data(withOthers), { lang: 'id', source: 'Kompas.com' }, naming);
    expect(kompas.articles.map((a) => a.id)).toEqual(['a']);

    const none = entityPageView(data(withOthers), { lang: 'en', origin: 'bundled' }, naming);
    expect(none.articles).toEqual([]);
    expect(none.empty).toBe('filtered');
    expect(none.histogram).toBeNull();
  });

  it('says when the library has no article at all', () => {
    expect(entityPageView(data([]), {}, naming).empty).toBe('no-articles');
  });
});

describe('the address', () => {
  it('reads the id and the filters, ignoring what it does not know, and writes them back', () => {
    expect(parseEntityParams('?id=putin')).toEqual({ id: 'putin', filters: {} });
    expect(parseEntityParams('?id=%20aliyev%20&lang=id&source=Kompas.com&origin=saved')).toEqual({
      id: 'aliyev',
      filters: { lang: 'id', source: 'Kompas.com', origin: 'saved' },
    });
    expect(parseEntityParams('?origin=everything&lang=')).toEqual({ id: '', filters: {} });
    expect(entitySearch({ id: 'putin', filters: { source: 'The Associated Press', origin: 'bundled' } })).toBe(
      '?id=putin&source=The+Associated+Press&origin=bundled',
    );
    expect(parseEntityParams(entitySearch({ id: 'a&b', filters: { lang: 'id' } }))).toEqual({ id: 'a&b', filters: { lang: 'id' } });
  });
});
