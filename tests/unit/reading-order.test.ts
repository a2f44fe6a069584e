import { describe, expect, it } from 'vitest';
import { nextAfter, readingOrder } from '../../src/content/reading-order';

// `at` is an item's place in the text (its logical order).
const box = (name: string, at: number, left: number, top: number, height = 20) => ({ name, left, top, bottom: top + height, at });
const names = (items: Array<{ name: string }>) => items.map((i) => i.name);
const logical = (a: { at: number }, b: { at: number }) => a.at - b.at;

describe('readingOrder', () => {
  it('reads line by line from the top, and each line in the order of the text', () => {
    const items = [box('c', 3, 10, 60), box('b', 2, 300, 20), box('a', 1, 40, 22), box('d', 4, 200, 58)];
    expect(names(readingOrder(items, (i) => i, logical))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads a right-to-left line from the right: the order of the text, not of x', () => {
    // An Arabic line: its first word is at the right. The next line starts at the right too.
    const items = [box('second', 2, 120, 20), box('first', 1, 400, 20), box('third', 3, 10, 20), box('next', 4, 380, 48)];
    expect(names(readingOrder(items, (i) => i, logical))).toEqual(['first', 'second', 'third', 'next']);
  });

  it('keeps a raised or larger word on its line, and a line just below on its own', () => {
    // A superscript sits 6 px higher; a heading word is taller; the next line starts where this one ends.
    const items = [box('next', 4, 5, 40), box('sup', 2, 120, 14, 12), box('big', 3, 200, 10, 30), box('word', 1, 10, 20)];
    expect(names(readingOrder(items, (i) => i, logical))).toEqual(['word', 'sup', 'big', 'next']);
  });

  it('leaves the input as it was', () => {
    const items = [box('b', 2, 9, 0), box('a', 1, 1, 0)];
    readingOrder(items, (i) => i, logical);
    expect(names(items)).toEqual(['b', 'a']);
  });
});

describe('nextAfter', () => {
  const list = ['a', 'b', 'c'];
  it('steps to the next and wraps around', () => {
    expect(nextAfter(list, (x) => x === 'a')).toBe('b');
    expect(nextAfter(list, (x) => x === 'c')).toBe('a');
  });
  it('starts at the first when nothing is current, and has nothing for an empty list', () => {
    expect(nextAfter(list, () => false)).toBe('a');
    expect(nextAfter([], () => false)).toBeUndefined();
  });
});
