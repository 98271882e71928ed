// Model monitoring: reference profiles, mergeable summaries, drift and quality reports, alert
// rules with their Prometheus export, and prediction-log reading. Pure: no I/O.
export { buildReferenceProfile, REFERENCE_FORMAT, PROBABILITY_EDGES } from './reference-profile';
export type { ReferenceProfile, ReferenceInput, FeatureProfile, FeatureKind, NumericProfile, CategoricalProfile } from './reference-profile';
export { SummaryBuilder, emptySummary, mergeSummaries, summarize, LATENCY_BUCKETS_MS } from './summary';
export type { MonitorSummary, FeatureCounts } from './summary';
export type { MonitorRecord } from './monitor-record';
export { monitorReport, DATASET_DRIFT_SHARE } from './monitor-report';
export type { MonitorReport, FeatureReport, FeatureQuality } from './monitor-report';
export { numericDrift, categoricalDrift, SMALL_WINDOW_ROWS, P_VALUE_THRESHOLD, DISTANCE_THRESHOLD } from './feature-drift';
export type { DriftResult, DriftMethod, BinShares } from './feature-drift';
export { populationStabilityIndex, psiBand, kolmogorovSmirnov, chiSquaredTest, jensenShannonDistance, wassersteinBinned } from './drift-statistics';
export { performanceOverTime } from './performance';
export type { PerformanceReport, LabeledOutput } from './performance';
export { DEFAULT_ALERT_RULES, resolveAlertRules, evaluateAlerts, alertsForReport } from './alert-rules';
export type { Alert, AlertRules, AlertName } from './alert-rules';
export { prometheusRules } from './prometheus-rules';
export { METRICS } from './metric-names';
export { gaugesFromReport, exposition } from './gauges';
export type { GaugeSample } from './gauges';
export { logLineToRecord, parseLogLine, looksLikePredictionLog, modelKey } from './prediction-log';
export type { LogModel, LogLine } from './prediction-log';
export { PredictionLogAggregator } from './log-aggregator';
export type { LogProblems, AggregateResult } from './log-aggregator';
export { labelsFromTable } from './labels';
export type { Labels } from './labels';
