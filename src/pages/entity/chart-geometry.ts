// Where the chart's bars, axis labels and grid lines go, in the SVG's own
// units: pure, so the component only draws rectangles and text.
import type { Histogram } from './view-model';

export const CHART = { width: 640, height: 170, left: 30, right: 8, top: 10, bottom: 24 } as const;
/** At most this many year labels under the axis; more would overlap. */
const MAX_X_LABELS = 10;

export interface Bar {
  key: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartGeometry {
  bars: Bar[];
  /** Year labels under the axis, centred on their first period. */
  xTicks: Array<{ x: number; label: string }>;
  /** Whole-number counts along the left. */
  yTicks: Array<{ y: number; value: number }>;
  /** The axis line's height. */
  baseline: number;
}

export function chartGeometry(h: Histogram): ChartGeometry {
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotH;
  const slot = plotW / h.buckets.length;
  // Thin bars keep a gap; at least one unit wide so a single article shows.
  const barW = Math.max(1, Math.min(slot * 0.75, slot - 1, 40));
  const max = Math.max(1, h.max);
  const bars = h.buckets.map((b, i) => {
    const height = (b.count / max) * plotH;
    return { key: b.key, count: b.count, x: CHART.left + i * slot + (slot - barW) / 2, y: baseline - height, width: barW, height };
  });

  // A label for each year where it starts (or where the chart starts), thinned to a readable number.
  const starts = h.buckets.flatMap((b, i) => (i === 0 || h.unit === 'year' || b.key.endsWith('-01') ? [{ i, year: b.key.slice(0, 4) }] : []));
  const step = Math.ceil(starts.length / MAX_X_LABELS);
  const xTicks = starts.filter((_, n) => n % step === 0).map(({ i, year }) => ({ x: CHART.left + i * slot + slot / 2, label: year }));

  const values = h.max >= 4 ? [0, Math.round(h.max / 2), h.max] : h.max >= 2 ? [0, h.max] : [0, 1];
  const yTicks = [...new Set(values)].map((value) => ({ y: baseline - (value / max) * plotH, value }));
  return { bars, xTicks, yTicks, baseline };
}
