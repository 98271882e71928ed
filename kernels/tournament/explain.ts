// Per-row explanations for any scored row: the model's additive contributions (TreeSHAP for
// trees, coefficient × value for linear models, log-likelihood ratios for naive Bayes) to the
// raw score of the explained output, top ones first, per derived feature and summed per raw
// column. Binary and regression explain their single output; multiclass the predicted class.
import type { Matrix } from '../learn/matrix';
import { featureToColumn, sumByColumn } from './feature-columns';
import { takeMatrixRows } from './shared-matrix';
import type { TournamentModel } from './tournament-model';

export interface RowExplanation {
  /** Row index in the matrix that was explained. */
  row: number;
  /** The shipped prediction: probability of the positive class, class probabilities, or value. */
  prediction: number | number[];
  /** Multiclass: the class explained (the predicted one). */
  explainedClass?: number;
  /** Raw-score baseline (expected value) the contributions add to. */
  base: number;
  /** `label` names the category of a categorical code feature. */
  byFeature: { feature: string; value: number; label?: string; contribution: number }[];
  byColumn: { column: string; contribution: number }[];
}

export function explainRows(model: TournamentModel, X: Matrix, rows: readonly number[], pipeline: unknown, topK = 8): RowExplanation[] {
  for (const r of rows) if (!(Number.isInteger(r) && r >= 0 && r < X.nRows)) throw new Error(`row ${r} is out of range (the table has ${X.nRows} rows)`);
  const sub = takeMatrixRows(X, rows);
  const predictions = model.predict(sub);
  const contributions = model.contributions(sub);
  const names = model.explainedNames();
  const nF = names.length;
  const position = new Map(X.featureNames.map((n, j) => [n, j]));
  const groups = new Map(model.members.flatMap((m) => m.view?.groups ?? []).map((g) => [g.name, g.members]));
  /** A feature's value in row i: the matrix value, or for a code feature the hot indicator's name. */
  const valueOf = (name: string, i: number): { value: number; label?: string } => {
    const j = position.get(name);
    if (j !== undefined) return { value: sub.columns[j][i] };
    const members = groups.get(name) ?? [];
    const hot = members.find((m) => sub.columns[position.get(m) ?? -1]?.[i] === 1);
    return hot ? { value: members.indexOf(hot), label: hot } : { value: NaN };
  };
  const outputs = model.task === 'multiclass' ? model.nClasses : 1;
  const columns = featureToColumn(pipeline, names);
  return rows.map((row, i) => {
    let explained = 0;
    let prediction: number | number[];
    if (model.task === 'multiclass') {
      const p = Array.from(predictions.subarray(i * outputs, (i + 1) * outputs));
      explained = p.indexOf(Math.max(...p));
      prediction = p;
    } else prediction = predictions[i];
    const offset = (i * outputs + explained) * (nF + 1);
    const values = contributions.subarray(offset, offset + nF);
    const byFeature = names
      .map((feature, j) => ({ feature, ...valueOf(feature, i), contribution: values[j] }))
      .filter((f) => f.contribution !== 0)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
      .slice(0, topK);
    const byColumn = sumByColumn(values, columns).filter((c) => c.value !== 0).slice(0, topK).map(({ column, value }) => ({ column, contribution: value }));
    return {
      row,
      prediction,
      ...(model.task === 'multiclass' ? { explainedClass: explained } : {}),
      base: contributions[offset + nF],
      byFeature,
      byColumn,
    };
  });
}
