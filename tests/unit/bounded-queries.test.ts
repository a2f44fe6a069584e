// The queries over a whole page that Firefox's walk runs (exclusions.ts,
// shadow-hosts.ts) are each a step of their own, of a few selectors: one
// query of all of them took 32-48 ms on a 50,000-paragraph page, in one task.
// The page is a fake that records the queries made on it.
import { describe, expect, it } from 'vitest';
import { boundedQueries, EXCLUDED_QUERIES, EXCLUDED_SELECTOR } from '../../src/content/dom/exclusions';
import { PossibleHosts } from '../../src/content/shadow-hosts';

/** Splits a selector list at its top-level commas (the selectors here have none inside parentheses or quotes). */
const selectorsOf = (query: string): string[] => query.split(',');

/** A root whose querySelectorAll finds `perQuery` elements for each query, and an XPath query that finds `custom`. */
function fakeRoot(perQuery: number, custom: number) {
  const queries: string[] = [];
  const made: object[] = [];
  const element = (name: string) => {
    const el = { name };
    made.push(el);
    return el;
  };
  const doc = {
    evaluate(expression: string) {
      queries.push(`xpath:${expression}`);
      const found = Array.from({ length: custom }, (_, i) => element(`custom-${i}`));
      return { snapshotLength: found.length, snapshotItem: (i: number) => found[i] ?? null };
    },
  };
  const root = {
    nodeType: 1,
    ownerDocument: doc,
    children: [],
    querySelectorAll(selector: string) {
      queries.push(selector);
      return Array.from({ length: perQuery }, (_, i) => element(`${queries.length}-${i}`));
    },
  };
  return { root: root as unknown as Node, queries, made };
}

describe('boundedQueries', () => {
  it('splits a selector list into lists of at most seven, every selector in one of them, in order', () => {
    const selectors = Array.from({ length: 18 }, (_, i) => `t${i}`);
    const queries = boundedQueries(selectors);
    expect(queries).toHaveLength(3);
    for (const q of queries) expect(selectorsOf(q).length).toBeLessThanOrEqual(7);
    expect(queries.flatMap(selectorsOf)).toEqual(selectors);
  });

  it('keeps every selector of the excluded elements in the queries of the walk', () => {
    expect(EXCLUDED_QUERIES.length).toBeGreaterThan(1);
    expect(EXCLUDED_QUERIES.join(',')).toBe(EXCLUDED_SELECTOR);
  });
});

describe('PossibleHosts', () => {
  it('runs no query when made, and at most one per step, on a step of its own', () => {
    const { root, queries } = fakeRoot(2, 3);
    const hosts = new PossibleHosts(root);
    expect(queries).toEqual([]);
    const taken: Array<{ name: string } | undefined> = [];
    for (let step = 0; step < 100; step++) {
      const before = queries.length;
      const el = hosts.take();
      if (el === null) break;
      expect(queries.length - before).toBeLessThanOrEqual(1);
      // A step that ran a query hands out nothing: the caller looks at the clock after it.
      expect(el === undefined).toBe(queries.length > before);
      taken.push(el as { name: string } | undefined);
    }
    const cssQueries = queries.filter((q) => !q.startsWith('xpath:'));
    expect(cssQueries.length).toBeGreaterThan(1);
    for (const q of cssQueries) expect(selectorsOf(q).length).toBeLessThanOrEqual(7);
    // Every tag a shadow root can be attached to, once.
    const tags = cssQueries.flatMap(selectorsOf);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags).toEqual(expect.arrayContaining(['p', 'div', 'span', 'section', 'article', 'body', 'h1', 'h6', 'blockquote']));
    expect(queries.filter((q) => q.startsWith('xpath:'))).toHaveLength(1);
    // All found, each once, and then the end for good.
    const names = taken.filter((el) => el !== undefined).map((el) => el!.name);
    expect(names).toHaveLength(cssQueries.length * 2 + 3);
    expect(new Set(names).size).toBe(names.length);
    expect(hosts.take()).toBeNull();
  });

  it('goes on past queries that find nothing', () => {
    const { root, queries } = fakeRoot(0, 0);
    const hosts = new PossibleHosts(root);
    let steps = 0;
    while (hosts.take() !== null) steps++;
    expect(steps).toBe(queries.length);
    expect(queries.length).toBeGreaterThan(2);
  });
});
