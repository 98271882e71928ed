// The ../shared/data sets the tournament-quality benchmarks run on, with target and task
// (../shared/data/README.md).
export interface QualitySet { name: string; target: string; task: 'binary' | 'multiclass' | 'regression' }

export const QUALITY_SETS: QualitySet[] = [
  { name: 'telco_churn', target: 'churn', task: 'binary' },
  { name: 'credit_status', target: 'Status', task: 'binary' },
  { name: 'hr_attrition', target: 'Attrition', task: 'binary' },
  { name: 'lending_club', target: 'Class', task: 'binary' },
  { name: 'spam', target: 'type', task: 'binary' },
  { name: 'fine_food_reviews', target: 'score', task: 'binary' },
  { name: 'ames_housing', target: 'Sale_Price', task: 'regression' },
  { name: 'penguins', target: 'species', task: 'multiclass' },
  { name: 'letters', target: 'lettr', task: 'multiclass' },
];
