// Vega-lite specs for the AutoML view, built from the tournament's insights: best-so-far curve,
// ROC, precision–recall, gains, reliability, confusion matrix, residuals, importance and a
// what-if row's contributions. Plain data in, plain spec out (drawn by cells/VegaChart).
import type { TournamentInsights } from '../../kernels/tournament/insights';
import type { Contribution } from '../../workers/automl/automl-service';

type Spec = Record<string, unknown>;

const SMALL = { width: 'container', height: 220 } as const;

function points(x: number[], y: number[]): { x: number; y: number }[] {
  return x.map((v, i) => ({ x: v, y: y[i] }));
}

/** Best cross-validated score so far against elapsed seconds; each finished candidate a dot. */
export function bestSoFarSpec(finished: { seconds: number; score: number; best: number; model: string }[], metric: string): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `Best ${metric} so far`,
    ...SMALL,
    height: 160,
    data: { values: finished },
    layer: [
      { mark: { type: 'point', filled: true, size: 30, opacity: 0.45 }, encoding: { x: { field: 'seconds', type: 'quantitative', title: 'seconds' }, y: { field: 'score', type: 'quantitative', title: metric, scale: { zero: false }, axis: { format: '.3~f', tickCount: 5 } }, color: { field: 'model', type: 'nominal', title: 'family' } } },
      { mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2, color: '#111827' }, encoding: { x: { field: 'seconds', type: 'quantitative' }, y: { field: 'best', type: 'quantitative' } } },
    ],
  };
}

function curveSpec(title: string, values: { x: number; y: number }[], xTitle: string, yTitle: string, diagonal: boolean): Spec {
  const line = { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: { field: 'x', type: 'quantitative', title: xTitle, scale: { domain: [0, 1] } }, y: { field: 'y', type: 'quantitative', title: yTitle, scale: { domain: [0, 1] } } } };
  const layers: Spec[] = [{ data: { values }, ...line }];
  if (diagonal) {
    layers.unshift({
      data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
      mark: { type: 'line', strokeDash: [4, 4], color: '#9aa1ab' },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
  }
  return { $schema: 'https://vega.github.io/schema/vega-lite/v5.json', title, ...SMALL, layer: layers };
}

export function rocSpec(roc: NonNullable<TournamentInsights['roc']>): Spec {
  return curveSpec('ROC', points(roc.x, roc.y), 'false positive rate', 'true positive rate', true);
}

export function prSpec(pr: NonNullable<TournamentInsights['pr']>): Spec {
  return curveSpec('Precision–recall', points(pr.x, pr.y), 'recall', 'precision', false);
}

export function gainsSpec(gains: NonNullable<TournamentInsights['gains']>): Spec {
  return curveSpec('Cumulative gains', points(gains.x, gains.y), 'share of rows contacted (by score)', 'share of positives found', true);
}

export function reliabilitySpec(reliability: NonNullable<TournamentInsights['reliability']>): Spec {
  const rows: { predicted: number; observed: number; stage: string }[] = [];
  const add = (bins: typeof reliability.after | undefined, stage: string) => {
    for (const b of bins ?? []) {
      if (b.count > 0 && Number.isFinite(b.meanPredicted) && Number.isFinite(b.fractionPositive)) rows.push({ predicted: b.meanPredicted, observed: b.fractionPositive, stage });
    }
  };
  add(reliability.before, 'before calibration');
  add(reliability.after, reliability.before ? 'after calibration' : 'shipped');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Calibration (reliability)',
    ...SMALL,
    layer: [
      { data: { values: [{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#9aa1ab' }, encoding: { x: { field: 'predicted', type: 'quantitative' }, y: { field: 'observed', type: 'quantitative' } } },
      {
        data: { values: rows },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x: { field: 'predicted', type: 'quantitative', title: 'mean predicted probability', scale: { domain: [0, 1] } },
          y: { field: 'observed', type: 'quantitative', title: 'observed rate', scale: { domain: [0, 1] } },
          color: { field: 'stage', type: 'nominal', title: null, legend: { orient: 'bottom-right' } },
        },
      },
    ],
  };
}

export function confusionSpec(confusion: NonNullable<TournamentInsights['confusion']>): Spec {
  const values: { actual: string; predicted: string; count: number }[] = [];
  confusion.matrix.forEach((row, i) => row.forEach((count, j) => values.push({ actual: confusion.classes[i], predicted: confusion.classes[j], count })));
  const { side, fontSize, format } = confusionLayout(confusion.classes.length, Math.max(0, ...confusion.matrix.flat()));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Confusion matrix',
    width: side,
    height: side,
    // Its own size (not fitted to the card): squeezing the plot is what spilled the numbers.
    autosize: { type: 'pad' },
    data: { values },
    encoding: {
      x: { field: 'predicted', type: 'nominal', title: 'predicted', sort: confusion.classes, axis: { labelLimit: 90, labelAngle: -40 } },
      y: { field: 'actual', type: 'nominal', title: 'actual', sort: confusion.classes, axis: { labelLimit: 110 } },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues' }, legend: null }, tooltip: [{ field: 'actual' }, { field: 'predicted' }, { field: 'count', type: 'quantitative' }] } },
      { mark: { type: 'text', fontSize }, encoding: { text: { field: 'count', type: 'quantitative', format }, color: { value: '#111827' } } },
    ],
  };
}

/** Digits of a sans-serif font are about this share of the font size wide. */
const DIGIT_WIDTH_EM = 0.6;

/**
 * The confusion matrix's plot side, label size and number format: cells of at least 34 px (up to a
 * 420 px plot), counts of 10,000 and more shortened (12k), and a font small enough for the widest
 * count to fit its cell with room to spare.
 */
export function confusionLayout(classes: number, maxCount: number): { side: number; fontSize: number; format: string } {
  const side = Math.max(140, Math.min(420, 34 * classes));
  const cell = side / Math.max(1, classes);
  const format = maxCount >= 10_000 ? '.2~s' : 'd';
  const chars = format === 'd' ? String(Math.round(maxCount)).length : 4;
  const fontSize = Math.max(6, Math.min(12, Math.floor((cell - 6) / (DIGIT_WIDTH_EM * chars))));
  return { side, fontSize, format };
}

export function residualsSpec(residuals: NonNullable<TournamentInsights['residuals']>): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Residuals vs predicted',
    ...SMALL,
    data: { values: points(residuals.predicted, residuals.residual) },
    layer: [
      { mark: { type: 'point', opacity: 0.4, size: 14, filled: true }, encoding: { x: { field: 'x', type: 'quantitative', title: 'predicted', scale: { zero: false } }, y: { field: 'y', type: 'quantitative', title: 'actual − predicted' } } },
      { data: { values: [{ y: 0 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#9aa1ab' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  };
}

export function residualHistogramSpec(residuals: NonNullable<TournamentInsights['residuals']>): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Residual distribution',
    ...SMALL,
    data: { values: residuals.histogram },
    mark: 'bar',
    encoding: {
      x: { field: 'lower', type: 'quantitative', bin: { binned: true }, title: 'actual − predicted' },
      x2: { field: 'upper' },
      y: { field: 'count', type: 'quantitative', title: 'rows' },
    },
  };
}

/** Horizontal bars, largest first, at most `limit`. */
export function importanceSpec(title: string, rows: { name: string; value: number }[], limit = 15): Spec {
  const top = [...rows].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)).slice(0, limit);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    width: 'container',
    height: { step: 18 },
    data: { values: top },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 220 } },
      x: { field: 'value', type: 'quantitative', title: 'share of importance', axis: { format: '.0%' } },
      tooltip: [{ field: 'name', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.1%' }],
    },
  };
}

/** Signed contributions of one row: green pushes towards the prediction's scale, red away. */
export function contributionSpec(title: string, rows: Contribution[], scale: string): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    width: 'container',
    height: { step: 20 },
    data: { values: rows.map((r) => ({ ...r, direction: r.value >= 0 ? 'raises' : 'lowers' })) },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: { field: 'value', op: 'max', order: 'descending' }, title: null, axis: { labelLimit: 220 } },
      x: { field: 'value', type: 'quantitative', title: `contribution to ${scale}` },
      color: { field: 'direction', type: 'nominal', title: null, scale: { domain: ['raises', 'lowers'], range: ['#2f9e44', '#c92a2a'] }, legend: { orient: 'bottom' } },
      tooltip: [{ field: 'name', type: 'nominal' }, { field: 'value', type: 'quantitative', format: '.3f' }],
    },
  };
}

/** Lift per score decile: the decile's positive rate over the overall rate (1 = no better than random). */
export function liftSpec(lift: NonNullable<TournamentInsights['lift']>): Spec {
  const values = lift.map((b) => ({ decile: b.bin, lift: b.lift }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Lift by score decile',
    ...SMALL,
    layer: [
      { data: { values }, mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { x: { field: 'decile', type: 'ordinal', title: 'score decile (1 = highest scores)' }, y: { field: 'lift', type: 'quantitative', title: 'lift' } } },
      { data: { values: [{ lift: 1 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#9aa1ab' }, encoding: { y: { field: 'lift', type: 'quantitative' } } },
    ],
  };
}
