// One champion-vs-challenger round: the fresh data is split (stratified, the template's seed)
// into rows to train on and held-out rows neither model has seen; the champion's own template
// reruns on the training rows; both models are scored on the same held-out rows with the
// template's metric; the challenger is registered (alias challenger) and takes the champion alias
// only when it wins by the margin. Both moves carry the decision and both scores in the alias
// history, so a kept champion is as much on record as a promotion.
import { decideRetrain, type RetrainDecision } from '../../kernels/fleet';
import { getMetric } from '../../kernels/learn/metric';
import { loadModelDirFiles, readTemplate, type LoadedModelDir } from '../../kernels/modeldir';
import { CHALLENGER, CHAMPION } from '../../kernels/registry/aliases';
import type { DataTable } from '../../kernels/table/types';
import type { TournamentExecutor } from '../../kernels/tournament/executor';
import { runTournament } from '../../kernels/tournament/run-tournament';
import { trainTestSplit } from '../../kernels/tournament/split';
import { takeRows } from '../../kernels/tournament/take-rows';
import { templateSettings } from '../../kernels/tournament/template';
import { labelledRows, predictionsFor } from '../commands/labelled-rows';
import { FleetError } from '../../kernels/fleet';
import type { FolderRegistryStore } from '../registry/folder-store';
import { registerTournament } from './register-tournament';
import type { TenantData } from './tenant-source';

export interface RetrainOptions {
  margin: number;
  timeBudget?: number;
  maxCandidates?: number;
  executor: TournamentExecutor;
}

export interface RetrainOutcome extends RetrainDecision {
  name: string;
  metric: string;
  higherIsBetter: boolean;
  champion: { version: number; score: number };
  challenger: { version: number; score: number; cvScore: number };
  rows: { train: number; heldOut: number };
  margin: number;
}

const decoder = new TextDecoder();

export async function retrainModel(store: FolderRegistryStore, name: string, data: TenantData, o: RetrainOptions): Promise<RetrainOutcome> {
  const aliases = await store.getAliases(name);
  const championVersion = aliases?.aliases[CHAMPION];
  if (championVersion === undefined) throw new FleetError(`model "${name}" has no champion alias in ${store.root}: nothing to compare a challenger with`);
  const championFiles = await store.readVersionFiles(name, championVersion);
  const champion = loadModelDirFiles(championFiles, `${name}@${CHAMPION} (v${championVersion})`);
  const templateBytes = championFiles.get('template.json');
  if (!templateBytes) throw new FleetError(`${name} v${championVersion} has no template.json (a --fixed model): retrain reruns a tournament template`);
  const template = readTemplate(JSON.parse(decoder.decode(templateBytes)), `${name} v${championVersion}`);
  const metric = getMetric(champion.meta.metric);

  // Held-out rows chosen among the rows the champion can be scored on, stratified by its coding.
  const labelled = labelledRows(champion.meta, data.table, data.fileName);
  const split = trainTestSplit(labelled.y, champion.task, template.testFraction > 0 ? template.testFraction : 0.2, template.seed);
  const heldOut = Array.from(split.test, (i) => labelled.keep[i]);
  const isHeldOut = new Uint8Array(data.table.rowCount);
  for (const r of heldOut) isHeldOut[r] = 1;
  const trainRows = [...Array(data.table.rowCount).keys()].filter((r) => !isHeldOut[r]);
  const trainTable: DataTable = { ...takeRows(data.table, trainRows), name: data.table.name };
  const heldOutTable = takeRows(data.table, heldOut);

  const settings = {
    ...templateSettings(template, o.timeBudget !== undefined ? { timeBudgetSeconds: o.timeBudget } : {}),
    ...(o.maxCandidates !== undefined ? { maxCandidates: o.maxCandidates } : {}),
  };
  const result = await runTournament(trainTable, settings, o.executor, {});
  const { version, files, createdAt } = await registerTournament(store, {
    name, data: { ...data, table: trainTable }, result, settings, template, parentVersion: championVersion,
  });
  const challenger = loadModelDirFiles(files, `${name} v${version.version}`);
  const score = (model: LoadedModelDir) => {
    const rows = labelledRows(model.meta, heldOutTable, data.fileName);
    const width = model.task === 'multiclass' ? model.nClasses : 1;
    return metric.compute(rows.y, predictionsFor(model.predict(model.toMatrix(heldOutTable)), rows.keep, width), model.task);
  };
  const scores = {
    metric: metric.name,
    higherIsBetter: metric.higherIsBetter,
    champion: { version: championVersion, score: score(champion) },
    challenger: { version: version.version, score: score(challenger) },
    rows: heldOut.length,
    margin: o.margin,
  };
  const decision = decideRetrain(scores);
  await store.moveAlias(name, { alias: CHALLENGER, to: version.version, at: createdAt, note: decision.note });
  if (decision.promote) await store.moveAlias(name, { alias: CHAMPION, to: version.version, at: createdAt, note: decision.note });
  return {
    name, ...decision, ...scores,
    challenger: { ...scores.challenger, cvScore: result.winner.cvScore },
    rows: { train: trainRows.length, heldOut: heldOut.length },
  };
}
