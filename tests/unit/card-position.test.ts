import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/content/ui/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 340, height: 300 };
const overlaps = (top: number, height: number, anchor: { top: number; height: number }) =>
  top < anchor.top + anchor.height && top + height > anchor.top;

describe('placeCard', () => {
  it('opens below the name when there is room', () => {
    expect(placeCard({ left: 100, top: 100, width: 50, height: 20 }, card, viewport)).toEqual({
      left: 100,
      top: 126,
      side: 'below',
      maxHeight: 800 - 8 - 126,
    });
  });

  it('flips above the name at the bottom of the viewport', () => {
    const p = placeCard({ left: 100, top: 700, width: 50, height: 20 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - 6 - 300);
  });

  it('never covers the name: with no room for the whole card, it takes the roomier side and scrolls', () => {
    const anchor = { left: 100, top: 267, width: 80, height: 20 };
    const tall = { width: 340, height: 420 };
    const p = placeCard(anchor, tall, { width: 800, height: 600 });
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(600 - 8 - (267 + 20 + 6));
    expect(overlaps(p.top, Math.min(tall.height, p.maxHeight), anchor)).toBe(false);
    const low = placeCard({ ...anchor, top: 400 }, tall, { width: 800, height: 600 });
    expect(low.side).toBe('above');
    expect(low.top).toBe(8);
    expect(overlaps(low.top, Math.min(tall.height, low.maxHeight), { top: 400, height: 20 })).toBe(false);
  });

  it('shifts left at the right edge and never leaves the viewport', () => {
    const p = placeCard({ left: 950, top: 100, width: 40, height: 20 }, card, viewport);
    expect(p.left).toBe(1000 - 8 - 340);
    const tiny = placeCard({ left: 5, top: 5, width: 10, height: 10 }, { width: 340, height: 900 }, viewport);
    expect(tiny.left).toBe(8);
    expect(tiny.top).toBeGreaterThanOrEqual(8);
    expect(tiny.top + tiny.maxHeight).toBeLessThanOrEqual(800 - 8);
  });
});
