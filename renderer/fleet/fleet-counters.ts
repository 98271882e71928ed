// The seed's fleet counters and the per-tenant rows of the Fleet view, from the registry (models,
// versions, aliases, experiments) and the monitoring the app has seen (renderer/monitor).
//   in production        a champion alias (a fleet tenant's registered version), or scores seen by
//                        monitoring in the last 7 days
//   trained this month   versions registered since the 1st of this month (local calendar), and
//                        fleet.json tenants trained since then that the app's registry lacks
//   % above chance       of the tenants whose model card has a permutation verdict
//   predictions per day  scores monitoring saw over the last 7 days, per day covered (≤ 7)
//   experiments          runs registered in the last 7 days
import type { FleetManifest } from '../../kernels/fleet/manifest';
import type { Experiment, ModelVersion } from '../../kernels/registry/documents';
import type { ModelListing } from '../../kernels/registry/store';
import type { ModelMonitorStatus } from '../monitor/monitor-status';

const DAY_MS = 86_400_000;

export interface TenantRow {
  name: string;
  /** The version that serves: the champion alias, else the latest. */
  version: number | null;
  champion: boolean;
  family: string | null;
  metric: string | null;
  cvScore: number | null;
  testScore: number | null;
  rows: number | null;
  /** The model card's permutation verdict; null when the card has none. */
  aboveChance: boolean | null;
  /** 'drift' (inputs named), 'alerts' (other alerts), 'ok', or 'not monitored'. */
  drift: { state: 'drift' | 'alerts' | 'ok' | 'not monitored'; features: string[]; seenAt: number | null };
  inProduction: boolean;
  /** Where the row comes from: this app's registry, or an imported fleet.json (`tourney fleet train`). */
  from: 'registry' | 'fleet.json';
  /** fleet.json only: when the tenant finished training (the "trained this month" counter reads it). */
  finishedAt?: string;
}

export interface FleetCounters {
  inProduction: number;
  trainedThisMonth: number;
  aboveChancePercent: number | null;
  aboveChanceOf: number;
  predictionsPerDay: number | null;
  experimentsThisWeek: number;
  tenants: number;
}

export function tenantRows(models: ModelListing[], versions: ModelVersion[], statuses: ModelMonitorStatus[], now: number): TenantRow[] {
  const byModel = new Map(statuses.map((s) => [s.model, s]));
  return models.map(({ model, latest, aliases }) => {
    const championVersion = aliases.aliases.champion;
    const serving = (championVersion !== undefined ? versions.find((v) => v.model === model.name && v.version === championVersion) : undefined) ?? latest;
    const status = byModel.get(model.name);
    const recent = status !== undefined && status.volume.some((h) => Date.parse(h.hour) >= now - 7 * DAY_MS && h.count > 0);
    const verdict = serving?.modelCard.metrics.aboveChance;
    return {
      name: model.name,
      version: serving?.version ?? null,
      champion: championVersion !== undefined,
      family: serving?.summary.family ?? null,
      metric: serving?.summary.metric ?? null,
      cvScore: serving?.summary.cvScore ?? null,
      testScore: serving?.summary.testScore ?? null,
      rows: serving?.summary.rows ?? null,
      aboveChance: verdict ? verdict.above : null,
      drift: driftOf(status),
      inProduction: championVersion !== undefined || recent,
      from: 'registry' as const,
    };
  });
}

function driftOf(status: ModelMonitorStatus | undefined): TenantRow['drift'] {
  return !status ? { state: 'not monitored', features: [], seenAt: null }
    : { state: status.drifted.length ? 'drift' : status.alerts.length ? 'alerts' : 'ok', features: status.drifted, seenAt: status.seenAt };
}

/**
 * The trained tenants of a fleet manifest that the app's registry does not hold (the CLI keeps
 * them in the fleet's own registry folder), as rows beside the registry's. Skipped and failed
 * tenants are not models: the view lists them apart, with their reasons.
 */
export function manifestRows(manifest: FleetManifest, registryNames: ReadonlySet<string>, statuses: ModelMonitorStatus[], now: number): TenantRow[] {
  const byModel = new Map(statuses.map((s) => [s.model, s]));
  return manifest.tenants.filter((t) => t.state === 'done' && !registryNames.has(t.tenant)).map((t) => {
    const status = byModel.get(t.tenant);
    const recent = status !== undefined && status.volume.some((h) => Date.parse(h.hour) >= now - 7 * DAY_MS && h.count > 0);
    return {
      name: t.tenant, version: t.registeredVersion, champion: t.registeredVersion !== null, family: t.winner?.family ?? null, metric: t.metric,
      cvScore: t.cvScore, testScore: t.testScore, rows: t.rows, aboveChance: t.aboveChance ? t.aboveChance.above : null,
      drift: driftOf(status), inProduction: t.registeredVersion !== null || recent, from: 'fleet.json' as const, finishedAt: t.finishedAt,
    };
  });
}

export function fleetCounters(rows: TenantRow[], versions: ModelVersion[], experiments: Experiment[], statuses: ModelMonitorStatus[], now: number): FleetCounters {
  const d = new Date(now);
  const monthStart = new Date(d.getFullYear(), d.getMonth(), 1).getTime();
  const judged = rows.filter((r) => r.aboveChance !== null);
  const weekAgo = now - 7 * DAY_MS;
  let predictions = 0;
  let firstHour = Infinity;
  for (const s of statuses) {
    for (const h of s.volume) {
      const t = Date.parse(h.hour);
      if (t < weekAgo || t > now) continue;
      predictions += h.count;
      firstHour = Math.min(firstHour, t);
    }
  }
  const daysCovered = Number.isFinite(firstHour) ? Math.min(7, Math.max(1, Math.ceil((now - firstHour) / DAY_MS))) : 0;
  return {
    inProduction: rows.filter((r) => r.inProduction).length,
    trainedThisMonth: versions.filter((v) => Date.parse(v.createdAt) >= monthStart).length
      + rows.filter((r) => r.finishedAt !== undefined && Date.parse(r.finishedAt) >= monthStart).length,
    aboveChancePercent: judged.length ? (100 * judged.filter((r) => r.aboveChance).length) / judged.length : null,
    aboveChanceOf: judged.length,
    predictionsPerDay: daysCovered ? predictions / daysCovered : null,
    experimentsThisWeek: experiments.filter((e) => Date.parse(e.createdAt) >= weekAgo).length,
    tenants: rows.length,
  };
}
