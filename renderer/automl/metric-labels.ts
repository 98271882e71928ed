// How the views name the tournament's metrics.
export const METRIC_LABELS: Record<string, string> = {
  auroc: 'AUROC', aupr: 'AUPR', logloss: 'log loss', accuracy: 'accuracy', balanced_accuracy: 'balanced accuracy',
  f1: 'F1', brier: 'Brier score', rmse: 'RMSE', mae: 'MAE', r2: 'R²',
};
