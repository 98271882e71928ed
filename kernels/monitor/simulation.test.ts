// Simulation against real parts: a GBDT fitted on telco churn, its prediction log written as
// NDJSON and read back line by line, per-hour summaries merged into windows. A stable stream of
// held-out rows raises nothing; drift injected into two columns raises drift alerts on exactly
// those two; a gap of hours raises "no scores". And 20 streams drawn from the training
// distribution itself raise nothing, in both regimes (tests up to 1,000 rows, distances above).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DataTable, NumericColumn, StringColumn } from '../table/types';
import { createRandom, TOURNAMENT_STREAM } from '../random/random';
import { alertsForReport, DEFAULT_ALERT_RULES, evaluateAlerts, type Alert } from './alert-rules';
import { PredictionLogAggregator } from './log-aggregator';
import { monitorReport } from './monitor-report';
import { summarize } from './summary';
import { logLines, MODEL, sampleRows, telcoFixture, type TelcoFixture } from './testing/telco-fixture';
import { parseLogLine } from './prediction-log';
import { exposition, gaugesFromReport } from './gauges';
import { prometheusRules } from './prometheus-rules';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 1, 0, 0);
let fx: TelcoFixture;
beforeAll(async () => {
  fx = await telcoFixture(readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'telco_churn.csv')));
});

/** Drift: tenure from long-standing customers only (still within the training range), and 85% fibre. */
function injectDrift(table: DataTable, seed: number): DataTable {
  const random = createRandom(seed, TOURNAMENT_STREAM);
  const trainTenure = (fx.train.columns.find((c) => c.name === 'tenure') as NumericColumn).values.filter((v) => v >= 48);
  const columns = table.columns.map((c) => {
    if (c.name === 'tenure') return { ...c, values: Float64Array.from(c.values as Float64Array, () => trainTenure[Math.floor(random() * trainTenure.length)]) } as NumericColumn;
    if (c.name === 'internet_service') return { ...c, values: (c as StringColumn).values.map((v) => (random() < 0.85 ? 'Fiber optic' : v)) } as StringColumn;
    return c;
  });
  return { ...table, columns };
}

const names = (alerts: Alert[]) => alerts.map((a) => (a.feature ? `${a.name}:${a.feature}` : a.name)).sort();

describe('simulation: stable, then drift in two columns, then silence', () => {
  it('raises exactly the expected alerts at each stage', () => {
    const random = createRandom(5, TOURNAMENT_STREAM);
    const perHour = 200;
    const stable = logLines(fx, sampleRows(fx.stream, 6 * perHour, random), START, perHour, 's');
    const drifted = logLines(fx, injectDrift(sampleRows(fx.stream, 6 * perHour, random), 9), START + 6 * HOUR, perHour, 'd');
    const aggregator = new PredictionLogAggregator(fx.reference, { expected: MODEL, perHour: true });
    const rules = DEFAULT_ALERT_RULES;

    stable.forEach((line, i) => aggregator.addLine(line, i + 1));
    const stableEnd = START + 6 * HOUR;
    for (const hours of [6, 4]) {
      // 1,200 rows (distances) and 800 rows (tests)
      const window = aggregator.window(hours)!;
      expect(window.rows).toBe(hours * perHour);
      expect(names(evaluateAlerts(window, fx.reference, rules, { now: stableEnd }))).toEqual([]);
    }

    drifted.forEach((line, i) => aggregator.addLine(line, stable.length + i + 1));
    const driftEnd = START + 12 * HOUR;
    for (const hours of [6, 4]) {
      const window = aggregator.window(hours)!;
      const alerts = evaluateAlerts(window, fx.reference, rules, { now: driftEnd });
      const drift = alerts.filter((a) => a.name === 'feature-drift').map((a) => a.feature).sort();
      expect(drift).toEqual(['internet_service', 'tenure']);
      // Longer tenure and more fibre move the scores: that shift is real, and the only other alert.
      expect(names(alerts).filter((n) => !n.startsWith('feature-drift'))).toEqual(names(alerts).filter((n) => n === 'score-shift'));
      const report = monitorReport(window, fx.reference);
      expect(report.datasetDrift.detected).toBe(false);
      if (hours === 6) {
        // Above 1,000 rows the distances decide: no column drifts by chance.
        expect(report.features.filter((f) => f.drift?.drifted).map((f) => f.name).sort()).toEqual(['internet_service', 'tenure']);
        expect(report.features.find((f) => f.name === 'tenure')!.drift!.method).toBe('wasserstein');
      } else {
        expect(report.features.find((f) => f.name === 'tenure')!.drift!.method).toBe('ks');
      }
    }

    // Then nothing for three hours: "no scores" fires (and only the drift of the last window stays).
    const silent = evaluateAlerts(aggregator.window(6)!, fx.reference, rules, { now: driftEnd + 3 * HOUR });
    expect(silent.filter((a) => a.name === 'no-scores')).toHaveLength(1);
    expect(evaluateAlerts(aggregator.window(6)!, fx.reference, rules, { now: driftEnd + HOUR }).some((a) => a.name === 'no-scores')).toBe(false);
    const { problems } = aggregator.result();
    expect(problems).toMatchObject({ lines: 2400, corrupt: { count: 0 }, otherModels: { count: 0 }, outOfOrder: { count: 0 } });
  });
});

describe('false alarms', () => {
  it('raises no alert on 20 streams drawn from the training distribution itself (40 to 9,200 rows)', () => {
    const random = createRandom(21, TOURNAMENT_STREAM);
    const fired: string[] = [];
    for (let k = 0; k < 20; k++) {
      // Two small windows (below the rules' 100 rows), the test regime (≤ 1,000 rows), the distance regime.
      const rows = k < 2 ? 40 + 40 * k : k < 10 ? 300 + 90 * (k - 2) : 2000 + 800 * (k - 10);
      const lines = logLines(fx, sampleRows(fx.train, rows, random), START, 500);
      const summary = summarize(fx.reference, lines.map((l) => (parseLogLine(l) as Exclude<ReturnType<typeof parseLogLine>, string>).record));
      const alerts = evaluateAlerts(summary, fx.reference, DEFAULT_ALERT_RULES, { now: summary.lastTime! });
      fired.push(...names(alerts).map((n) => `stream ${k} (${rows} rows): ${n}`));
    }
    expect(fired).toEqual([]);
  });
});

describe('the same drift in Prometheus', () => {
  it('fires the same alerts from the exported gauges and rules as evaluateAlerts does (promtool test rules)', () => {
    const random = createRandom(8, TOURNAMENT_STREAM);
    const aggregator = new PredictionLogAggregator(fx.reference, { perHour: true });
    logLines(fx, injectDrift(sampleRows(fx.stream, 1200, random), 4), START, 200).forEach((l, i) => aggregator.addLine(l, i + 1));
    const window = aggregator.window(6)!;
    const report = monitorReport(window, fx.reference);
    const alerts = alertsForReport(report, window, DEFAULT_ALERT_RULES, window.lastTime!);
    const gauges = gaugesFromReport('churn', report);
    const dir = mkdtempSync(join(tmpdir(), 'tourney-sim-prom-'));
    try {
      // The exposition text passes promtool's own format check.
      execFileSync('/usr/bin/promtool', ['check', 'metrics'], { input: exposition(gauges), encoding: 'utf8' });
      writeFileSync(join(dir, 'rules.yml'), prometheusRules('churn', DEFAULT_ALERT_RULES, { for: '0m' }));
      const labelText = (l: Record<string, string>) => Object.entries(l).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',');
      const drifted = alerts.filter((a) => a.name === 'feature-drift').map((a) => a.feature!);
      expect(drifted.sort()).toEqual(['internet_service', 'tenure']);
      const scoreShift = alerts.find((a) => a.name === 'score-shift');
      const test = {
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [{
          interval: '1m',
          input_series: gauges.filter((g) => g.name !== 'tourney_last_prediction_timestamp_seconds')
            .map((g) => ({ series: `${g.name}{${labelText(g.labels)}}`, values: `${g.value}x30` })),
          alert_rule_test: [
            {
              eval_time: '10m', alertname: 'TourneyFeatureDrift',
              exp_alerts: drifted.map((feature) => ({ exp_labels: { severity: 'warning', model: 'churn', feature }, exp_annotations: { summary: `Input ${feature} of churn drifted` } })),
            },
            {
              eval_time: '10m', alertname: 'TourneyScoreShift',
              exp_alerts: scoreShift ? [{ exp_labels: { severity: 'warning', model: 'churn' }, exp_annotations: { summary: `Score distribution of churn shifted (PSI ${scoreShift.value.toFixed(3)})` } }] : [],
            },
            { eval_time: '10m', alertname: 'TourneyDatasetDrift', exp_alerts: [] },
            { eval_time: '10m', alertname: 'TourneyInputOutOfRange', exp_alerts: [] },
            { eval_time: '10m', alertname: 'TourneyInputUnseenCategory', exp_alerts: [] },
          ],
        }],
      };
      writeFileSync(join(dir, 'test.yml'), JSON.stringify(test));
      const out = execFileSync('/usr/bin/promtool', ['test', 'rules', join(dir, 'test.yml')], { encoding: 'utf8' });
      expect(out).toMatch(/SUCCESS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
