// Test fixture: a real GBDT on the shared telco churn data, split 60/20/20 into training rows
// (the reference distribution), evaluation rows (the reference scores and baseline AUROC) and
// stream rows (what "production" sends), plus helpers that turn rows into prediction-log lines.
import { readTable } from '../../io/read-table';
import { fitModel } from '../../learn/fit';
import { auroc } from '../../learn/metric';
import { applyTableToMatrix, fitTableToMatrix } from '../../learn/table-to-matrix';
import { cellValue } from '../../table/slice-rows';
import type { DataTable } from '../../table/types';
import { takeRows } from '../../tournament/take-rows';
import { createRandom, shuffleInPlace, type Random, TOURNAMENT_STREAM } from '../../random/random';
import { buildReferenceProfile, type ReferenceProfile } from '../reference-profile';

export const TARGET = 'churn';
export const MODEL = { name: 'churn', version: '3' };

export interface TelcoFixture {
  reference: ReferenceProfile;
  train: DataTable;
  stream: DataTable;
  /** P(churn = Yes) per row of a table with the input columns. */
  score(table: DataTable): Float64Array;
}

/** `csv`: the bytes of ../shared/data/telco_churn.csv (the test reads the file; kernels do no I/O). */
export async function telcoFixture(csv: Uint8Array): Promise<TelcoFixture> {
  const table = await readTable(csv, { fileName: 'telco_churn.csv' });
  const order = shuffleInPlace(Uint32Array.from({ length: table.rowCount }, (_, i) => i), createRandom(11, TOURNAMENT_STREAM));
  const a = Math.round(table.rowCount * 0.6);
  const b = Math.round(table.rowCount * 0.8);
  const train = takeRows(table, order.subarray(0, a));
  const evaluation = takeRows(table, order.subarray(a, b));
  const stream = takeRows(table, order.subarray(b));
  const fitted = fitTableToMatrix(train, TARGET, 'binary');
  const model = fitModel('gbdt', fitted.X, fitted.labels, { trees: 80, maxLeaves: 16, learningRate: 0.1 }, { seed: 1 });
  const score = (t: DataTable) => model.predict(applyTableToMatrix(fitted.state, t));
  const importance = model.featureImportance();
  const evalScores = score(evaluation);
  const yEval = Float64Array.from(evaluation.columns.find((c) => c.name === TARGET)!.values as (string | null)[], (v) => (v === 'Yes' ? 1 : 0));
  const reference = buildReferenceProfile({
    table: train,
    task: 'binary',
    classes: fitted.state.classes,
    positiveClass: 'Yes',
    features: fitted.state.features.map((f) => ({ name: f.name, kind: f.kind })),
    importance: Object.fromEntries(fitted.state.features.map((f, j) => [f.name, importance[j]])),
    scores: evalScores,
    scoresFrom: 'held-out evaluation rows',
    baseline: { metric: 'auroc', value: auroc(yEval, evalScores), higherIsBetter: true },
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return { reference, train, stream, score };
}

/** Rows drawn with replacement. */
export function sampleRows(table: DataTable, n: number, random: Random): DataTable {
  return takeRows(table, Uint32Array.from({ length: n }, () => Math.floor(random() * table.rowCount)));
}

/** Prediction-log lines for the rows of `table`, `perHour` a hour from `startMs`, scored by the model. */
export function logLines(fixture: TelcoFixture, table: DataTable, startMs: number, perHour: number, idPrefix = 'r'): string[] {
  const p = fixture.score(table);
  const inputs = table.columns.filter((c) => c.name !== TARGET);
  const lines: string[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const time = new Date(startMs + Math.floor(i / perHour) * 3_600_000 + ((i % perHour) * 3_600_000) / perHour).toISOString();
    const input = Object.fromEntries(inputs.map((c) => [c.name, cellValue(c, i)]));
    lines.push(JSON.stringify({
      time, id: `${idPrefix}${i}`, model: MODEL, input,
      output: { prediction: p[i] >= 0.5 ? 'Yes' : 'No', probabilities: { No: 1 - p[i], Yes: p[i] } }, latencyMs: 2 + (i % 7),
    }));
  }
  return lines;
}
