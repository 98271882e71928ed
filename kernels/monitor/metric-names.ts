// The Prometheus series monitoring is expressed in: the scorer exports exactly these (gauges
// over its sliding window, labelled per model and per input column — never per value or per
// request, so cardinality stays bounded), and prometheusRules() alerts on them.

export const METRICS = {
  /** counter {model, version}: predictions answered. */
  predictionsTotal: 'tourney_predictions_total',
  /** gauge {model}: epoch seconds of the latest prediction. */
  lastPredictionTimestamp: 'tourney_last_prediction_timestamp_seconds',
  /** gauge {model}: requests in the monitoring window the other gauges describe. */
  windowRows: 'tourney_monitoring_window_rows',
  /** gauge {model, feature}: PSI of the column over the window against the reference. */
  featurePsi: 'tourney_feature_psi',
  /** gauge {model, feature}: the Evidently-style test's statistic (KS D, χ², normed Wasserstein, JS distance). */
  featureDriftScore: 'tourney_feature_drift_score',
  /** gauge {model, feature}: 1 when that test says the column drifted, else 0. */
  featureDriftDetected: 'tourney_feature_drift_detected',
  /** gauge {model, feature}: the column's share of the model's importance (sums to 1). */
  featureImportance: 'tourney_feature_importance',
  /** gauge {model, feature}: share of the window's rows with a number outside the reference range. */
  featureOutOfRangeRatio: 'tourney_feature_out_of_range_ratio',
  /** gauge {model, feature}: share of rows with a category never seen in training. */
  featureUnseenRatio: 'tourney_feature_unseen_ratio',
  /** gauge {model, feature}: share of rows whose value has the wrong type. */
  featureTypeErrorRatio: 'tourney_feature_type_error_ratio',
  /** gauge {model, feature}: missing share now minus missing share in the reference. */
  featureMissingIncrease: 'tourney_feature_missing_increase',
  /** gauge {model}: PSI of the score distribution against the evaluation scores. */
  scorePsi: 'tourney_score_psi',
  /** gauge {model}: share of compared columns that drifted. */
  datasetDriftShare: 'tourney_dataset_drift_share',
  /** gauge {model, metric}: the baseline metric now ÷ at evaluation, oriented so below 1 is worse. */
  performanceRatio: 'tourney_model_performance_ratio',
  /** histogram {model}: request latency. */
  latencySeconds: 'tourney_prediction_latency_seconds',
} as const;

export type MetricKey = keyof typeof METRICS;
