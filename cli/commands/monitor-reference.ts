// The reference profile of a model directory: read from reference-profile.json (train writes it),
// or built from the training data (`--reference <file>`, for models trained before that): the raw input columns the fitted pipeline reads, the
// column importances from report.json (or the single model's own), the model's scores on those
// rows, and the evaluation metric from meta.json.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { loadModel } from '../../kernels/learn/load-model';
import { getMetric } from '../../kernels/learn/metric';
import type { TableToMatrixState } from '../../kernels/learn/table-to-matrix';
import { modelInputs } from '../../kernels/monitor/model-inputs';
import { buildReferenceProfile, REFERENCE_FORMAT, type ReferenceProfile } from '../../kernels/monitor/reference-profile';
import { findTargetColumn } from '../../kernels/tournament/target';
import { DataError } from '../../kernels/table/types';
import { loadModelDir } from './model-dir';
import { readDataFile } from './read-data-file';

export const REFERENCE_FILE = 'reference-profile.json';

export { modelInputs };

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DataError(`${path} is not valid JSON: ${(err as Error).message}`, { file: path });
  }
}

async function importances(dir: string, pipeline: unknown): Promise<Record<string, number> | undefined> {
  const report = (await readJsonFile(resolve(dir, 'report.json'))) as { insights?: { importance?: { byColumn?: { column: string; importance: number }[] } } } | undefined;
  const byColumn = report?.insights?.importance?.byColumn;
  if (byColumn) return Object.fromEntries(byColumn.map((c) => [c.column, c.importance]));
  const p = pipeline as Partial<TableToMatrixState>;
  const modelJson = await readJsonFile(resolve(dir, 'model.json'));
  if (p.kind !== 'table-to-matrix' || !modelJson) return undefined;
  const imp = loadModel(modelJson).featureImportance();
  return Object.fromEntries((p.features ?? []).map((f, j) => [f.name, imp[j] ?? 0]));
}

export async function readReference(dir: string): Promise<ReferenceProfile | undefined> {
  const path = resolve(dir, REFERENCE_FILE);
  const json = (await readJsonFile(path)) as ReferenceProfile | undefined;
  if (json === undefined) return undefined;
  if (!json || json.format !== REFERENCE_FORMAT || !Array.isArray(json.features)) {
    throw new DataError(`${path}: not a Tourney reference profile (format ${REFERENCE_FORMAT} expected)`, { file: path });
  }
  return json;
}

export async function buildReferenceFromData(dir: string, dataPath: string): Promise<ReferenceProfile> {
  const model = await loadModelDir(dir);
  const pipeline = await readJsonFile(resolve(dir, 'pipeline.json'));
  const table = await readDataFile(dataPath);
  const file = basename(dataPath);
  const features = modelInputs(pipeline);
  const absent = features.filter((f) => !table.columns.some((c) => c.name === f.name));
  if (absent.length) throw new DataError(`${file}: no column ${absent.map((f) => `"${f.name}"`).join(', ')} — the reference must be the data the model was trained on`, { file, column: absent[0].name });
  const { meta } = model;
  const scores = model.predict(model.toMatrix(table));
  let baseline: ReferenceProfile['baseline'] = null;
  const metric = meta.metric ? getMetric(meta.metric) : null;
  if (metric && typeof meta.testScore === 'number') baseline = { metric: metric.name, value: meta.testScore, higherIsBetter: metric.higherIsBetter };
  else if (metric && table.columns.some((c) => c.name === meta.target)) {
    // No held-out score recorded (a `train --fixed` model): the metric on these rows, in-sample.
    const y = targetCodes(table, meta.target, meta.classes, meta.task);
    const keep = y.flatMap((v, i) => (Number.isNaN(v) ? [] : [i]));
    const width = meta.task === 'multiclass' ? model.nClasses : 1;
    const p = Float64Array.from(keep.flatMap((i) => Array.from(scores.subarray(i * width, (i + 1) * width))));
    if (keep.length) baseline = { metric: metric.name, value: metric.compute(Float64Array.from(keep, (i) => y[i]), p, meta.task), higherIsBetter: metric.higherIsBetter };
  }
  return buildReferenceProfile({
    table, task: meta.task, classes: meta.classes, positiveClass: meta.positiveClass, features,
    importance: await importances(dir, pipeline),
    scores, scoresFrom: `the ${table.rowCount} rows of ${file}, scored by the model`,
    baseline,
  });
}

function targetCodes(table: Parameters<typeof findTargetColumn>[0], target: string, classes: string[] | null, task: string): number[] {
  const column = findTargetColumn(table, target);
  const index = new Map((classes ?? []).map((c, i) => [c, i]));
  return Array.from({ length: table.rowCount }, (_, i) => {
    if (column.storage === 'numeric') {
      const v = column.values[i];
      if (task === 'regression' || Number.isNaN(v)) return v;
      const t = column.labels ? column.labels[v ? 1 : 0] : String(v);
      return index.get(t) ?? NaN;
    }
    const t = column.values[i]?.trim();
    if (!t) return NaN;
    return task === 'regression' ? Number(t) : index.get(t) ?? NaN;
  });
}
