// The export checked by the real tool: Debian's promtool validates the YAML and PromQL, then
// replays series through the rules (promtool test rules) to show which alerts fire.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_ALERT_RULES, resolveAlertRules } from './alert-rules';
import { METRICS } from './metric-names';
import { prometheusRules } from './prometheus-rules';

const PROMTOOL = '/usr/bin/promtool';
const dir = mkdtempSync(join(tmpdir(), 'tourney-prom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function promtool(args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(PROMTOOL, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('prometheusRules', () => {
  it('needs Debian\'s promtool (apt-get install prometheus)', () => {
    expect(existsSync(PROMTOOL)).toBe(true);
  });

  it('passes promtool check rules, for a model name that needs quoting too', () => {
    for (const name of ['churn', 'odd "name" \\ here']) {
      const file = join(dir, 'rules.yml');
      writeFileSync(file, prometheusRules(name, DEFAULT_ALERT_RULES));
      const r = promtool(['check', 'rules', file]);
      expect(r.output).toMatch(/SUCCESS: 9 rules found/);
      expect(r.ok).toBe(true);
    }
  });

  it('leaves out disabled rules and uses the thresholds given', () => {
    const rules = resolveAlertRules({ invalidInputs: { enabled: false }, featureDrift: { minPsi: 0.2 } });
    const doc = parse(prometheusRules('churn', rules));
    const alerts = doc.groups[0].rules.map((r: { alert: string }) => r.alert);
    expect(alerts).toEqual(['TourneyNoScores', 'TourneyScoreShift', 'TourneyFeatureDrift', 'TourneyDatasetDrift', 'TourneyPerformanceBelowBaseline']);
    expect(doc.groups[0].rules[2].expr).toContain(`${METRICS.featurePsi}{model="churn"} >= 0.2`);
  });

  it('fires on replayed series exactly where the rules say (promtool test rules)', () => {
    writeFileSync(join(dir, 'churn.yml'), prometheusRules('churn', DEFAULT_ALERT_RULES, { for: '0m' }));
    const m = 'model="churn"';
    // One sample a minute for 3 hours; the last prediction was at t = 0, so "no scores" (2 h) fires at 150m.
    const test = {
      rule_files: ['churn.yml'],
      evaluation_interval: '1m',
      tests: [{
        interval: '1m',
        input_series: [
          { series: `${METRICS.lastPredictionTimestamp}{${m}}`, values: '0+0x180' },
          // 500 rows in the window for the first hour, then 20: too few for the drift rules
          { series: `${METRICS.windowRows}{${m}}`, values: '500x60 20x120' },
          { series: `${METRICS.featureDriftDetected}{${m},feature="tenure"}`, values: '1x180' },
          { series: `${METRICS.featurePsi}{${m},feature="tenure"}`, values: '0.4x180' },
          { series: `${METRICS.featureImportance}{${m},feature="tenure"}`, values: '0.2x180' },
          // drifted by the test but small and unimportant: must not page
          { series: `${METRICS.featureDriftDetected}{${m},feature="partner"}`, values: '1x180' },
          { series: `${METRICS.featurePsi}{${m},feature="partner"}`, values: '0.3x180' },
          { series: `${METRICS.featureImportance}{${m},feature="partner"}`, values: '0.01x180' },
          { series: `${METRICS.scorePsi}{${m}}`, values: '0.05x180' },
          { series: `${METRICS.featureOutOfRangeRatio}{${m},feature="tenure"}`, values: '0.2x180' },
          { series: `${METRICS.performanceRatio}{${m},metric="auroc"}`, values: '0.9x180' },
        ],
        alert_rule_test: [
          { eval_time: '30m', alertname: 'TourneyFeatureDrift', exp_alerts: [{ exp_labels: { severity: 'warning', model: 'churn', feature: 'tenure' }, exp_annotations: { summary: 'Input tenure of churn drifted' } }] },
          { eval_time: '90m', alertname: 'TourneyFeatureDrift', exp_alerts: [] },
          { eval_time: '30m', alertname: 'TourneyScoreShift', exp_alerts: [] },
          { eval_time: '30m', alertname: 'TourneyNoScores', exp_alerts: [] },
          { eval_time: '150m', alertname: 'TourneyNoScores', exp_alerts: [{ exp_labels: { severity: 'critical', model: 'churn' }, exp_annotations: { summary: 'No scores from churn for 2 hours' } }] },
          { eval_time: '30m', alertname: 'TourneyInputOutOfRange', exp_alerts: [{ exp_labels: { severity: 'warning', model: 'churn', feature: 'tenure' }, exp_annotations: { summary: 'Input tenure of churn: 20% values outside the training range' } }] },
          { eval_time: '30m', alertname: 'TourneyPerformanceBelowBaseline', exp_alerts: [{ exp_labels: { severity: 'critical', model: 'churn', metric: 'auroc' }, exp_annotations: { summary: 'auroc of churn is below its evaluation baseline (ratio 0.900)' } }] },
        ],
      }],
    };
    writeFileSync(join(dir, 'churn.test.yml'), JSON.stringify(test));
    const r = promtool(['test', 'rules', join(dir, 'churn.test.yml')]);
    expect(r.output).toMatch(/SUCCESS/);
    expect(r.ok).toBe(true);
  });
});
