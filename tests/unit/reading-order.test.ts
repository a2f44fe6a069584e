import { describe, expect, it } from 'vitest';
import { nextAfter, readingOrder } from '../../src/content/reading-order';

const box = (name: string, left: number, top: number, height = 20) => ({ name, left, top, bottom: top + height });
const names = (items: Array<{ name: string }>) => items.map((i) => i.name);

describe('readingOrder', () => {
  it('reads line by line from the top, and each line from the left', () => {
    const items = [box('c', 10, 60), box('b', 300, 20), box('a', 40, 22), box('d', 200, 58)];
    expect(names(readingOrder(items, (i) => i))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a raised or larger word on its line, and a line just below on its own', () => {
    // A superscript sits 6 px higher; a heading word is taller; the next line starts where this one ends.
    const items = [box('next', 5, 40), box('sup', 120, 14, 12), box('big', 200, 10, 30), box('word', 10, 20)];
    expect(names(readingOrder(items, (i) => i))).toEqual(['word', 'sup', 'big', 'next']);
  });

  it('leaves the input as it was', () => {
    const items = [box('b', 9, 0), box('a', 1, 0)];
    readingOrder(items, (i) => i);
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
