// `tourney retrain <registry-name> <fresh data> [--margin <metric delta>] [--registry <dir>]`:
// reruns the champion's template on fresh data, scores champion and challenger on the same fresh
// held-out rows, registers the challenger and moves `champion` only when it wins by the margin
// (cli/fleet/retrain-model.ts). `tourney retrain --fleet <fleet-dir> <fresh tenants>` does it for
// every tenant of a fleet that has fresh data: a tenant whose round fails is reported, the others go on.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { tableSha256 } from '../../kernels/fleet';
import { checkModelName } from '../../kernels/registry/names';
import type { PoolExecutor } from '../../workers/pool-executor';
import { createNodeExecutor, boundWorkerCount, workerBytesFor } from '../../workers/node-executor';
import { checkFlags, integerFlag, numberFlag, parseArgs, stringFlag, UsageError } from '../args';
import { registryDir, requireFleetDir } from '../fleet/fleet-folder';
import { retrainModel, type RetrainOutcome } from '../fleet/retrain-model';
import { openTenantSource } from '../fleet/tenant-source';
import { readTenant } from '../fleet/train-tenant';
import { DEFAULT_REGISTRY_DIR, FolderRegistryStore } from '../registry/folder-store';
import { fileProblem } from './file-problem';
import { readDataFile } from './read-data-file';

const FLAGS = ['margin', 'registry', 'fleet', 'tenant-column', 'time-budget', 'max-candidates', 'workers', 'json'];

export async function retrainCommand(argv: string[]): Promise<number> {
  const log = (line: string) => process.stderr.write(line + '\n');
  const args = parseArgs(argv, ['json']);
  checkFlags(args, FLAGS);
  const margin = numberFlag(args, 'margin') ?? 0;
  if (margin < 0) throw new UsageError(`--margin must be ≥ 0 (how much better the challenger must score), got ${margin}`);
  const timeBudget = numberFlag(args, 'time-budget');
  if (timeBudget !== undefined && !(timeBudget > 0)) throw new UsageError(`--time-budget must be positive seconds, got ${timeBudget}`);
  const maxCandidates = integerFlag(args, 'max-candidates', 1);
  const workers = integerFlag(args, 'workers', 1);
  const fleet = stringFlag(args, 'fleet');
  const json = args.flags.has('json');
  let executor: PoolExecutor | undefined;
  const executorFor = () => (executor ??= createNodeExecutor(boundWorkerCount(workers, workerBytesFor(0)).count));
  const options = () => ({ margin, timeBudget, maxCandidates, executor: executorFor() });
  try {
    if (fleet === undefined) {
      if (stringFlag(args, 'tenant-column') !== undefined) throw new UsageError('--tenant-column is for --fleet');
      if (args.positionals.length !== 2) throw new UsageError('retrain needs a registered model and fresh data: tourney retrain <registry-name> <fresh data>');
      const [name, dataPath] = args.positionals;
      try {
        checkModelName(name);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const store = new FolderRegistryStore(stringFlag(args, 'registry') ?? DEFAULT_REGISTRY_DIR);
      await store.requireExisting();
      const table = await readDataFile(dataPath);
      const bytes = await readFile(dataPath).catch((err) => {
        throw new Error(fileProblem(dataPath, err), { cause: err });
      });
      log(`retraining ${name} on ${dataPath}`);
      const outcome = await retrainModel(store, name, { table, sha256: tableSha256(table), bytes: new Uint8Array(bytes), fileName: basename(dataPath) }, options());
      report([outcome], [], json);
      return 0;
    }
    if (stringFlag(args, 'registry') !== undefined) throw new UsageError('--registry and --fleet exclude each other (a fleet\'s registry is <fleet-dir>/registry)');
    if (args.positionals.length !== 1) throw new UsageError('retrain --fleet needs the fresh tenants: tourney retrain --fleet <fleet-dir> <fresh tenants>');
    const root = await requireFleetDir(fleet);
    const store = new FolderRegistryStore(registryDir(root));
    const source = await openTenantSource(args.positionals[0], stringFlag(args, 'tenant-column'));
    const outcomes: RetrainOutcome[] = [];
    const problems: { tenant: string; reason: string }[] = [];
    for (const id of source.ids) {
      const data = await readTenant(source, id);
      try {
        if (typeof data === 'string') throw new Error(data);
        if (!(await store.getModel(id))) throw new Error(`no model "${id}" in the fleet's registry (train it with fleet train first)`);
        const outcome = await retrainModel(store, id, data, options());
        outcomes.push(outcome);
        log(`${id}: ${outcome.note}`);
      } catch (err) {
        const reason = (err as Error).message.split('\n')[0];
        problems.push({ tenant: id, reason });
        log(`${id}: not retrained — ${reason}`);
      }
    }
    report(outcomes, problems, json);
    return problems.length ? 1 : 0;
  } finally {
    executor?.close();
  }
}

function report(outcomes: RetrainOutcome[], problems: { tenant: string; reason: string }[], json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify({ retrained: outcomes, promoted: outcomes.filter((o) => o.promote).length, kept: outcomes.filter((o) => !o.promote).length, problems }) + '\n');
    return;
  }
  const lines = outcomes.map((o) => `${o.name}: ${o.note.replace(/^retrain: /, '')}`);
  for (const p of problems) lines.push(`${p.tenant}: not retrained — ${p.reason}`);
  if (outcomes.length + problems.length > 1) lines.push(`${outcomes.filter((o) => o.promote).length} promoted, ${outcomes.filter((o) => !o.promote).length} kept, ${problems.length} not retrained`);
  process.stdout.write(lines.join('\n') + '\n');
}
