// The chart's geometry: bars in period order and to scale, readable labels.
import { describe, expect, it } from 'vitest';
import { CHART, chartGeometry } from '../../src/pages/entity/chart-geometry';
import type { Histogram } from '../../src/pages/entity/view-model';

const months = (from: number, n: number, counts: Record<number, number> = {}): Histogram => {
  const buckets = Array.from({ length: n }, (_, i) => {
    const m = from + i;
    return { key: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, count: counts[i] ?? 0 };
  });
  return { unit: 'month', buckets, max: Math.max(...buckets.map((b) => b.count)) };
};

describe('chartGeometry', () => {
  it('draws one bar per period, left to right, its height in proportion, inside the plot', () => {
    const g = chartGeometry(months(2024 * 12, 3, { 0: 1, 2: 2 }));
    expect(g.bars.map((b) => b.key)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(g.bars[0]!.x).toBeLessThan(g.bars[1]!.x);
    expect(g.bars[1]!.height).toBe(0);
    expect(g.bars[2]!.height).toBeCloseTo(2 * g.bars[0]!.height);
    for (const b of g.bars) {
      expect(b.x).toBeGreaterThanOrEqual(CHART.left);
      expect(b.x + b.width).toBeLessThanOrEqual(CHART.width - CHART.right);
      expect(b.y + b.height).toBeCloseTo(g.baseline);
      expect(b.y).toBeGreaterThanOrEqual(CHART.top);
    }
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 2]);
    expect(g.xTicks.map((t) => t.label)).toEqual(['2024']);
  });

  it('labels at most ten years under ten years of months, and keeps every bar at least a unit wide', () => {
    const g = chartGeometry(months(2015 * 12 + 10, 120, { 0: 1, 119: 1 }));
    expect(g.bars).toHaveLength(120);
    expect(g.bars.every((b) => b.width >= 1)).toBe(true);
    expect(g.xTicks.length).toBeLessThanOrEqual(10);
    expect(g.xTicks[0]!.label).toBe('2015');
    const long = chartGeometry(months(1900 * 12, 12 * 30, { 5: 3 }));
    expect(long.xTicks.length).toBeLessThanOrEqual(10);
    expect(long.bars.every((b) => b.width >= 1)).toBe(true);
  });
});
