// The multi-model scorer against real processes on loopback: `tourney serve <registry>` and a fleet
// bundle's server.js (`tourney export <registry>`), over a registry of real trained models
// registered under many tenant ids. Routing, 404s, LRU eviction by count and by bytes, one load for
// many concurrent requests to a cold tenant, bounded tenant labels in /metrics, bad input, API key.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderRegistryStore } from '../../cli/registry/folder-store';
import { buildFleetRegistry, type TenantSpec } from '../../cli/registry/testing/fleet-registry';
import { readModelDirFiles } from '../server/read-model-dir';
import { DATA, REPO, startProcess, tourney, type ScorerProcess } from '../testing/scorer-process';

const dir = mkdtempSync(join(tmpdir(), 'tourney-fleet-scorer-'));
const registry = join(dir, 'registry');
const BIN = join(REPO, 'cli', 'bin', 'tourney.js');
const started: ScorerProcess[] = [];
const GBDT = Array.from({ length: 10 }, (_, i) => `gbdt-${i}`);
const LINEAR = Array.from({ length: 4 }, (_, i) => `linear-${i}`);
const ROW = { island: 'Biscoe', bill_length_mm: 45, bill_depth_mm: 15, flipper_length_mm: 210, body_mass_g: 5000, sex: 'male' };

async function serve(args: string[], env: Record<string, string> = {}): Promise<ScorerProcess> {
  const p = await startProcess(process.execPath, [BIN, 'serve', registry, '--port', '0', ...args], { TOURNEY_ACCESS_LOG: 'off', ...env });
  started.push(p);
  await p.ready;
  return p;
}

interface Answer { status: number; body: Record<string, unknown> }

async function predict(url: string, tenant: string, body: unknown = { rows: [ROW] }, headers: Record<string, string> = {}): Promise<Answer> {
  const r = await fetch(`${url}/v1/tenants/${tenant}/predict`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

interface TenantListing { tenant: string; champion: number | null; versions: number[]; loaded: boolean }
async function tenants(url: string): Promise<{ count: number; cache: { models: number; bytes: number }; tenants: TenantListing[] }> {
  return (await (await fetch(`${url}/v1/tenants`)).json()) as Awaited<ReturnType<typeof tenants>>;
}

/** One sample's value from /metrics (0 when absent). */
async function metric(url: string, series: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

beforeAll(async () => {
  const [gbdt, linear] = await Promise.all([
    tourney(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":5}', '--out', join(dir, 'gbdt')]),
    tourney(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--models', 'linear', '--fixed', '{}', '--out', join(dir, 'linear')]),
  ]);
  expect(gbdt.code, gbdt.stderr).toBe(0);
  expect(linear.code, linear.stderr).toBe(0);
  const specs: TenantSpec[] = [
    ...GBDT.map((id) => ({ id, modelDir: join(dir, 'gbdt') })),
    ...LINEAR.map((id) => ({ id, modelDir: join(dir, 'linear') })),
    { id: 'no-champion', modelDir: join(dir, 'linear'), noChampion: true },
  ];
  await buildFleetRegistry(registry, specs);
}, 120_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('tourney serve <registry>: routing and listing', () => {
  let p: ScorerProcess;
  beforeAll(async () => { p = await serve(['--cache-models', '3']); }, 60_000);

  it('routes each tenant to its own champion', async () => {
    const [a, b, c] = await Promise.all([predict(p.url, 'gbdt-0'), predict(p.url, 'gbdt-1'), predict(p.url, 'linear-0')]);
    for (const r of [a, b, c]) expect(r.status).toBe(200);
    expect(a.body.model).toMatchObject({ tenant: 'gbdt-0', name: 'gbdt-0', registryVersion: 1 });
    expect(c.body.model).toMatchObject({ tenant: 'linear-0', registryVersion: 1 });
    const probs = (r: Answer) => (r.body.predictions as { probabilities: Record<string, number> }[])[0].probabilities;
    // Same model under two tenant ids: the same numbers; another family: different ones.
    expect(probs(b)).toEqual(probs(a));
    expect(probs(c)).not.toEqual(probs(a));
  });

  it('GET /v1/tenants lists every tenant with its champion and versions', async () => {
    const list = await tenants(p.url);
    expect(list.count).toBe(GBDT.length + LINEAR.length + 1);
    expect(list.tenants.find((t) => t.tenant === 'gbdt-3')).toMatchObject({ champion: 1, versions: [1] });
    expect(list.tenants.find((t) => t.tenant === 'no-champion')).toMatchObject({ champion: null, versions: [1], loaded: false });
  });

  it('an unknown tenant, and one without a champion, get 404 with a JSON error', async () => {
    const unknown = await predict(p.url, 'nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/unknown tenant "nobody"/);
    const none = await predict(p.url, 'no-champion');
    expect(none.status).toBe(404);
    expect(none.body.error).toMatch(/no champion/);
    expect((await predict(p.url, '..%2F..%2Fetc')).status).toBe(404);
    const single = await fetch(`${p.url}/v1/predict`, { method: 'POST', body: '{}' });
    expect(single.status).toBe(404);
  });

  it('bad input gets 400 naming row and field; the server keeps serving', async () => {
    const bad = await predict(p.url, 'gbdt-0', { rows: [ROW, { ...ROW, bill_length_mm: 'long' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('row 2, field "bill_length_mm": expected a number, got "long"');
    expect((await predict(p.url, 'gbdt-0', '{"rows": [')).status).toBe(400);
    expect((await predict(p.url, 'gbdt-0', { rows: [] })).status).toBe(400);
    const csv = await fetch(`${p.url}/v1/tenants/gbdt-0/predict`, { method: 'POST', body: 'island,bill_length_mm\nDream,x\n', headers: { 'content-type': 'text/csv' } });
    expect(csv.status).toBe(400);
    expect(((await csv.json()) as { error: string }).error).toMatch(/row 1, field "bill_length_mm"/);
    expect((await predict(p.url, 'gbdt-0')).status).toBe(200);
  });

  it('evicts the least recently used tenant past --cache-models', async () => {
    const before = await metric(p.url, 'tourney_model_cache_evictions_total{reason="count"}');
    for (const id of ['gbdt-5', 'gbdt-6', 'gbdt-7', 'gbdt-5', 'gbdt-8']) expect((await predict(p.url, id)).status).toBe(200);
    const loaded = (await tenants(p.url)).tenants.filter((t) => t.loaded).map((t) => t.tenant).sort();
    // gbdt-6 was the least recently used when gbdt-8 came in.
    expect(loaded).toEqual(['gbdt-5', 'gbdt-7', 'gbdt-8']);
    expect(await metric(p.url, 'tourney_model_cache_models')).toBe(3);
    expect(await metric(p.url, 'tourney_model_cache_evictions_total{reason="count"}')).toBeGreaterThanOrEqual(before + 2);
  });

  it('loads a cold tenant once for many concurrent requests', async () => {
    const misses = await metric(p.url, 'tourney_model_cache_lookups_total{result="miss"}');
    const loads = await metric(p.url, 'tourney_model_load_seconds_count');
    const answers = await Promise.all(Array.from({ length: 24 }, () => predict(p.url, 'linear-3')));
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(200));
    expect(await metric(p.url, 'tourney_model_cache_lookups_total{result="miss"}')).toBe(misses + 1);
    expect(await metric(p.url, 'tourney_model_load_seconds_count')).toBe(loads + 1);
  });
});

describe('tourney serve <registry>: cache by bytes, bounded metrics, limits and key', () => {
  it('evicts by bytes when --cache-bytes binds before --cache-models', async () => {
    const probe = await serve(['--cache-models', '1']);
    await predict(probe.url, 'gbdt-0');
    const modelBytes = (await tenants(probe.url)).cache.bytes;
    expect(modelBytes).toBeGreaterThan(0);
    const p = await serve(['--cache-models', '100', '--cache-bytes', String(Math.floor(modelBytes * 2.5))]);
    for (const id of ['gbdt-0', 'gbdt-1', 'gbdt-2', 'gbdt-3']) expect((await predict(p.url, id)).status).toBe(200);
    const list = await tenants(p.url);
    expect(list.tenants.filter((t) => t.loaded).map((t) => t.tenant)).toEqual(['gbdt-2', 'gbdt-3']);
    expect(list.cache.bytes).toBeLessThanOrEqual(modelBytes * 2.5);
    expect(await metric(p.url, 'tourney_model_cache_evictions_total{reason="bytes"}')).toBe(2);
    expect(await metric(p.url, 'tourney_model_cache_evictions_total{reason="count"}')).toBe(0);
  }, 60_000);

  it('labels at most --top-tenants tenants in /metrics, the rest as "other"', async () => {
    const p = await serve(['--top-tenants', '2', '--cache-models', '20']);
    const ids = [...GBDT, ...LINEAR];
    for (const id of ids) expect((await predict(p.url, id)).status).toBe(200);
    // A hot tenant takes a labelled slot from a quiet one once it clearly passes it.
    for (let i = 0; i < 15; i++) await predict(p.url, 'linear-2');
    await predict(p.url, 'nobody'); // unknown tenants never become labels
    const text = await (await fetch(`${p.url}/metrics`)).text();
    const labels = [...text.matchAll(/^tourney_tenant_requests_total\{tenant="([^"]+)"\} (\d+)/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(labels.length).toBeLessThanOrEqual(3);
    expect(labels.map(([t]) => t)).toContain('other');
    expect(labels.map(([t]) => t)).toContain('linear-2');
    expect(labels.map(([t]) => t)).not.toContain('nobody');
    expect(labels.find(([t]) => t === 'other')![1]).toBeGreaterThanOrEqual(ids.length - 2);
  }, 60_000);

  it('refuses an oversized body with 413, and a wrong or missing API key with 401', async () => {
    const p = await serve([], { TOURNEY_MAX_BODY_BYTES: '2000', TOURNEY_API_KEY: 's3cret' });
    const auth = { authorization: 'Bearer s3cret' };
    expect((await predict(p.url, 'gbdt-0', { rows: [ROW] })).status).toBe(401);
    expect((await predict(p.url, 'gbdt-0', { rows: [ROW] }, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`${p.url}/v1/tenants`)).status).toBe(401);
    expect((await fetch(`${p.url}/healthz`)).status).toBe(200);
    const big = await predict(p.url, 'gbdt-0', { rows: Array(100).fill(ROW) }, auth);
    expect(big.status).toBe(413);
    expect((await predict(p.url, 'gbdt-0', { rows: [ROW] }, auth)).status).toBe(200);
  }, 60_000);

  it('a tenant whose files are edited gets 500 naming the request, the reason on stderr; the others keep serving', async () => {
    const p = await serve([]);
    const file = join(registry, 'models', 'gbdt-9', 'versions', '1', 'pipeline.json');
    const original = readFileSync(file);
    writeFileSync(file, `${original.toString('utf8')} `);
    try {
      const broken = await predict(p.url, 'gbdt-9', { rows: [ROW] }, { 'x-request-id': 'req-broken-1' });
      expect(broken.status).toBe(500);
      expect(broken.body.error).toBe('the model of tenant "gbdt-9" cannot be loaded (request req-broken-1): see the server log');
      // The reason goes to stderr through a pipe, which may deliver it after the response: poll (bounded).
      await expect.poll(() => p.stderr(), { timeout: 10_000 }).toMatch(/"tenant":"gbdt-9".*pipeline\.json.*sha256 does not match/);
      expect((await predict(p.url, 'gbdt-8')).status).toBe(200);
      expect(await metric(p.url, 'tourney_model_load_failures_total')).toBe(1);
    } finally {
      writeFileSync(file, original);
    }
    // Nothing was cached: the repaired tenant loads on its next request.
    expect((await predict(p.url, 'gbdt-9')).status).toBe(200);
  }, 60_000);

  it('refuses to bind beyond loopback without an API key (exit 2, one line)', async () => {
    const r = await tourney(['serve', registry, '--host', '0.0.0.0', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^error: refusing to listen on 0\.0\.0\.0 without an API key/);
    const flags = await tourney(['serve', join(dir, 'gbdt'), '--cache-models', '3']);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/--cache-models applies to a registry or fleet directory/);
  }, 60_000);
});

describe('tourney serve <registry>: a moved champion', () => {
  it('is served from the next request after the catalog is re-read; the old version ages out', async () => {
    const p = await serve(['--refresh-seconds', '0.2']);
    const before = await predict(p.url, 'gbdt-4');
    expect(before.body.model).toMatchObject({ registryVersion: 1 });
    const linear = await predict(p.url, 'linear-0');
    // Register the linear model as gbdt-4's version 2 and make it the champion, as `tourney retrain` would.
    const store = new FolderRegistryStore(registry);
    const at = new Date().toISOString();
    const v2 = await store.registerVersion({ name: 'gbdt-4', files: readModelDirFiles(join(dir, 'linear')), createdAt: at, source: 'cli' });
    await store.moveAlias('gbdt-4', { alias: 'champion', to: v2.version, at });
    let listed: TenantListing | undefined;
    for (const t0 = performance.now(); performance.now() - t0 < 20_000;) {
      listed = (await tenants(p.url)).tenants.find((t) => t.tenant === 'gbdt-4');
      if (listed?.champion === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(listed).toMatchObject({ champion: 2, versions: [1, 2], loaded: false });
    const after = await predict(p.url, 'gbdt-4');
    expect(after.body.model).toMatchObject({ tenant: 'gbdt-4', registryVersion: 2 });
    expect(after.body.predictions).toEqual(linear.body.predictions);
  }, 60_000);
});

describe('tourney export <registry>: the multi-model bundle', () => {
  const out = join(dir, 'fleet-bundle');
  let p: ScorerProcess;
  beforeAll(async () => {
    const r = await tourney(['export', registry, '--out', out, '--name', 'penguin-fleet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/multi-model bundle of 14 tenants.*left out 1 without a champion: no-champion/);
    symlinkSync(join(REPO, 'node_modules'), join(out, 'node_modules'));
    p = await startProcess(process.execPath, [join(out, 'server.js'), '--port', '0'], { TOURNEY_ACCESS_LOG: 'off', TOURNEY_CACHE_MODELS: '2' });
    started.push(p);
    await p.ready;
  }, 120_000);

  it('its server.js serves every tenant from the bundle alone, with the cache the environment sets', async () => {
    const list = await tenants(p.url);
    expect(list.count).toBe(14);
    expect(list.tenants.map((t) => t.tenant)).not.toContain('no-champion');
    for (const id of ['gbdt-0', 'linear-1', 'gbdt-9']) expect((await predict(p.url, id)).status).toBe(200);
    expect((await tenants(p.url)).tenants.filter((t) => t.loaded).map((t) => t.tenant).sort()).toEqual(['gbdt-9', 'linear-1']);
    expect((await predict(p.url, 'nobody')).status).toBe(404);
    expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
    const openapi = (await (await fetch(`${p.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/tenants/{tenant}/predict', '/v1/tenants']));
  });

  it('writes a Deployment that validates against the Kubernetes schema and carries the cache limits', () => {
    const deployment = new Deployment(parse(readFileSync(join(out, 'k8s', 'deployment.yaml'), 'utf8')) as ConstructorParameters<typeof Deployment>[0]);
    deployment.validate();
    const env = deployment.spec!.template.spec!.containers[0].env!.map((e) => e.name);
    expect(env).toEqual(expect.arrayContaining(['TOURNEY_CACHE_MODELS', 'TOURNEY_CACHE_BYTES', 'TOURNEY_API_KEY']));
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(/POST|predict/);
  });
});
