// Merging shard results into the fleet manifest: every shard writes only its own file, so no
// two processes ever write the same one; the merge takes, per tenant, the latest status made with
// the current template, and names the tenants some shard was assigned but nobody has finished.
import { FLEET_FORMAT, FLEET_KIND, type FleetManifest, type ShardResult, type TenantStatus } from './manifest';

export interface MergeInput {
  template: { name: string; sha256: string };
  source: FleetManifest['source'];
  shards: readonly ShardResult[];
  updatedAt: string;
}

export function mergeShardResults({ template, source, shards, updatedAt }: MergeInput): FleetManifest {
  const current = shards.filter((s) => s.templateSha256 === template.sha256);
  const expected = new Set<string>();
  const latest = new Map<string, TenantStatus>();
  for (const shard of current) {
    for (const t of shard.assigned) expected.add(t);
    for (const status of shard.tenants) {
      if (status.templateSha256 !== template.sha256) continue;
      const seen = latest.get(status.tenant);
      if (!seen || status.finishedAt > seen.finishedAt) latest.set(status.tenant, status);
    }
  }
  for (const t of latest.keys()) expected.add(t);
  const tenants = [...latest.values()].sort((a, b) => compareIds(a.tenant, b.tenant));
  const count = (state: TenantStatus['state']) => tenants.filter((t) => t.state === state).length;
  return {
    kind: FLEET_KIND,
    format: FLEET_FORMAT,
    template,
    source,
    updatedAt,
    expected: [...expected].sort(compareIds),
    tenants,
    counts: {
      done: count('done'),
      skipped: count('skipped'),
      failed: count('failed'),
      missing: missingTenants({ expected: [...expected], tenants }).length,
      aboveChance: tenants.filter((t) => t.aboveChance?.above).length,
    },
  };
}

/** Tenants assigned to a shard that no shard has reported yet. */
export function missingTenants(manifest: Pick<FleetManifest, 'expected' | 'tenants'>): string[] {
  const reported = new Set(manifest.tenants.map((t) => t.tenant));
  return manifest.expected.filter((t) => !reported.has(t)).sort(compareIds);
}

/** Plain code-point order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
