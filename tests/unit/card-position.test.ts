import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/content/ui/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 340, height: 300 };

describe('placeCard', () => {
  it('opens below the name when there is room', () => {
    expect(placeCard({ left: 100, top: 100, width: 50, height: 20 }, card, viewport)).toEqual({ left: 100, top: 126, side: 'below' });
  });

  it('flips above the name at the bottom of the viewport', () => {
    const p = placeCard({ left: 100, top: 700, width: 50, height: 20 }, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - 6 - 300);
  });

  it('shifts left at the right edge and never leaves the viewport', () => {
    const p = placeCard({ left: 950, top: 100, width: 40, height: 20 }, card, viewport);
    expect(p.left).toBe(1000 - 8 - 340);
    const tiny = placeCard({ left: 5, top: 5, width: 10, height: 10 }, { width: 340, height: 900 }, viewport);
    expect(tiny.left).toBe(8);
    expect(tiny.top).toBeGreaterThanOrEqual(8);
  });
});
