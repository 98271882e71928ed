// `tourney predict <model-dir> <data> [--out file.csv]`: replays the saved table → matrix
// conversion on new data and writes one CSV row per input row, in order: binary
// `prediction,probability` (of the positive class), multiclass `prediction,probability_<class>…`,
// regression `prediction`. The binary header stays the contract's; stderr names the class.
import { formatPredictions } from '../../kernels/learn/predictions-csv';
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
    const csv = formatPredictions(loaded.nClasses, loaded.meta, loaded.predict(X), X.nRows);
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
