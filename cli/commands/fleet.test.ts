// `tourney fleet` end to end through the real binary: an unsharded run and a 2-shard run (two
// processes, JOB_COMPLETION_INDEX 0 and 1, at once) register the same models; a shard killed
// mid-run resumes where it stopped; bad tenants are reported, not fatal; status merges and
// exits 3 while tenants are missing; the Kubernetes manifests validate against the schemas.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { PersistentVolumeClaim } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenantCsv, type TenantKind } from '../../kernels/fleet/test-tenants';
import { BIN, errorLine, runCli } from '../faults/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'tourney-fleet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TENANTS: [string, TenantKind][] = [
  ['acme', 'linear'], ['globex', 'interaction'], ['initech', 'noise'], ['umbrella', 'linear'], ['hooli', 'interaction'],
  ['no-target', 'missing-target'], ['single', 'one-class'], ['tiny', 'few-rows'],
];
const GOOD = TENANTS.filter(([, k]) => ['linear', 'interaction', 'noise'].includes(k)).map(([t]) => t).sort();
const TRAIN = ['--max-candidates', '3', '--workers', '1'];

beforeAll(() => {
  mkdirSync(join(dir, 'tenants'));
  TENANTS.forEach(([id, kind], i) => writeFileSync(join(dir, 'tenants', `${id}.csv`), generateTenantCsv(kind, 300, i + 1)));
  writeFileSync(join(dir, 'template.json'), JSON.stringify({
    kind: 'tourney-tournament-template', format: 1, name: 'churn', target: 'churn', task: 'auto', models: ['gbdt', 'linear'],
    timeBudgetSeconds: 30, seed: 4, testFraction: 0.25, ensemble: true, calibration: 'auto', refitOnAllRows: true, features: {}, searchSpace: {},
  }));
});

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
/** The champion's files that make its predictions (not meta/report/manifest, which hold times). */
function championModel(fleet: string, tenant: string): Record<string, string> {
  const models = join(fleet, 'registry', 'models', tenant);
  const version = json(join(models, 'aliases.json')).aliases.champion;
  const files = join(models, 'versions', String(version));
  return Object.fromEntries(['tournament.json', 'pipeline.json', 'model.json'].filter((f) => existsSync(join(files, f))).map((f) => [f, readFileSync(join(files, f), 'utf8')]));
}

describe('tourney fleet train / status / k8s', () => {
  it('a 2-shard run (two processes, JOB_COMPLETION_INDEX 0 and 1) registers exactly the models of an unsharded run', async () => {
    const [whole, shard0, shard1] = await Promise.all([
      runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'whole', ...TRAIN, '--json'], dir),
      runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'sharded', '--shards', '2', ...TRAIN], dir, { JOB_COMPLETION_INDEX: '0' }),
      runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'sharded', '--shards', '2', ...TRAIN], dir, { JOB_COMPLETION_INDEX: '1' }),
    ]);
    for (const r of [whole, shard0, shard1]) expect(r.code, r.stderr).toBe(0);
    expect(shard0.stderr).toMatch(/shard 0\/2 has \d of 8 tenants/);
    expect(shard1.stderr).toMatch(/shard 1\/2 has \d of 8 tenants/);
    const summary = JSON.parse(whole.stdout);
    expect(summary).toMatchObject({ shard: '0/1', tenants: 8, trained: 5, skipped: 3, failed: 0 });
    // Bad tenants are reported with their reason; the others trained.
    const reasons = Object.fromEntries(summary.results.filter((t: { state: string }) => t.state === 'skipped').map((t: { tenant: string; reason: string }) => [t.tenant, t.reason]));
    expect(reasons).toEqual({ 'no-target': expect.stringMatching(/^missing target/), single: expect.stringMatching(/^one class/), tiny: expect.stringMatching(/^too few rows: 12 /) });

    expect(readdirSync(join(dir, 'sharded', 'registry', 'models')).sort()).toEqual(GOOD);
    expect(readdirSync(join(dir, 'whole', 'registry', 'models')).sort()).toEqual(GOOD);
    for (const tenant of GOOD) expect(championModel(join(dir, 'sharded'), tenant), tenant).toEqual(championModel(join(dir, 'whole'), tenant));

    const status = await runCli(['fleet', 'status', 'sharded', '--json'], dir);
    expect(status.code, status.stderr).toBe(0);
    const merged = JSON.parse(status.stdout);
    expect(merged).toMatchObject({ complete: true, missing: [], counts: { done: 5, skipped: 3, failed: 0, missing: 0 } });
    const strip = (ts: { tenant: string; state: string; winner: unknown; cvScore: number | null; aboveChance: unknown }[]) => ts.map((t) => [t.tenant, t.state, t.winner, t.cvScore, t.aboveChance]);
    expect(strip(merged.tenants)).toEqual(strip(json(join(dir, 'whole', 'fleet.json')).tenants));
    // The noise tenant is the one reported below chance.
    expect(merged.tenants.filter((t: { aboveChance: { above: boolean } | null }) => t.aboveChance && !t.aboveChance.above).map((t: { tenant: string }) => t.tenant)).toEqual(['initech']);
  }, 240_000);

  it('status exits 3 and names the missing tenants while a shard has not run', async () => {
    const r = await runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'half', '--shard', '0/2', ...TRAIN], dir);
    expect(r.code, r.stderr).toBe(0);
    const status = await runCli(['fleet', 'status', 'half'], dir);
    expect(status.code).toBe(3);
    expect(status.stdout).toMatch(/^missing \(no shard has finished them\): /m);
  }, 120_000);

  it('a shard killed mid-run resumes: tenants done before are kept, the rest are trained', async () => {
    const child = spawn(process.execPath, [BIN, 'fleet', 'train', 'template.json', 'tenants', '--out', 'killed', ...TRAIN], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    // Killed (SIGKILL: no handler runs) as soon as the second tenant is reported.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (/^\[2\/8\] /m.test(stderr)) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const before = json(join(dir, 'killed', 'shards', 'shard-0-of-1.json')).tenants;
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(8);
    const rerun = await runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'killed', ...TRAIN, '--json'], dir);
    expect(rerun.code, rerun.stderr).toBe(0);
    const done = before.filter((t: { state: string }) => t.state === 'done').length;
    expect(JSON.parse(rerun.stdout)).toMatchObject({ kept: done, trained: 5 - done, failed: 0 });
    // One version each: nothing trained twice.
    for (const tenant of GOOD) expect(readdirSync(join(dir, 'killed', 'registry', 'models', tenant, 'versions'))).toEqual(['1']);
    expect((await runCli(['fleet', 'status', 'killed'], dir)).code).toBe(0);
  }, 240_000);

  it('writes an Indexed Job, its volume claim and the retrain CronJob that validate against the Kubernetes schemas', async () => {
    const r = await runCli(['fleet', 'k8s', 'whole', '--shards', '4', '--schedule', '0 3 * * 1', '--margin', '0.01', '--image', 'registry.example/tourney:1'], dir);
    expect(r.code, r.stderr).toBe(0);
    const load = (f: string) => parse(readFileSync(join(dir, 'whole', 'k8s', f), 'utf8'));
    const job = new Job(load('train-job.yaml'));
    job.validate();
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, backoffLimitPerIndex: 2 });
    const container = job.spec!.template.spec!.containers[0];
    expect(container.args).toEqual(expect.arrayContaining(['fleet', 'train', '--shards', '4']));
    expect(container.resources?.limits).toMatchObject({ cpu: '2', memory: '2Gi' });
    expect(container.volumeMounts?.map((m) => m.mountPath)).toContain('/data');
    expect(job.spec!.template.spec!.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe('tourney-fleet-data');
    new PersistentVolumeClaim(load('pvc.yaml')).validate();
    const cron = new CronJob(load('retrain-cronjob.yaml'));
    cron.validate();
    expect(cron.spec!.schedule).toBe('0 3 * * 1');
    expect(cron.spec!.jobTemplate.spec!.template.spec!.containers[0].args).toEqual(expect.arrayContaining(['retrain', '--fleet', '/data/fleet', '--margin', '0.01']));
    // The validator does catch mistakes: a shard count as text is rejected.
    const broken = load('train-job.yaml');
    broken.spec.completions = 'four';
    expect(() => new Job(broken).validate()).toThrow();

    const bad = await runCli(['fleet', 'k8s', 'whole', '--schedule', 'every monday'], dir);
    expect(bad.code).toBe(2);
    expect(errorLine(bad).line).toMatch(/--schedule: a schedule has 5 cron fields/);
  }, 60_000);

  it('reads one table with a tenant column: each tenant its own model, the column not a feature', async () => {
    const [header, ...a] = generateTenantCsv('linear', 200, 31).trimEnd().split('\n');
    const b = generateTenantCsv('interaction', 200, 32).trimEnd().split('\n').slice(1);
    writeFileSync(join(dir, 'all.csv'), [`shop,${header}`, ...a.map((l) => `north,${l}`), ...b.map((l) => `south,${l}`)].join('\n') + '\n');
    const r = await runCli(['fleet', 'train', 'template.json', 'all.csv', '--tenant-column', 'shop', '--out', 'shops', ...TRAIN, '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).results.map((t: { tenant: string; state: string; rows: number }) => [t.tenant, t.state, t.rows])).toEqual([['north', 'done', 200], ['south', 'done', 200]]);
    const pipeline = championModel(join(dir, 'shops'), 'north')['pipeline.json'];
    expect(pipeline).not.toContain('"shop"');
    const manifest = json(join(dir, 'shops', 'fleet.json'));
    expect(manifest.source).toEqual({ tenants: 'all.csv', tenantColumn: 'shop' });
  }, 120_000);

  it('usage and data errors are one line: a bad shard, a folder that is not a fleet, missing tenants', async () => {
    const shard = await runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'x', '--shard', '2/2'], dir);
    expect([shard.code, errorLine(shard).line]).toEqual([2, 'error: the shard index must be below the shard count ("2/2")']);
    const noIndex = await runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'x', '--shards', '2'], dir, { JOB_COMPLETION_INDEX: '' });
    expect([noIndex.code, errorLine(noIndex).line]).toEqual([2, expect.stringMatching(/JOB_COMPLETION_INDEX, which is not set/)]);
    const notFleet = await runCli(['fleet', 'status', 'tenants'], dir);
    expect([notFleet.code, errorLine(notFleet).line]).toEqual([1, expect.stringMatching(/is not a fleet folder/)]);
    const foreign = await runCli(['fleet', 'train', 'template.json', 'tenants', '--out', 'tenants'], dir);
    expect([foreign.code, errorLine(foreign).line]).toEqual([1, expect.stringMatching(/is not a fleet folder \(it holds acme.csv/)]);
    const missing = await runCli(['fleet', 'train', 'template.json', 'nowhere', '--out', 'y'], dir);
    expect([missing.code, errorLine(missing).line]).toEqual([1, expect.stringMatching(/cannot read tenants nowhere: no such file/)]);
  }, 60_000);
});
