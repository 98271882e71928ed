// `tourney predict <model-dir> <data> [--out file.csv]`: replays the saved table → matrix
// conversion on new data and writes one CSV row per input row, in order: binary
// `prediction,probability` (of the positive class), multiclass `prediction,probability_<class>…`,
// regression `prediction`.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadModel } from '../../kernels/learn/load-model';
import type { FittedModel } from '../../kernels/learn/model';
import { applyTableToMatrix, type TableToMatrixState } from '../../kernels/learn/table-to-matrix';
import { checkFlags, parseArgs, stringFlag, UsageError } from '../args';
import { readDataFile } from './read-data-file';
import { withFile } from './train';

interface ModelMeta {
  task: 'binary' | 'multiclass' | 'regression';
  classes: string[] | null;
  positiveClass: string | null;
}

export async function predictCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  checkFlags(args, ['out']);
  if (args.positionals.length !== 2) throw new UsageError('predict needs a model directory and a data file: tourney predict <model-dir> <data>');
  const [modelDir, dataPath] = args.positionals;
  const meta = await readJsonFile<ModelMeta>(modelDir, 'meta.json');
  const pipeline = await readJsonFile<TableToMatrixState>(modelDir, 'pipeline.json');
  if (pipeline.kind !== 'table-to-matrix' || !Array.isArray(pipeline.features)) {
    throw new Error(`${resolve(modelDir, 'pipeline.json')}: unsupported pipeline kind ${JSON.stringify(pipeline.kind)}`);
  }
  let model: FittedModel;
  try {
    model = loadModel(await readJsonFile<unknown>(modelDir, 'model.json'));
  } catch (err) {
    throw new Error(`${resolve(modelDir, 'model.json')}: ${(err as Error).message}`, { cause: err });
  }
  const table = await readDataFile(dataPath);
  const X = withFile(dataPath, () => applyTableToMatrix(pipeline, table));
  const csv = formatPredictions(model, meta, model.predict(X), X.nRows);
  const out = stringFlag(args, 'out');
  if (out) await writeFile(out, csv);
  else process.stdout.write(csv);
  return 0;
}

export function formatPredictions(model: FittedModel, meta: ModelMeta, p: Float64Array, n: number): string {
  const lines: string[] = [];
  if (meta.task === 'regression') {
    lines.push('prediction');
    for (let i = 0; i < n; i++) lines.push(String(p[i]));
  } else if (meta.task === 'binary') {
    const [negative, positive] = meta.classes ?? ['0', '1'];
    lines.push('prediction,probability');
    for (let i = 0; i < n; i++) lines.push(`${csvField(p[i] >= 0.5 ? positive : negative)},${p[i]}`);
  } else {
    const classes = meta.classes ?? [];
    const k = model.nClasses;
    if (classes.length !== k) throw new Error(`meta.json lists ${classes.length} classes, the model predicts ${k}`);
    lines.push(['prediction', ...classes.map((c) => csvField(`probability_${c}`))].join(','));
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
      const row = [csvField(classes[best])];
      for (let c = 0; c < k; c++) row.push(String(p[i * k + c]));
      lines.push(row.join(','));
    }
  }
  return lines.join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function readJsonFile<T>(dir: string, name: string): Promise<T> {
  const path = resolve(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path} not found: ${dir} is not a Tourney model directory` : `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}
