import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyAliases } from '../../kernels/registry/aliases';
import type { ModelListing } from '../../kernels/registry/store';
import { snapshotFixture } from '../../kernels/registry/testing/registry-fixture';
import type { ModelMonitorStatus } from '../monitor/monitor-status';
import { fleetManifestSchema, parseFleetDocument } from '../../kernels/fleet/manifest';
import { fleetCounters, manifestRows, tenantRows } from './fleet-counters';

const now = Date.parse('2026-12-06T12:00:00.000Z');
const snapshot = snapshotFixture(3, 2);
const versions = snapshot.models.flatMap((m) => m.versions.map((v) => v.doc));
// model-2 has no champion: only monitoring can put it in production.
const listings: ModelListing[] = snapshot.models.map((m, i) => ({ model: m.model, latest: m.versions.at(-1)!.doc, aliases: i === 2 ? emptyAliases(m.model.name) : m.aliases }));
const hours = (from: string, n: number, count: number) => Array.from({ length: n }, (_, i) => ({ hour: new Date(Date.parse(from) + i * 3_600_000).toISOString(), count }));
const statuses: ModelMonitorStatus[] = [
  { model: 'model-0', version: '1', source: 'scorer', seenAt: now, alerts: [{ name: 'feature-drift', feature: 'age' }], drifted: ['age'], volume: hours('2026-12-05T12:00:00.000Z', 24, 100) },
  { model: 'model-2', version: '2', source: 'log', seenAt: now, alerts: [], drifted: [], volume: [...hours('2026-11-01T00:00:00.000Z', 2, 999), ...hours('2026-12-04T12:00:00.000Z', 2, 50)] },
];

describe('fleet counters', () => {
  it('rows: the serving version, its verdicts and the drift monitoring saw', () => {
    const rows = tenantRows(listings, versions, statuses, now);
    expect(rows.map((r) => [r.name, r.version, r.champion, r.drift.state, r.inProduction])).toEqual([
      ['model-0', 1, true, 'drift', true],
      ['model-1', 1, true, 'not monitored', true],
      ['model-2', 2, false, 'ok', true],
    ]);
    expect(rows[0].drift.features).toEqual(['age']);
    expect(rows[0].family).toBe(versions[0].summary.family);
  });

  it('counts production, this month, above chance, predictions per day over the days covered, and this week', () => {
    const rows = tenantRows(listings, versions, statuses, now);
    const c = fleetCounters(rows, versions, snapshot.experiments, statuses, now);
    expect(c.inProduction).toBe(3);
    expect(c.tenants).toBe(3);
    expect(c.trainedThisMonth).toBe(versions.filter((v) => v.createdAt >= '2026-12-01').length);
    expect(c.experimentsThisWeek).toBe(snapshot.experiments.filter((e) => Date.parse(e.createdAt) >= now - 7 * 86_400_000).length);
    // 2,400 + 100 scores in the last 7 days (the November hours are older), first on Dec 4 12:00: 2 days covered.
    expect(c.predictionsPerDay).toBe(2500 / 2);
    const judged = rows.filter((r) => r.aboveChance !== null);
    expect(c.aboveChanceOf).toBe(judged.length);
  });

  it('says nothing rather than zero when nothing is known', () => {
    const c = fleetCounters([], [], [], [], now);
    expect(c).toMatchObject({ inProduction: 0, aboveChancePercent: null, predictionsPerDay: null });
  });
});

describe('a fleet.json beside the registry', () => {
  const status = (tenant: string, state: 'done' | 'skipped' | 'failed', above: boolean | null, registeredVersion: number | null) => ({
    tenant, state, reason: state === 'done' ? null : 'one class only', templateSha256: 'a'.repeat(64), dataSha256: null, rows: 120, seconds: 3,
    finishedAt: '2026-12-05T10:00:00.000Z', shard: '0/1', winner: state === 'done' ? { family: 'linear', members: ['logistic'] } : null,
    metric: 'auroc', higherIsBetter: true, cvScore: 0.8, testScore: 0.79,
    aboveChance: above === null ? null : { above, chance: 0.5, cvBound: 0.7, pValue: 0.01, reason: '' }, registeredVersion,
  });
  const manifest = fleetManifestSchema.parse({
    kind: 'tourney-fleet', format: 1, template: { name: 't', sha256: 'a'.repeat(64) }, source: { tenants: 'tenants/', tenantColumn: null },
    updatedAt: '2026-12-05T10:00:00.000Z', expected: ['model-0', 'acme', 'noise', 'broken'],
    tenants: [status('model-0', 'done', true, 1), status('acme', 'done', true, 1), status('noise', 'done', false, null), status('broken', 'skipped', null, null)],
    counts: { done: 3, skipped: 1, failed: 0, missing: 0, aboveChance: 2 },
  });

  it('adds the trained tenants the registry lacks, with their verdicts; skipped ones are not models', () => {
    const rows = manifestRows(manifest, new Set(['model-0']), statuses, now);
    expect(rows.map((r) => [r.name, r.family, r.aboveChance, r.inProduction, r.from])).toEqual([
      ['acme', 'linear', true, true, 'fleet.json'],
      ['noise', 'linear', false, false, 'fleet.json'],
    ]);
    const all = [...tenantRows(listings, versions, statuses, now), ...rows];
    const c = fleetCounters(all, versions, snapshot.experiments, statuses, now);
    expect(c.tenants).toBe(5);
    expect(c.trainedThisMonth).toBe(versions.filter((v) => v.createdAt >= '2026-12-01').length + 2);
    expect(c.aboveChanceOf).toBe(all.filter((r) => r.aboveChance !== null).length);
  });
});

describe('a fleet.json written by `tourney fleet train`', () => {
  it('reads: penguins by island, the one-species island skipped with its reason', () => {
    // testing/penguins-fleet.json: `tourney fleet train <penguins template> penguins.csv --tenant-column island --time-budget 2 --max-candidates 3`
    const doc = parseFleetDocument(fleetManifestSchema, readFileSync(new URL('./testing/penguins-fleet.json', import.meta.url), 'utf8'), 'penguins-fleet.json');
    const rows = manifestRows(doc, new Set(), [], now);
    expect(rows.map((r) => [r.name, r.from, r.version])).toEqual([['Biscoe', 'fleet.json', 1], ['Dream', 'fleet.json', 1]]);
    expect(rows.every((r) => r.family !== null && r.aboveChance !== null)).toBe(true);
    expect(doc.tenants.find((t) => t.tenant === 'Torgersen')).toMatchObject({ state: 'skipped', reason: expect.stringMatching(/one class/) });
  });
});

