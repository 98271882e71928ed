import { describe, expect, it } from 'vitest';
import type { ShardResult, TenantStatus } from './manifest';
import { fleetManifestSchema, shardResultSchema } from './manifest';
import { mergeShardResults, missingTenants } from './merge';

const T = 'a'.repeat(64);
const OLD = 'b'.repeat(64);
const status = (tenant: string, state: TenantStatus['state'], finishedAt: string, templateSha256 = T): TenantStatus => ({
  tenant, state, reason: state === 'done' ? null : 'why', templateSha256, dataSha256: null, rows: 10, seconds: 1, finishedAt, shard: '0/2',
  winner: null, metric: null, higherIsBetter: null, cvScore: null, testScore: null, aboveChance: state === 'done' ? { above: true, chance: 0.5, cvBound: 0.7, pValue: 0.005, reason: 'above' } : null, registeredVersion: null,
});
const shard = (index: number, assigned: string[], tenants: TenantStatus[], templateSha256 = T): ShardResult =>
  shardResultSchema.parse({ kind: 'tourney-fleet-shard', format: 1, shard: { index, count: 2 }, templateSha256, updatedAt: '2026-01-01T00:00:00Z', assigned, tenants });

describe('mergeShardResults', () => {
  it('takes each tenant from its shard, the latest status winning, and names the missing ones', () => {
    const merged = mergeShardResults({
      template: { name: 't', sha256: T },
      source: { tenants: 'in', tenantColumn: null },
      updatedAt: '2026-01-02T00:00:00Z',
      shards: [
        shard(0, ['a', 'b'], [status('a', 'failed', '2026-01-01T00:00:00Z'), status('a', 'done', '2026-01-01T01:00:00Z')]),
        shard(1, ['c', 'd'], [status('c', 'skipped', '2026-01-01T00:00:00Z'), status('d', 'done', '2026-01-01T00:00:00Z', OLD)]),
      ],
    });
    fleetManifestSchema.parse(merged);
    expect(merged.tenants.map((t) => [t.tenant, t.state])).toEqual([['a', 'done'], ['c', 'skipped']]);
    expect(missingTenants(merged)).toEqual(['b', 'd']);
    expect(merged.counts).toEqual({ done: 1, skipped: 1, failed: 0, missing: 2, aboveChance: 1 });
  });
  it('ignores shard files written for another template', () => {
    const merged = mergeShardResults({
      template: { name: 't', sha256: T }, source: { tenants: 'in', tenantColumn: null }, updatedAt: '2026-01-02T00:00:00Z',
      shards: [shard(0, ['x'], [status('x', 'done', '2026-01-01T00:00:00Z', OLD)], OLD)],
    });
    expect(merged.expected).toEqual([]);
  });
});
