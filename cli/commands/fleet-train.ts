// `tourney fleet train <template.json> <tenants> --out <fleet-dir> [--shard i/n]`: every tenant of
// this shard gets its own tournament from the template, registered in <fleet-dir>/registry under
// the tenant id. The shard's results are rewritten after every tenant, so a killed shard loses at
// most the tenant it was training, and a rerun skips tenants done with the same template and data.
// In a Kubernetes Indexed Job, `--shards n` with JOB_COMPLETION_INDEX picks the shard.
import { stat } from 'node:fs/promises';
import {
  documentSha256, nextTenantBudget, parseShard, shardBudget, shardFromIndex, shardLabel, tenantsOfShard, UNSHARDED,
  DEFAULT_MIN_ROWS, type Shard, type TenantStatus,
} from '../../kernels/fleet';
import type { TournamentTemplate } from '../../kernels/tournament/template';
import type { PoolExecutor } from '../../workers/pool-executor';
import { boundWorkerCount, createNodeExecutor, workerBytesFor } from '../../workers/node-executor';
import { checkFlags, integerFlag, numberFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from '../args';
import {
  prepareFleetDir, readShardResult, readShardResults, registryDir, writeFleetTemplate, writeMergedManifest, writeShardResult,
} from '../fleet/fleet-folder';
import { formatTenantLine } from '../fleet/format';
import { openTenantSource } from '../fleet/tenant-source';
import { readTenant, trainTenant } from '../fleet/train-tenant';
import { FolderRegistryStore } from '../registry/folder-store';
import { readTemplate } from './train-tournament';

const FLAGS = ['out', 'shard', 'shards', 'tenant-column', 'time-budget', 'fleet-budget', 'max-candidates', 'workers', 'min-rows', 'json'];

export async function fleetTrainCommand(argv: string[]): Promise<number> {
  const started = performance.now();
  const log = (line: string) => process.stderr.write(line + '\n');
  const args = parseArgs(argv, ['json']);
  checkFlags(args, FLAGS);
  if (args.positionals.length !== 2) throw new UsageError('fleet train needs a template and the tenants: tourney fleet train <template.json> <tenants> --out <fleet-dir>');
  const [templatePath, tenantsPath] = args.positionals;
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('fleet train needs --out <fleet-dir>');
  const shard = shardFlags(args);
  const budget = numberFlag(args, 'time-budget');
  if (budget !== undefined && !(budget > 0)) throw new UsageError(`--time-budget must be positive seconds, got ${budget}`);
  const fleetBudget = numberFlag(args, 'fleet-budget');
  if (fleetBudget !== undefined && !(fleetBudget > 0)) throw new UsageError(`--fleet-budget must be positive seconds, got ${fleetBudget}`);
  const maxCandidates = integerFlag(args, 'max-candidates', 1);
  const workers = integerFlag(args, 'workers', 1);
  const minRows = integerFlag(args, 'min-rows', 2) ?? DEFAULT_MIN_ROWS;

  const given = await readTemplate(templatePath);
  // The template as run: a --time-budget is part of it (and of its fingerprint), like any setting.
  const template: TournamentTemplate = budget !== undefined ? { ...given, timeBudgetSeconds: budget } : given;
  const templateSha256 = documentSha256(template);
  const source = await openTenantSource(tenantsPath, stringFlag(args, 'tenant-column'));
  const root = await prepareFleetDir(out);
  const mine = tenantsOfShard(source.ids, shard);
  await writeFleetTemplate(root, template);
  log(`fleet ${root}: shard ${shardLabel(shard)} has ${mine.length} of ${source.ids.length} tenants (template "${template.name}", ${template.timeBudgetSeconds} s a tenant)`);

  // The latest earlier status of every tenant, whichever shard layout wrote it: what a rerun may keep.
  const previous = new Map<string, TenantStatus>();
  for (const s of await readShardResults(root)) {
    for (const t of s.tenants) if (!previous.has(t.tenant) || t.finishedAt > previous.get(t.tenant)!.finishedAt) previous.set(t.tenant, t);
  }
  const statuses = new Map<string, TenantStatus>();
  for (const t of (await readShardResult(root, shard))?.tenants ?? []) if (mine.includes(t.tenant)) statuses.set(t.tenant, t);
  const store = new FolderRegistryStore(registryDir(root));
  const save = () => writeShardResult(root, {
    kind: 'tourney-fleet-shard', format: 1, shard, templateSha256, updatedAt: new Date().toISOString(), assigned: mine, fleetTenants: source.ids, tenants: [...statuses.values()],
  });
  await save();

  let executor: PoolExecutor | undefined;
  const remaining = fleetBudget !== undefined ? { seconds: shardBudget(fleetBudget, mine.length, source.ids.length), tenants: mine.length } : null;
  const ran: TenantStatus[] = [];
  let kept = 0;
  try {
    for (const [i, id] of mine.entries()) {
      const data = await readTenant(source, id);
      const prior = previous.get(id);
      let status: TenantStatus;
      if (typeof data === 'string') {
        status = { ...unrun(id, templateSha256, shard), state: 'skipped', reason: data };
      } else if (prior?.state === 'done' && prior.templateSha256 === templateSha256 && prior.dataSha256 === data.sha256 && prior.registeredVersion !== null && (await store.getVersion(id, prior.registeredVersion))) {
        kept++;
        statuses.set(id, prior);
        if (remaining) remaining.tenants--;
        log(`[${i + 1}/${mine.length}] ${id}: unchanged since v${prior.registeredVersion} (same template and data), kept`);
        continue;
      } else {
        const seconds = nextTenantBudget(template.timeBudgetSeconds, remaining);
        if (seconds === null) {
          status = { ...unrun(id, templateSha256, shard), rows: data.table.rowCount, dataSha256: data.sha256, state: 'skipped', reason: 'the fleet budget is spent: rerun to train it' };
        } else {
          executor ??= await startExecutor(workers, tenantsPath, log);
          status = await trainTenant(id, data, {
            template, templateSha256, shard: shardLabel(shard), minRows, maxCandidates, budgetSeconds: seconds, executor, store,
            aliasNote: `fleet train: winner of ${id}'s tournament (template "${template.name}" ${templateSha256.slice(0, 12)})`,
          });
        }
      }
      if (remaining) {
        remaining.seconds -= status.seconds;
        remaining.tenants--;
      }
      statuses.set(id, status);
      ran.push(status);
      await save();
      log(`[${i + 1}/${mine.length}] ${formatTenantLine(status)}`);
    }
  } finally {
    executor?.close();
  }
  const manifest = await writeMergedManifest(root, { name: template.name, sha256: templateSha256 }, { tenants: tenantsPath, tenantColumn: source.tenantColumn });
  const count = (state: TenantStatus['state']) => ran.filter((t) => t.state === state).length;
  const summary = {
    fleetDir: root,
    shard: shardLabel(shard),
    tenants: mine.length,
    trained: count('done'),
    kept,
    skipped: count('skipped'),
    failed: count('failed'),
    seconds: (performance.now() - started) / 1000,
    results: [...statuses.values()],
    fleet: manifest.counts,
  };
  if (args.flags.has('json')) process.stdout.write(JSON.stringify(summary) + '\n');
  else {
    process.stdout.write(
      `shard ${summary.shard}: ${summary.trained} trained, ${kept} kept, ${summary.skipped} skipped, ${summary.failed} failed of ${mine.length} tenants in ${summary.seconds.toFixed(1)} s\n` +
        `fleet: ${manifest.counts.done} done, ${manifest.counts.skipped} skipped, ${manifest.counts.failed} failed, ${manifest.counts.missing} missing; ${manifest.counts.aboveChance} above chance\n` +
        `written to ${root}\n`,
    );
  }
  return summary.failed ? 1 : 0;
}

/** --shard i/n, or --shards n with JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), or the whole fleet. */
function shardFlags(args: ParsedArgs): Shard {
  const text = stringFlag(args, 'shard');
  const count = integerFlag(args, 'shards', 1);
  const index = process.env.JOB_COMPLETION_INDEX;
  try {
    if (text !== undefined) {
      const shard = parseShard(text);
      if (count !== undefined && count !== shard.count) throw new Error(`--shard ${text} and --shards ${count} disagree`);
      return shard;
    }
    if (count !== undefined) {
      if (index === undefined || index === '') throw new Error(`--shards ${count} takes the shard index from JOB_COMPLETION_INDEX, which is not set (or give --shard i/${count})`);
      return shardFromIndex(index, count);
    }
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return UNSHARDED;
}

function unrun(tenant: string, templateSha256: string, shard: Shard): TenantStatus {
  return {
    tenant, templateSha256, shard: shardLabel(shard), state: 'skipped', reason: null, dataSha256: null, rows: null, seconds: 0, finishedAt: new Date().toISOString(),
    winner: null, metric: null, higherIsBetter: null, cvScore: null, testScore: null, aboveChance: null, registeredVersion: null,
  };
}

async function startExecutor(workers: number | undefined, tenantsPath: string, log: (line: string) => void): Promise<PoolExecutor> {
  const info = await stat(tenantsPath).catch(() => undefined);
  const bound = boundWorkerCount(workers, workerBytesFor(info?.isFile() ? info.size : 0));
  if (bound.note) log(`note: ${bound.note}`);
  return createNodeExecutor(bound.count);
}
