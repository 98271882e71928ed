import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, evaluateAlerts, resolveAlertRules } from './alert-rules';
import { labelsFromTable } from './labels';
import { PredictionLogAggregator } from './log-aggregator';
import { monitorReport } from './monitor-report';
import { performanceOverTime } from './performance';
import { logLineToRecord, looksLikePredictionLog } from './prediction-log';
import { smallReference } from './testing/small-reference';
import type { DataTable } from '../table/types';

const reference = smallReference;

const line = (minute: number, id: string, model = { name: 'm', version: '1' }, p = 0.35) => JSON.stringify({
  time: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(), id, model, input: { x: minute % 100, c: 'a' },
  output: { prediction: p >= 0.5 ? 'yes' : 'no', probabilities: { no: 1 - p, yes: p } }, latencyMs: 4,
});

describe('prediction log aggregation', () => {
  it('counts corrupt lines by number, excludes other models and versions, and uses the rest', () => {
    const agg = new PredictionLogAggregator(reference, { expected: { name: 'm', version: '1' } });
    const lines = [
      line(0, 'a'), line(1, 'b'), line(2, 'c').slice(0, 40), '', 'garbage', line(3, 'd', { name: 'm', version: '2' }),
      line(4, 'e', { name: 'other', version: '1' }), JSON.stringify({ time: 'yesterday', input: {} }), line(5, 'f'),
    ];
    lines.forEach((l, i) => agg.addLine(l, i + 1));
    const r = agg.result();
    expect(r.summary.rows).toBe(3);
    expect(r.problems.lines).toBe(8);
    expect(r.problems.corrupt).toEqual({ count: 3, lines: [3, 5, 8], first: expect.stringMatching(/^line 3: not valid JSON/) });
    expect(r.problems.otherModels).toEqual({ count: 2, models: [{ model: 'm@2', count: 1 }, { model: 'other@1', count: 1 }] });
  });

  it('takes the most frequent version of a model known by name only', () => {
    const agg = new PredictionLogAggregator(reference, { expected: { name: 'm', version: '' } });
    [line(0, 'a', { name: 'm', version: '7' }), line(1, 'b', { name: 'm', version: '7' }), line(2, 'c', { name: 'm', version: '6' }), line(3, 'd', { name: 'z', version: '7' })]
      .forEach((l, i) => agg.addLine(l, i + 1));
    const r = agg.result();
    expect(r.model).toEqual({ name: 'm', version: '7' });
    expect(r.problems.otherModels.models).toEqual([{ model: 'm@6', count: 1 }, { model: 'z@7', count: 1 }]);
  });

  it('without an expected model takes the most frequent one', () => {
    const agg = new PredictionLogAggregator(reference);
    [line(0, 'a'), line(1, 'b', { name: 'z', version: '9' }), line(2, 'c')].forEach((l, i) => agg.addLine(l, i + 1));
    expect(agg.result().model).toEqual({ name: 'm', version: '1' });
  });

  it('windows by timestamp, not by arrival, and says how far the clock went back', () => {
    const agg = new PredictionLogAggregator(reference, { perHour: true });
    // Hours 0, 2, then a late line from hour 0, then hour 3.
    [line(10, 'a'), line(130, 'b'), line(20, 'c'), line(190, 'd')].forEach((l, i) => agg.addLine(l, i + 1));
    expect(agg.result().problems.outOfOrder).toEqual({ count: 1, maxBackSeconds: 110 * 60 });
    expect(agg.window(2)!.rows).toBe(2); // hours 2 and 3
    expect(agg.window(4)!.rows).toBe(4); // the late line lands in hour 0
  });

  it('joins labels by id: first label of a duplicate kept, labels for unknown ids counted', () => {
    const labelTable: DataTable = {
      name: 'labels', rowCount: 5,
      columns: [
        { name: 'id', type: 'categorical', storage: 'string', values: ['a', 'b', 'a', 'zz', null] },
        { name: 'outcome', type: 'categorical', storage: 'string', values: ['yes', 'no', 'no', 'yes', 'yes'] },
      ],
    };
    const labels = labelsFromTable(labelTable, 'churn', 'labels.csv');
    expect(labels.duplicates).toEqual({ count: 1, examples: ['a'] });
    expect(labels.incomplete).toBe(1);
    const agg = new PredictionLogAggregator(reference, { labels: labels.labels });
    [line(0, 'a', undefined, 0.8), line(1, 'b', undefined, 0.3), line(2, 'c')].forEach((l, i) => agg.addLine(l, i + 1));
    const r = agg.result();
    expect(r.labeled.map((l) => l.label)).toEqual(['yes', 'no']);
    expect(r.labelsWithoutRequest).toEqual({ count: 1, examples: ['zz'] });
    const perf = performanceOverTime(r.labeled, reference)!;
    expect(perf.overall.metrics.auroc).toBe(1);
    expect(perf.overall.metrics.accuracy).toBe(1);
    expect(perf.ratio).toBeCloseTo(1 / 0.9, 12);
    expect(perf.daily).toHaveLength(1);
  });
});

describe('logLineToRecord', () => {
  it('tells a prediction log from a data file by its first line, even cut short', () => {
    expect(looksLikePredictionLog(line(0, 'a'))).toBe(true);
    expect(looksLikePredictionLog(line(0, 'a').slice(0, 120))).toBe(true);
    expect(looksLikePredictionLog('id,churn')).toBe(false);
    expect(looksLikePredictionLog('{"id": 1, "tenure": 3}')).toBe(false);
  });

  it('maps the documented shape and names what is wrong', () => {
    expect(logLineToRecord({ time: '2026-01-01T00:00:00Z', id: 7, input: { a: 1 }, output: { prediction: 3 } })).toEqual({
      model: null, record: { time: Date.UTC(2026, 0, 1), id: '7', input: { a: 1 }, output: { prediction: 3 }, latencyMs: null },
    });
    expect(logLineToRecord([])).toBe('not a JSON object');
    expect(logLineToRecord({ time: '2026-01-01T00:00:00Z' })).toBe('"input" is missing or not an object');
    expect(logLineToRecord({ time: '2026-01-01T00:00:00Z', input: {}, output: { prediction: 1, probabilities: { a: 'x' } } })).toMatch(/probabilities/);
  });
});

describe('alert rules', () => {
  it('fires on performance below baseline only with enough labels', () => {
    const labeled = Array.from({ length: 300 }, (_, i) => ({ time: 0, label: i % 2 ? 'yes' : 'no', output: { prediction: 'no', probabilities: { no: 0.5, yes: (i % 3) / 3 } } }));
    const performance = performanceOverTime(labeled, reference)!;
    const agg = new PredictionLogAggregator(reference);
    agg.addLine(line(0, 'a'), 1);
    const { summary } = agg.result();
    const fired = evaluateAlerts(summary, reference, DEFAULT_ALERT_RULES, { now: summary.lastTime!, performance });
    expect(fired.map((a) => a.name)).toContain('performance');
    const lenient = resolveAlertRules({ performance: { minLabels: 1000 } });
    expect(evaluateAlerts(summary, reference, lenient, { now: summary.lastTime!, performance }).map((a) => a.name)).not.toContain('performance');
    expect(monitorReport(summary, reference, performance).performance!.overall.rows).toBe(300);
  });

  it('rejects unknown rules, settings and bad values with a sentence', () => {
    expect(() => resolveAlertRules({ nope: {} })).toThrow(/unknown alert rule "nope"/);
    expect(() => resolveAlertRules({ noScores: { hour: 3 } })).toThrow(/unknown setting "noScores.hour"/);
    expect(() => resolveAlertRules({ noScores: { hours: -1 } })).toThrow(/"noScores.hours" must be a number ≥ 0/);
    expect(resolveAlertRules({ noScores: { hours: 6 } }).noScores).toEqual({ enabled: true, hours: 6 });
  });
});
