// The Monitor view's vega-lite specs, after the seed's dashboard: scores written per hour with
// their 1-day moving average, the score distribution at evaluation next to production by
// probability bucket, the evaluation metric over time once labels exist, and a drifted input's
// two histograms (training reference and current) for the drill-down.
import type { BinShares } from '../../kernels/monitor/feature-drift';
import type { PerformanceReport } from '../../kernels/monitor/performance';

type Spec = Record<string, unknown>;

const WIDTH = 420;
const HEIGHT = 170;

/** Hourly counts as bars, with the mean of the 24 hours up to each hour as a line. */
export function volumeSpec(volume: { hour: string; count: number }[]): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Scores written per hour (1-day moving average)',
    width: WIDTH, height: HEIGHT,
    data: { values: volume },
    transform: [{ window: [{ op: 'mean', field: 'count', as: 'movingAverage' }], frame: [-23, 0], sort: [{ field: 'hour' }] }],
    encoding: { x: { field: 'hour', type: 'temporal', title: null } },
    layer: [
      { mark: { type: 'bar', opacity: 0.35 }, encoding: { y: { field: 'count', type: 'quantitative', title: 'scores per hour' }, tooltip: [{ field: 'hour', type: 'temporal', timeUnit: 'yearmonthdatehours' }, { field: 'count', type: 'quantitative' }] } },
      { mark: { type: 'line', point: volume.length < 3 }, encoding: { y: { field: 'movingAverage', type: 'quantitative' } } },
    ],
  };
}

function sharesData(bins: BinShares, referenceName: string, currentName: string): { bin: string; order: number; source: string; share: number }[] {
  return bins.labels.flatMap((bin, order) => [
    { bin, order, source: referenceName, share: bins.reference[order] ?? 0 },
    { bin, order, source: currentName, share: bins.current[order] ?? 0 },
  ]);
}

/** Evaluation and production side by side per bucket (shares, so different volumes compare). */
export function scoreDistributionSpec(bins: BinShares, title = 'Scores at evaluation and in production, by probability bucket'): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title, width: WIDTH, height: HEIGHT,
    data: { values: sharesData(bins, 'evaluation', 'production') },
    mark: 'bar',
    encoding: {
      x: { field: 'bin', type: 'nominal', sort: { field: 'order' }, title: null, axis: { labelAngle: -30 } },
      xOffset: { field: 'source' },
      y: { field: 'share', type: 'quantitative', axis: { format: '%' }, title: 'share of scores' },
      color: { field: 'source', type: 'nominal', title: null, scale: { domain: ['evaluation', 'production'] } },
      tooltip: [{ field: 'bin' }, { field: 'source' }, { field: 'share', format: '.1%' }],
    },
  };
}

/** The baseline metric per day of labelled requests, with the evaluation's value as a rule. */
export function performanceSpec(performance: PerformanceReport): Spec {
  const metric = performance.baseline?.metric ?? Object.keys(performance.overall.metrics)[0] ?? 'metric';
  const days = performance.daily.filter((d) => d.from && metric in d.metrics).map((d) => ({ day: d.from, value: d.metrics[metric], rows: d.rows }));
  const layers: Spec[] = [
    { data: { values: days }, mark: { type: 'line', point: true }, encoding: { x: { field: 'day', type: 'temporal', title: null }, y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: false } }, tooltip: [{ field: 'day', type: 'temporal' }, { field: 'value', format: '.4f' }, { field: 'rows' }] } },
  ];
  if (performance.baseline) {
    layers.push({ data: { values: [{ value: performance.baseline.value, label: `evaluation ${performance.baseline.value.toFixed(3)}` }] }, mark: { type: 'rule', strokeDash: [4, 3], color: '#f59e0b' }, encoding: { y: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'label' }] } });
  }
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: `Evaluation ${metric} over time (labelled requests)`, width: WIDTH, height: HEIGHT, layer: layers };
}

/** One input's reference and current histograms, side by side on the same share scale. */
export function histogramsSpec(feature: string, bins: BinShares): Spec {
  const values = sharesData(bins, 'training reference', 'current');
  const panel = (source: string, color: string): Spec => ({
    title: source, width: 300, height: HEIGHT,
    transform: [{ filter: { field: 'source', equal: source } }],
    mark: { type: 'bar', color },
    encoding: {
      x: { field: 'bin', type: 'nominal', sort: { field: 'order' }, title: feature, axis: { labelAngle: -40 } },
      y: { field: 'share', type: 'quantitative', axis: { format: '%' }, title: 'share of rows', scale: { domain: [0, Math.max(0.01, ...bins.reference, ...bins.current)], nice: true } },
      tooltip: [{ field: 'bin' }, { field: 'share', format: '.1%' }],
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${feature}: training reference vs current`,
    data: { values },
    hconcat: [panel('training reference', '#64748b'), panel('current', '#ef4444')],
  };
}
