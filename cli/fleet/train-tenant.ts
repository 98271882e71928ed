// One tenant's turn in a fleet: check its data, run the template's tournament on it, register the
// winner as a new version of the model named by the tenant id (alias champion), and describe the
// outcome as a TenantStatus. Whatever goes wrong is caught here and becomes the tenant's status
// (skipped: its data cannot train this template; failed: the run broke), never the fleet's error.
import { aboveChanceVerdict, tenantDataProblem, type TenantStatus } from '../../kernels/fleet';
import { CHAMPION } from '../../kernels/registry/aliases';
import { checkModelName } from '../../kernels/registry/names';
import type { TournamentExecutor } from '../../kernels/tournament/executor';
import { runTournament } from '../../kernels/tournament/run-tournament';
import type { TournamentSettings } from '../../kernels/tournament/settings';
import { checkTemplate, templateSettings, type TournamentTemplate } from '../../kernels/tournament/template';
import type { TournamentResult } from '../../kernels/tournament/types';
import type { FolderRegistryStore } from '../registry/folder-store';
import { registerTournament } from './register-tournament';
import type { TenantData, TenantSource } from './tenant-source';

export interface TenantRun {
  template: TournamentTemplate;
  templateSha256: string;
  shard: string;
  minRows: number;
  maxCandidates: number | undefined;
  /** The tenant's time budget for this run (the fleet budget may have cut it). */
  budgetSeconds: number;
  executor: TournamentExecutor;
  store: FolderRegistryStore;
  /** What the alias history says about the champion move. */
  aliasNote: string;
}

type Known = Pick<TenantStatus, 'rows' | 'dataSha256'>;

/** The tenant's data, or the reason it cannot be read (a skipped status's reason). */
export async function readTenant(source: TenantSource, id: string): Promise<TenantData | string> {
  try {
    checkModelName(id);
  } catch (err) {
    return `invalid tenant id: ${(err as Error).message}`;
  }
  try {
    return await source.read(id);
  } catch (err) {
    return `unreadable data: ${(err as Error).message.split('\n')[0]}`;
  }
}

export async function trainTenant(id: string, data: TenantData, run: TenantRun): Promise<TenantStatus> {
  const started = performance.now();
  const known: Known = { rows: data.table.rowCount, dataSha256: data.sha256 };
  const finish = (fields: Omit<TenantStatus, 'tenant' | 'templateSha256' | 'seconds' | 'finishedAt' | 'shard' | keyof Known> & { rows?: number }): TenantStatus => ({
    tenant: id, templateSha256: run.templateSha256, ...known, seconds: (performance.now() - started) / 1000, finishedAt: new Date().toISOString(), shard: run.shard, ...fields,
  });
  const problem = tenantDataProblem(data.table, run.template.target, run.minRows) ?? checkTemplate(run.template, data.table)[0] ?? null;
  if (problem) return finish({ ...noResult(), state: 'skipped', reason: problem });

  const settings: TournamentSettings = { ...templateSettings(run.template, { timeBudgetSeconds: run.budgetSeconds }), maxCandidates: run.maxCandidates };
  let result: TournamentResult;
  try {
    result = await runTournament(data.table, settings, run.executor, {});
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    // Data the template cannot learn from is the tenant's problem; anything else is a failure.
    return finish({ ...noResult(), state: (err as Error).name === 'DataError' ? 'skipped' : 'failed', reason: message });
  }
  try {
    const version = await register(id, data, result, settings, run);
    const chance = result.insights.evaluatedOn === 'test' ? result.insights.aboveChance : null;
    const verdict = aboveChanceVerdict({
      metric: result.metric, higherIsBetter: result.higherIsBetter, cvScore: result.winner.cvScore, foldScores: result.winner.foldScores, permutation: chance,
    });
    return finish({
      state: 'done',
      reason: null,
      rows: result.rows,
      winner: { family: result.winner.model, members: result.ensemble?.kept ? result.ensemble.members.map((m) => m.model) : [result.winner.model] },
      metric: result.metric,
      higherIsBetter: result.higherIsBetter,
      cvScore: result.winner.cvScore,
      testScore: result.test?.score ?? null,
      aboveChance: verdict,
      registeredVersion: version,
    });
  } catch (err) {
    return finish({ ...noResult(), state: 'failed', reason: `registering the winner failed: ${(err as Error).message.split('\n')[0]}` });
  }
}

function noResult() {
  return { winner: null, metric: null, higherIsBetter: null, cvScore: null, testScore: null, aboveChance: null, registeredVersion: null };
}

/** Registers the tournament's winner as the tenant's next version and points champion at it. */
async function register(id: string, data: TenantData, result: TournamentResult, settings: TournamentSettings, run: TenantRun): Promise<number> {
  const { version, createdAt } = await registerTournament(run.store, { name: id, data, result, settings, template: run.template });
  await run.store.moveAlias(id, { alias: CHAMPION, to: version.version, at: createdAt, note: run.aliasNote });
  return version.version;
}
