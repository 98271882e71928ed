// `tourney predict <model-dir> <data> [--out file.csv]`: replays the saved table → matrix
// conversion on new data and writes one CSV row per input row, in order: binary
// `prediction,probability` (of the positive class), multiclass `prediction,probability_<class>…`,
// regression `prediction`. The binary header stays the contract's; stderr names the class.
import type { FittedModel } from '../../kernels/learn/model';
import { checkFlags, parseArgs, stringFlag, UsageError } from '../args';
import { reserveOutputFile } from '../output-location';
import { checkModelInputs } from './check-model-inputs';
import { loadModelDir } from './model-dir';
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
  // --out is checked first; the file is written whole (temporary file + rename) or not at all.
  const out = stringFlag(args, 'out');
  const slot = out === undefined ? undefined : await reserveOutputFile(out, 'predictions');
  try {
    // Both model directories (train --fixed and the tournament) load through model-dir.ts.
    const loaded = await loadModelDir(modelDir);
    const table = await readDataFile(dataPath);
    checkModelInputs(loaded.pipeline, table, dataPath);
    const X = withFile(dataPath, () => loaded.toMatrix(table));
    const csv = formatPredictions({ nClasses: loaded.nClasses }, loaded.meta, loaded.predict(X), X.nRows);
    const note = probabilityNote(loaded.meta);
    if (note) process.stderr.write(`note: ${note}\n`);
    if (slot) await slot.commit(csv);
    else process.stdout.write(csv);
    return 0;
  } finally {
    await slot?.discard();
  }
}

/**
 * Which class `probability` is about. The contract keeps the binary header `prediction,probability`
 * (tools read it by name), so the class is named here, on stderr, every time.
 */
export function probabilityNote(meta: Pick<ModelMeta, 'task' | 'classes' | 'positiveClass'> & { target?: unknown }): string | undefined {
  if (meta.task !== 'binary') return undefined;
  const positive = meta.positiveClass ?? meta.classes?.[1] ?? '1';
  const target = typeof meta.target === 'string' ? `${meta.target} = ` : '';
  return `"probability" is the probability of ${target}"${positive}" (the positive class)`;
}

export function formatPredictions(model: Pick<FittedModel, 'nClasses'>, meta: ModelMeta, p: Float64Array, n: number): string {
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
