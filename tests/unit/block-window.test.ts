import { describe, expect, it } from 'vitest';
import { BlockWindow } from '../../src/content/block-window';

// Blocks 20 px tall, one under the other; `scroll` moves them up.
let scroll = 0;
const box = (i: number) => ({ top: i * 20 - scroll, bottom: i * 20 + 20 - scroll });
const blocks = (n: number) => Array.from({ length: n }, (_, i) => i);

function tracked(): { watched: Set<number>; watch: (b: number) => void; unwatch: (b: number) => void } {
  const watched = new Set<number>();
  return { watched, watch: (b) => void watched.add(b), unwatch: (b) => void watched.delete(b) };
}

describe('BlockWindow', () => {
  it('is not made for blocks that do not go down the page in order (columns)', () => {
    scroll = 0;
    const columns = (i: number) => ({ top: (i % 500) * 20, bottom: (i % 500) * 20 + 20 });
    expect(BlockWindow.create(blocks(1000), columns)).toBeNull();
    expect(BlockWindow.create(blocks(1000), box)).not.toBeNull();
  });

  it('finds the first block on screen, and watches the blocks around it, telling which come and go', () => {
    scroll = 20 * 5000 + 10; // block 5000 half off the top of the screen
    const w = BlockWindow.create(blocks(10_000), box)!;
    const at = w.locate(box, 0);
    expect(at).toBe(5000);
    const t = tracked();
    w.moveTo(at, t.watch, t.unwatch);
    expect(t.watched.has(5000) && t.watched.has(4900) && t.watched.has(5100)).toBe(true);
    expect(t.watched.size).toBe(w.watched().length);
    expect(t.watched.size).toBeLessThan(400);
    // The reader jumps to the end: what is not in the new window leaves it.
    scroll = 20 * 9990;
    expect(w.covers(box, -800, 1600)).toBe(false);
    w.moveTo(w.locate(box, 0), t.watch, t.unwatch);
    expect(t.watched.has(5000)).toBe(false);
    expect(t.watched.has(9999)).toBe(true);
    expect([...t.watched].sort((a, b) => a - b)).toEqual(w.watched());
    expect(w.covers(box, -800, 1600)).toBe(true);
  });

  it('grows until it covers the band where blocks are short', () => {
    scroll = 0;
    const short = (i: number) => ({ top: i * 2 - 5000, bottom: i * 2 + 2 - 5000 });
    const w = BlockWindow.create(blocks(10_000), short)!;
    const t = tracked();
    const at = w.locate(short, 0);
    w.moveTo(at, t.watch, t.unwatch);
    expect(w.covers(short, -800, 1600)).toBe(false);
    while (!w.covers(short, -800, 1600) && w.grow()) w.moveTo(at, t.watch, t.unwatch);
    expect(w.covers(short, -800, 1600)).toBe(true);
    expect([...t.watched].sort((a, b) => a - b)).toEqual(w.watched());
    // A window over all the blocks grows no more.
    while (w.grow()) w.moveTo(at, t.watch, t.unwatch);
    expect(w.watched().length).toBe(10_000);
  });

  it('moves when a near block is close to an end of the window, but not at the ends of the group', () => {
    scroll = 0;
    const w = BlockWindow.create(blocks(2000), box)!;
    const t = tracked();
    w.moveTo(0, t.watch, t.unwatch);
    const last = w.watched().at(-1)!;
    expect(w.nearEdge(0)).toBe(false);
    expect(w.nearEdge(last)).toBe(true);
    expect(w.indexOf(last)).toBe(last);
    expect(w.indexOf(last + 1)).toBe(-1);
  });

  it('takes new blocks at the end, watched when the window is open there, and forgets removed ones', () => {
    scroll = 0;
    const w = BlockWindow.create(blocks(1000), box)!;
    const t = tracked();
    w.moveTo(999, t.watch, t.unwatch);
    expect(w.append(1000)).toBe(true);
    expect(w.watched().at(-1)).toBe(1000);
    w.moveTo(0, t.watch, t.unwatch);
    expect(w.append(1001)).toBe(false);
    expect(w.last()).toBe(1001);
    const before = w.watched();
    w.remove(before[3]!);
    expect(w.watched()).toEqual([...before.slice(0, 3), ...before.slice(4)]);
    expect(w.indexOf(before[3]!)).toBe(-1);
    expect(w.last()).toBe(1001);
  });
});
