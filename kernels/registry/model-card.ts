// The generated model card (Mitchell et al., "Model Cards for Model Reporting", 2019): model
// details, intended use, factors, metrics with their uncertainty, evaluation and training data,
// ethical considerations, caveats. Built only from what the run recorded (report.json, meta.json,
// the experiment); where that says nothing, the card says what is missing instead of guessing.
import type { Experiment, ModelCard } from './documents';
import type { ModelDirSummary } from './model-dir-summary';

export interface ModelCardInput {
  name: string;
  version: number;
  createdAt: string;
  summary: ModelDirSummary;
  experiment: Experiment | null;
}

const isLeak = (reason: string) => /\bleak/i.test(reason);

function std(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}

export function buildModelCard(input: ModelCardInput): ModelCard {
  const { meta, report } = input.summary;
  const exp = input.experiment;
  const metric = meta.metric ?? exp?.metric ?? '';
  const winner = report?.winner;
  const members = report?.ensemble?.kept ? report.ensemble.members.map((m) => ({ model: m.model, weight: m.weight })) : [{ model: meta.family, weight: 1 }];
  const values: ModelCard['metrics']['values'] = [];
  const foldScores = winner?.foldScores ?? [];
  if (winner?.cvScore != null) {
    const sd = std(foldScores);
    values.push({ name: metric, value: winner.cvScore, on: 'cv', ...(sd !== undefined ? { foldStd: sd } : {}), ...(foldScores.length ? { folds: foldScores.length } : {}) });
  }
  if (report?.test) {
    const rows = report.testRows;
    values.push({ name: metric, value: report.test.score, on: 'test', ...(rows ? { rows } : {}) });
    for (const [name, value] of Object.entries(report.test.metrics)) {
      if (name !== metric && Number.isFinite(value)) values.push({ name, value, on: 'test', ...(rows ? { rows } : {}) });
    }
  }
  const missing: string[] = [];
  if (!report) missing.push('no report.json: the model was trained with fixed hyperparameters, without cross-validation or a test split');
  else {
    if (!report.test) missing.push('no held-out test metrics (the run kept no test rows)');
    else missing.push('no confidence intervals on the test metrics (report.json holds point estimates; the spread across folds is given for the CV score)');
    if (foldScores.length < 2) missing.push('no per-fold spread (a single holdout validation)');
  }
  const ac = report?.insights?.aboveChance;
  const dropped = report?.dropped ?? exp?.dropped ?? [];
  const leaks = dropped.filter((d) => isLeak(d.reason));
  const featureLeaks = (report?.droppedFeatures ?? []).filter((d) => isLeak(d.reason));
  const notes: string[] = [];
  if (ac && !ac.above) notes.push(`the winner's score is not clearly above chance (permutation p = ${ac.pValue.toFixed(3)}): do not rely on its predictions`);
  if (report?.calibration && report.calibration.method !== 'none') notes.push(`probabilities are calibrated (${report.calibration.method}) on out-of-fold predictions`);
  if (meta.task !== 'regression') notes.push('probabilities reflect the class balance of the training data; a population with another base rate needs recalibration');
  notes.push('trained on one table at one point in time: monitor drift against the training reference profile before trusting it on new data');
  return {
    modelDetails: {
      name: input.name,
      version: input.version,
      createdAt: input.createdAt,
      family: winner?.model ?? meta.family,
      members,
      task: meta.task,
      target: meta.target,
      classes: meta.classes ?? null,
      positiveClass: meta.positiveClass ?? null,
      calibration: report?.calibration?.method ?? null,
      tourneyVersion: exp?.tourneyVersion ?? null,
    },
    intendedUse: {
      primary: meta.task === 'regression'
        ? `predict "${meta.target}" for rows with the same columns as the training table`
        : `predict "${meta.target}" (${(meta.classes ?? []).join(', ') || 'its classes'}) and its probability for rows with the same columns as the training table`,
      outOfScope: [
        'rows from a population or period the training table does not represent',
        'decisions about individuals without human review where the target concerns people',
        'causal conclusions: importance says what the model uses, not what causes the target',
      ],
    },
    factors: {
      evaluated: [],
      notEvaluated: 'no subgroup (factor) evaluation was run: performance across groups such as region, segment or demographics is unknown',
    },
    metrics: {
      selection: metric,
      higherIsBetter: report?.higherIsBetter ?? exp?.higherIsBetter ?? null,
      values,
      aboveChance: ac ? { pValue: ac.pValue, baselineMean: ac.baselineMean, permutations: ac.permutations, above: ac.above } : null,
      missing,
    },
    evaluationData: {
      evaluatedOn: report?.insights?.evaluatedOn ?? (report?.test ? 'test' : 'none'),
      rows: report?.insights?.rows ?? report?.testRows ?? null,
      description: report?.test
        ? `a held-out ${report.testRows ?? '?'}-row split of the training table (stratified for classification), never seen by the search`
        : 'no held-out evaluation',
    },
    trainingData: {
      fileName: exp?.dataset.fileName ?? meta.trainedOn ?? null,
      sha256: exp?.dataset.sha256 ?? null,
      rows: report?.rows ?? meta.rows ?? exp?.dataset.rows ?? null,
      trainRows: report?.trainRows ?? null,
      columns: exp?.dataset.schema.length ?? null,
    },
    ethicalConsiderations: [
      'Tourney did not check the training data for personal or sensitive attributes; review the columns the model uses (importance) for proxies of protected characteristics',
      ...(leaks.length ? [`${leaks.length} column(s) were removed as likely label leaks; check that the remaining columns are known at prediction time`] : []),
    ],
    caveats: {
      leaks: [...leaks, ...featureLeaks.map((f) => ({ column: f.column, reason: `${f.feature}: ${f.reason}` }))],
      dropped: dropped.filter((d) => !isLeak(d.reason)),
      droppedFeatures: (report?.droppedFeatures ?? []).filter((d) => !isLeak(d.reason)),
      notes,
    },
  };
}

const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(4));

export function renderModelCardMarkdown(card: ModelCard): string {
  const d = card.modelDetails;
  const m = card.metrics;
  const list = (items: readonly string[], empty = '_none_') => (items.length ? items.map((i) => `- ${i}`).join('\n') : empty);
  const metricLines = m.values.map((v) => {
    const spread = v.foldStd !== undefined ? ` ± ${fmt(v.foldStd)} (sd over ${v.folds} folds)` : '';
    return `| ${v.name} | ${v.on} | ${fmt(v.value)}${spread} | ${v.rows ?? ''} |`;
  });
  return [
    `# Model card: ${d.name} v${d.version}`,
    '',
    '## Model details',
    `- ${d.task} model of "${d.target}"${d.classes ? ` (classes: ${d.classes.join(', ')}${d.positiveClass ? `; positive: ${d.positiveClass}` : ''})` : ''}`,
    `- winner: ${d.family}${d.members.length > 1 ? ` (ensemble of ${d.members.map((x) => `${x.model} ${x.weight.toFixed(2)}`).join(', ')})` : ''}`,
    `- calibration: ${d.calibration ?? 'none'}; registered ${d.createdAt}${d.tourneyVersion ? `; Tourney ${d.tourneyVersion}` : ''}`,
    '',
    '## Intended use',
    card.intendedUse.primary,
    '',
    'Out of scope:',
    list(card.intendedUse.outOfScope),
    '',
    '## Factors',
    card.factors.evaluated.length ? list(card.factors.evaluated) : card.factors.notEvaluated,
    '',
    '## Metrics',
    `Selected by ${m.selection}${m.higherIsBetter === null ? '' : m.higherIsBetter ? ' (higher is better)' : ' (lower is better)'}.`,
    '',
    '| metric | on | value | rows |',
    '|---|---|---|---|',
    ...metricLines,
    '',
    m.aboveChance ? `Above chance: ${m.aboveChance.above ? 'yes' : 'no'} (permutation p = ${m.aboveChance.pValue.toFixed(3)}, shuffled-label mean ${fmt(m.aboveChance.baselineMean)}, ${m.aboveChance.permutations} permutations).` : 'Above-chance test: not recorded.',
    '',
    'Missing:',
    list(m.missing),
    '',
    '## Evaluation data',
    `${card.evaluationData.description}${card.evaluationData.rows ? ` (${card.evaluationData.rows} rows, ${card.evaluationData.evaluatedOn})` : ''}.`,
    '',
    '## Training data',
    `- file: ${card.trainingData.fileName ?? 'unknown'}${card.trainingData.sha256 ? ` (sha256 ${card.trainingData.sha256.slice(0, 16)}…)` : ''}`,
    `- rows: ${card.trainingData.rows ?? 'unknown'}${card.trainingData.trainRows ? ` (${card.trainingData.trainRows} for training)` : ''}; columns: ${card.trainingData.columns ?? 'unknown'}`,
    '',
    '## Ethical considerations',
    list(card.ethicalConsiderations),
    '',
    '## Caveats and recommendations',
    'Columns removed as likely leaks:',
    list(card.caveats.leaks.map((c) => `${c.column}: ${c.reason}`)),
    '',
    'Columns dropped:',
    list(card.caveats.dropped.map((c) => `${c.column}: ${c.reason}`)),
    '',
    ...(card.caveats.droppedFeatures.length ? ['Derived features dropped:', list(card.caveats.droppedFeatures.map((c) => `${c.feature} (from ${c.column}): ${c.reason}`)), ''] : []),
    list(card.caveats.notes),
    '',
  ].join('\n');
}
