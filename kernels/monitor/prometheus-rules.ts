// The alert rules as Prometheus alerting rules (YAML) over the series of metric-names.ts, for a
// team to load into its own Prometheus next to the scorer it scrapes.
import { stringify } from 'yaml';
import type { AlertRules } from './alert-rules';
import { METRICS } from './metric-names';

export interface PrometheusRuleOptions {
  /** How long a drift or quality condition must hold before it fires (Prometheus `for`). */
  for?: string;
}

interface PromRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** A PromQL string literal. */
function quote(s: string): string {
  return JSON.stringify(s);
}

export function prometheusRules(modelName: string, rules: AlertRules, options: PrometheusRuleOptions = {}): string {
  const wait = options.for ?? '5m';
  const m = `model=${quote(modelName)}`;
  const series = (name: string) => `${name}{${m}}`;
  // Distribution rules need enough rows in the window to say anything.
  const enoughRows = (minRows: number) => ` and on (model) (${series(METRICS.windowRows)} >= ${minRows})`;
  const out: PromRule[] = [];
  const add = (rule: Omit<PromRule, 'labels'> & { severity: 'critical' | 'warning' }) => {
    const { severity, ...rest } = rule;
    out.push({ ...rest, labels: { severity, model: modelName } });
  };
  if (rules.noScores.enabled) {
    add({
      alert: 'TourneyNoScores', severity: 'critical',
      expr: `time() - max by (model) (${series(METRICS.lastPredictionTimestamp)}) > ${rules.noScores.hours * 3600}`,
      annotations: { summary: `No scores from ${modelName} for ${rules.noScores.hours} hours` },
    });
  }
  if (rules.scoreShift.enabled) {
    add({
      alert: 'TourneyScoreShift', severity: 'warning', for: wait,
      expr: `(${series(METRICS.scorePsi)} >= ${rules.scoreShift.psi})${enoughRows(rules.scoreShift.minRows)}`,
      annotations: { summary: `Score distribution of ${modelName} shifted (PSI {{ $value | printf "%.3f" }})` },
    });
  }
  if (rules.featureDrift.enabled) {
    add({
      alert: 'TourneyFeatureDrift', severity: 'warning', for: wait,
      expr: `(${series(METRICS.featureDriftDetected)} == 1)`
        + ` and on (model, feature) (${series(METRICS.featurePsi)} >= ${rules.featureDrift.minPsi})`
        + ` and on (model, feature) (${series(METRICS.featureImportance)} >= ${rules.featureDrift.minImportance})`
        + enoughRows(rules.featureDrift.minRows),
      annotations: { summary: `Input {{ $labels.feature }} of ${modelName} drifted` },
    });
  }
  if (rules.datasetDrift.enabled) {
    add({
      alert: 'TourneyDatasetDrift', severity: 'critical', for: wait,
      expr: `(${series(METRICS.datasetDriftShare)} >= ${rules.datasetDrift.share})${enoughRows(rules.datasetDrift.minRows)}`,
      annotations: { summary: `{{ $value | humanizePercentage }} of the inputs of ${modelName} drifted` },
    });
  }
  if (rules.invalidInputs.enabled) {
    const r = rules.invalidInputs;
    const quality: [string, string, number, string][] = [
      ['TourneyInputOutOfRange', METRICS.featureOutOfRangeRatio, r.outOfRangeShare, 'values outside the training range'],
      ['TourneyInputUnseenCategory', METRICS.featureUnseenRatio, r.unseenShare, 'categories never seen in training'],
      ['TourneyInputTypeErrors', METRICS.featureTypeErrorRatio, r.typeErrorShare, 'values of the wrong type'],
      ['TourneyInputMissingIncrease', METRICS.featureMissingIncrease, r.missingIncrease, 'more missing values than in training'],
    ];
    for (const [alert, metric, threshold, what] of quality) {
      add({
        alert, severity: 'warning', for: wait,
        expr: `${series(metric)} > ${threshold}`,
        annotations: { summary: `Input {{ $labels.feature }} of ${modelName}: {{ $value | humanizePercentage }} ${what}` },
      });
    }
  }
  if (rules.performance.enabled) {
    add({
      alert: 'TourneyPerformanceBelowBaseline', severity: 'critical',
      expr: `${series(METRICS.performanceRatio)} < ${1 - rules.performance.maxRelativeDrop}`,
      annotations: { summary: `{{ $labels.metric }} of ${modelName} is below its evaluation baseline (ratio {{ $value | printf "%.3f" }})` },
    });
  }
  return stringify({ groups: [{ name: `tourney-${modelName}`, rules: out }] }, { lineWidth: 0 });
}
