// Articles per month as bars, drawn with SVG elements (no chart library, no
// markup strings). The picture is hidden from screen readers, who get the
// same figures as a table: the months that have articles, in order.
import { t } from '../../shared/i18n';
import { CHART, chartGeometry } from './chart-geometry';
import { formatPeriod } from './format';
import type { Histogram } from './view-model';

export function Chart({ histogram }: { histogram: Histogram }) {
  const g = chartGeometry(histogram);
  const perMonth = histogram.unit === 'month';
  const first = histogram.buckets[0]!.key;
  const last = histogram.buckets[histogram.buckets.length - 1]!.key;
  const rows = histogram.buckets.filter((b) => b.count > 0);
  const articles = (n: number) => (n === 1 ? t('oneArticle') : t('nArticles', String(n)));
  return (
    <section class="chart-section" aria-labelledby="chart-heading">
      <h2 id="chart-heading">{perMonth ? t('chartHeadingMonth') : t('chartHeadingYear')}</h2>
      <figure class="chart" data-chart-unit={histogram.unit}>
        <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="presentation" aria-hidden="true" focusable="false">
          {g.yTicks.map((tick) => (
            <g key={tick.value} class="y-tick">
              <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} />
              <text x={CHART.left - 6} y={tick.y} dy="0.35em" text-anchor="end">
                {tick.value}
              </text>
            </g>
          ))}
          {g.bars.map((b) =>
            b.count > 0 ? (
              <rect key={b.key} class="bar" data-period={b.key} data-count={b.count} x={b.x} y={b.y} width={b.width} height={b.height} rx={Math.min(2, b.width / 2)}>
                <title>{`${formatPeriod(b.key)}: ${articles(b.count)}`}</title>
              </rect>
            ) : null,
          )}
          <line class="axis" x1={CHART.left} x2={CHART.width - CHART.right} y1={g.baseline} y2={g.baseline} />
          {g.xTicks.map((tick) => (
            <text key={tick.label} class="x-tick" x={tick.x} y={CHART.height - 6} text-anchor="middle">
              {tick.label}
            </text>
          ))}
        </svg>
        <figcaption class="muted">{t('chartRange', formatPeriod(first), formatPeriod(last))}</figcaption>
      </figure>
      {/* A table ignores a small width and height: its wrapper is what hides it from the eye. */}
      <div class="visually-hidden">
        <table data-chart-table>
          <caption>
            {perMonth ? t('chartTableCaptionMonth', formatPeriod(first), formatPeriod(last)) : t('chartTableCaptionYear', formatPeriod(first), formatPeriod(last))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{perMonth ? t('chartMonth') : t('chartYear')}</th>
              <th scope="col">{t('chartArticles')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.key} data-period={b.key}>
                <th scope="row">{formatPeriod(b.key)}</th>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
