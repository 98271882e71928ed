// /metrics in Prometheus text format (prom-client). Every label set is bounded: routes are the
// API's own paths (anything else is "other"), codes are HTTP statuses, classes and columns come
// from the model, never from request data.
import { Counter, Registry, collectDefaultMetrics, exponentialBuckets, linearBuckets } from 'prom-client';
import type { InputStats } from '../input-table';
import { BulkHistogram, LabelledHistogram, RouteCodeCounter } from './bulk-histogram';
import type { ScorerModel } from '../load-model';

export const ROUTES = ['/v1/predict', '/v1/model', '/v1/monitoring', '/healthz', '/readyz', '/metrics', '/openapi.json'] as const;

export interface ScorerMetrics {
  registry: Registry;
  /** One finished request. */
  request(route: string, code: number, seconds: number): void;
  /** What one scored batch looked like, and what it predicted. */
  scored(stats: InputStats, predictedClass: Uint32Array | null, scores: Float64Array): void;
}

export function routeLabel(path: string): string {
  return (ROUTES as readonly string[]).includes(path) ? path : 'other';
}

export function createMetrics(model: ScorerModel): ScorerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ model: model.name, version: model.version });
  collectDefaultMetrics({ register: registry, prefix: 'tourney_scorer_' });
  const registers = [registry];
  const request = requestMetrics(registry);
  const rows = new Counter({ name: 'tourney_rows_scored_total', help: 'Rows scored', registers });
  const missing = new Counter({ name: 'tourney_rows_missing_inputs_total', help: 'Scored rows with at least one missing input (scored as missing, as at training time)', registers });
  const outOfRange = new Counter({ name: 'tourney_rows_out_of_range_total', help: 'Scored rows with a number outside the training range (counted only when the model has a reference profile)', registers });
  const unknown = new Counter({ name: 'tourney_unknown_fields_total', help: 'Input fields the model does not read (ignored)', registers });
  const unseen = new Counter({ name: 'tourney_unseen_categories_total', help: 'Text values not among the categories the model knows, by input column', labelNames: ['column'], registers });
  const classes = model.task === 'regression' ? null : model.classes ?? [];
  const predictions = classes ? new Counter({ name: 'tourney_predictions_total', help: 'Predicted class counts', labelNames: ['class'], registers }) : null;
  // Regression has no classes: predictions are counted without the label.
  const values = classes ? null : new Counter({ name: 'tourney_predictions_total', help: 'Predictions made', registers });
  const scoreHelp = model.task === 'binary' ? `Probability of the positive class (${model.positiveClass ?? classes?.[1]})`
    : model.task === 'multiclass' ? 'Probability of the predicted class' : 'Predicted value';
  const score = new BulkHistogram('tourney_prediction_score', scoreHelp, scoreBuckets(model), registry);
  // One observation per model run: how many rows the micro-batcher joined (scorer/server/score-batcher.ts).
  const batchRows = new BulkHistogram('tourney_batch_rows', 'Rows per model run (the requests of one event-loop turn are scored together)', exponentialBuckets(1, 2, 11), registry);
  return {
    registry,
    request,
    scored(stats, predictedClass, scores) {
      rows.inc(stats.rows);
      if (stats.rowsWithMissing) missing.inc(stats.rowsWithMissing);
      if (stats.rowsOutOfRange) outOfRange.inc(stats.rowsOutOfRange);
      if (stats.unknownFields) unknown.inc(stats.unknownFields);
      for (const [column, n] of stats.unseen) unseen.inc({ column }, n);
      if (predictions && classes && predictedClass) {
        const counts = new Uint32Array(classes.length);
        for (let i = 0; i < predictedClass.length; i++) counts[predictedClass[i]]++;
        counts.forEach((n, c) => { if (n) predictions.inc({ class: classes[c] }, n); });
      }
      values?.inc(stats.rows);
      score.observeMany(scores);
      batchRows.observe(stats.rows);
    },
  };
}

/**
 * Requests, errors and latency by route and status code: the same series in the single-model and
 * the multi-model (scorer/fleet) scorer, so one dashboard reads both.
 */
export function requestMetrics(registry: Registry): (route: string, code: number, seconds: number) => void {
  // Per request: hand-made (bulk-histogram.ts), so the hot path pays a few map lookups.
  const requests = new RouteCodeCounter('tourney_http_requests_total', 'HTTP requests by route and status code', registry);
  const errors = new RouteCodeCounter('tourney_http_request_errors_total', 'HTTP requests answered 4xx or 5xx, by route and status code', registry);
  const latency = new LabelledHistogram('tourney_http_request_duration_seconds', 'Time from request start to the last byte of the response', 'route',
    [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registry);
  return (route, code, seconds) => {
    requests.inc(route, code);
    if (code >= 400) errors.inc(route, code);
    latency.observe(route, seconds);
  };
}

/** Probabilities in tenths; regression values over the training target range when known. */
function scoreBuckets(model: ScorerModel): number[] {
  return rawScoreBuckets(model).map((b) => Number(b.toPrecision(12)));
}

function rawScoreBuckets(model: ScorerModel): number[] {
  if (model.task !== 'regression') return linearBuckets(0.1, 0.1, 9);
  const target = model.profile?.columns?.find((c) => c.name === model.target);
  if (target && typeof target.min === 'number' && typeof target.max === 'number' && target.max > target.min) {
    return linearBuckets(target.min, (target.max - target.min) / 10, 11);
  }
  return exponentialBuckets(1, 4, 16);
}
