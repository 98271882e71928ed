// Vega-Lite specs (plain JSON) for the tournament's charts: the leaderboard, ROC, precision–
// recall, cumulative gains, lift by decile, reliability (calibration), confusion matrix, residuals, and
// importance by raw column or derived feature. The renderer embeds them as they are; the data
// is inlined so a spec is self-contained (and can be saved with a report).
import type { LeaderboardEntry } from './run-tournament';
import type { TournamentInsights } from './insights';

export type VegaLiteSpec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const SIZE = { width: 320, height: 260 };

function curve(title: string, points: { x: number[]; y: number[] }, x: string, y: string, diagonal: 'rising' | null): VegaLiteSpec {
  const values = points.x.map((v, i) => ({ [x]: v, [y]: points.y[i] }));
  const line = {
    mark: { type: 'line', interpolate: 'linear' },
    encoding: {
      x: { field: x, type: 'quantitative', scale: { domain: [0, 1] } },
      y: { field: y, type: 'quantitative', scale: { domain: [0, 1] } },
    },
  };
  const layers: VegaLiteSpec[] = [{ data: { values }, ...line }];
  if (diagonal) {
    layers.push({
      data: { values: [{ [x]: 0, [y]: 0 }, { [x]: 1, [y]: 1 }] },
      mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
      encoding: { x: { field: x, type: 'quantitative' }, y: { field: y, type: 'quantitative' } },
    });
  }
  return { $schema: SCHEMA, title, ...SIZE, layer: layers };
}

export function leaderboardChart(entries: readonly LeaderboardEntry[], metric: string): VegaLiteSpec {
  const values = entries.map((e, rank) => ({ candidate: `${rank + 1}. ${e.model}${e.id >= 0 ? ` #${e.id}` : ''}`, model: e.model, score: e.cvScore }));
  return {
    $schema: SCHEMA,
    title: `Leaderboard (cross-validated ${metric})`,
    width: 320,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'candidate', type: 'nominal', sort: null, title: null },
      x: { field: 'score', type: 'quantitative', title: metric, scale: { zero: false } },
      color: { field: 'model', type: 'nominal' },
      tooltip: [{ field: 'candidate' }, { field: 'score', format: '.4f' }],
    },
  };
}

export function importanceChart(insights: TournamentInsights, by: 'column' | 'feature', top = 15): VegaLiteSpec {
  const values = by === 'column'
    ? insights.importance.byColumn.slice(0, top).map((c) => ({ name: c.column, importance: c.importance }))
    : insights.importance.byFeature.slice(0, top).map((f) => ({ name: f.feature, importance: f.importance }));
  return {
    $schema: SCHEMA,
    title: by === 'column' ? 'Importance by raw column' : 'Importance by derived feature',
    width: 320,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'name', type: 'nominal', sort: '-x', title: null },
      x: { field: 'importance', type: 'quantitative' },
    },
  };
}

/** Every chart the insights support, by name. */
export function insightCharts(insights: TournamentInsights): Record<string, VegaLiteSpec> {
  const charts: Record<string, VegaLiteSpec> = {
    importanceByColumn: importanceChart(insights, 'column'),
    importanceByFeature: importanceChart(insights, 'feature'),
  };
  const on = insights.evaluatedOn === 'test' ? 'test rows' : 'out of fold';
  if (insights.roc) charts.roc = curve(`ROC (${on})`, insights.roc, 'false positive rate', 'true positive rate', 'rising');
  if (insights.pr) charts.pr = curve(`Precision–recall (${on})`, insights.pr, 'recall', 'precision', null);
  if (insights.gains) charts.gains = curve(`Cumulative gains (${on})`, insights.gains, 'share of rows', 'share of positives', 'rising');
  if (insights.lift) {
    charts.lift = {
      $schema: SCHEMA,
      title: `Lift by decile (${on})`,
      ...SIZE,
      layer: [
        {
          data: { values: insights.lift.map((b) => ({ decile: b.bin, lift: b.lift, rate: b.rate, rows: b.count })) },
          mark: 'bar',
          encoding: {
            x: { field: 'decile', type: 'ordinal', title: 'decile (1 = highest scores)' },
            y: { field: 'lift', type: 'quantitative' },
            tooltip: [{ field: 'rows' }, { field: 'rate', format: '.3f' }, { field: 'lift', format: '.2f' }],
          },
        },
        { data: { values: [{ lift: 1 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#999' }, encoding: { y: { field: 'lift', type: 'quantitative' } } },
      ],
    };
  }
  if (insights.reliability) {
    const values = [
      ...(insights.reliability.before ?? []).map((b) => ({ predicted: b.meanPredicted, observed: b.fractionPositive, rows: b.count, series: 'before calibration' })),
      ...insights.reliability.after.map((b) => ({ predicted: b.meanPredicted, observed: b.fractionPositive, rows: b.count, series: insights.reliability!.before ? 'after calibration' : 'model' })),
    ];
    charts.reliability = {
      $schema: SCHEMA,
      title: 'Reliability',
      ...SIZE,
      layer: [
        {
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'predicted', type: 'quantitative', scale: { domain: [0, 1] }, title: 'mean predicted probability' },
            y: { field: 'observed', type: 'quantitative', scale: { domain: [0, 1] }, title: 'observed frequency' },
            color: { field: 'series', type: 'nominal' },
            tooltip: [{ field: 'rows' }],
          },
        },
        {
          data: { values: [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }] },
          mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
          encoding: { x: { field: 'predicted', type: 'quantitative' }, y: { field: 'observed', type: 'quantitative' } },
        },
      ],
    };
  }
  if (insights.confusion) {
    const { classes, matrix } = insights.confusion;
    const values = matrix.flatMap((row, i) => row.map((count, j) => ({ actual: classes[i] ?? String(i), predicted: classes[j] ?? String(j), count })));
    charts.confusion = {
      $schema: SCHEMA,
      title: `Confusion matrix (${on})`,
      data: { values },
      encoding: {
        x: { field: 'predicted', type: 'nominal', sort: classes },
        y: { field: 'actual', type: 'nominal', sort: classes },
      },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues' } } } },
        { mark: { type: 'text' }, encoding: { text: { field: 'count', type: 'quantitative' } } },
      ],
    };
  }
  if (insights.residuals) {
    const r = insights.residuals;
    charts.residuals = {
      $schema: SCHEMA,
      title: `Residuals (${on})`,
      ...SIZE,
      data: { values: r.predicted.map((p, i) => ({ predicted: p, residual: r.residual[i] })) },
      mark: { type: 'point', opacity: 0.5 },
      encoding: { x: { field: 'predicted', type: 'quantitative' }, y: { field: 'residual', type: 'quantitative' } },
    };
    charts.residualHistogram = {
      $schema: SCHEMA,
      title: 'Residual distribution',
      ...SIZE,
      data: { values: r.histogram },
      mark: 'bar',
      encoding: {
        x: { field: 'lower', type: 'quantitative', bin: { binned: true }, title: 'residual' },
        x2: { field: 'upper' },
        y: { field: 'count', type: 'quantitative' },
      },
    };
  }
  return charts;
}
