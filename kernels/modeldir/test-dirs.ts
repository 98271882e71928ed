// Small model directories for tests, built through the real writer: one per learner family
// (`--fixed`), a multiclass and a regression one, and a tournament; plus `resign`, which rewrites
// manifest.json to match edited files (a directory edited by someone who also fixed the hashes).
import { fitNaiveBayes } from '../learn/bayes';
import { fitForest } from '../learn/forest/train-forest';
import { fitGbdt } from '../learn/gbdt/train-gbdt';
import { fitLinear } from '../learn/linear';
import type { FittedModel, ModelFamily } from '../learn/model';
import { fitTableToMatrix } from '../learn/table-to-matrix';
import type { DataTable } from '../table/types';
import { createInlineExecutor } from '../tournament/executor';
import { runTournament } from '../tournament/run-tournament';
import { createTemplate } from '../tournament/template';
import { syntheticBinaryTable } from '../../test/fixtures/tournament-data';
import { buildModelDirFiles, fixedDocuments, tournamentDocuments } from './build-model-dir';
import { createManifest, MANIFEST } from './manifest';
import type { Manifest } from './meta-schema';

export type Files = Map<string, Uint8Array>;
const CREATED = '2026-01-01T00:00:00.000Z';

const FIT: Record<ModelFamily, (table: DataTable, target: string) => { model: FittedModel; state: ReturnType<typeof fitTableToMatrix>['state']; featureNames: string[]; rows: number }> = Object.fromEntries(
  (['gbdt', 'forest', 'linear', 'bayes'] as const).map((family) => [family, (table: DataTable, target: string) => {
    const { state, X, labels, rows } = fitTableToMatrix(table, target);
    const model = family === 'gbdt' ? fitGbdt(X, labels, { trees: 8, maxLeaves: 6 })
      : family === 'forest' ? fitForest(X, labels, { trees: 6 })
        : family === 'linear' ? fitLinear(X, labels) : fitNaiveBayes(X, labels);
    return { model, state, featureNames: X.featureNames, rows };
  }]),
) as never;

/** A `train --fixed` directory of `family` on `table`. */
export function fixedDir(family: ModelFamily, table: DataTable = syntheticBinaryTable(200, 5), target = 'target'): Files {
  const { model, state, featureNames, rows } = FIT[family](table, target);
  const metric = state.task === 'binary' ? 'auroc' : state.task === 'multiclass' ? 'accuracy' : 'rmse';
  return buildModelDirFiles(fixedDocuments(model, { family, metric, params: {}, state, featureNames, rows, trainedOn: `${table.name}.csv`, createdAt: CREATED }), '0.0.0-test');
}

/** A small tournament's directory (binary, three families, ensembles allowed). */
export async function tournamentDir(table: DataTable = syntheticBinaryTable(240, 7)): Promise<Files> {
  const settings = {
    target: 'target', models: ['gbdt', 'linear', 'bayes'] as ModelFamily[], timeBudgetSeconds: 60, maxCandidates: 5, seed: 3,
    searchSpace: { gbdt: { fixed: { trees: 20, earlyStoppingRounds: 5 } } },
  };
  const result = await runTournament(table, settings, createInlineExecutor());
  return buildModelDirFiles(tournamentDocuments(result, `${table.name}.csv`, createTemplate(settings, 'test'), CREATED), '0.0.0-test');
}

export const text = (files: Files, name: string): string => new TextDecoder().decode(files.get(name)!);
export const json = (files: Files, name: string): unknown => JSON.parse(text(files, name));

/** A copy with `name` replaced (undefined: removed). */
export function withFile(files: Files, name: string, content: string | Uint8Array | undefined): Files {
  const copy = new Map(files);
  if (content === undefined) copy.delete(name);
  else copy.set(name, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return copy;
}

/** manifest.json rewritten to list exactly the files it listed before that are still present, with their current hashes. */
export function resign(files: Files): Files {
  const manifest = json(files, MANIFEST) as Manifest;
  const listed = new Map([...files].filter(([name]) => name !== MANIFEST && manifest.files.some((f) => f.name === name)));
  return withFile(files, MANIFEST, JSON.stringify(createManifest(manifest.kind, manifest.tourney, listed)));
}

/** One JSON document edited by `edit` (which may mutate and/or return a replacement), manifest re-signed. */
export function editDocument(files: Files, name: string, edit: (doc: Record<string, unknown>) => unknown): Files {
  const doc = json(files, name) as Record<string, unknown>;
  const replaced = edit(doc);
  return resign(withFile(files, name, JSON.stringify(replaced === undefined ? doc : replaced)));
}
