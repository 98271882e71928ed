// `tourney export` as a new user meets it: the bundle copied to a fresh folder outside the
// repository, `npm install --offline` (the npm cache holds the exact versions the lock names),
// `npm start`, /readyz within 2 s, and a score equal to the project's; the Kubernetes manifests
// validate against the Kubernetes schemas (kubernetes-models).
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Service } from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxAbsDifference } from '../onnx-parity';
import { DATA, REPO, startProcess, tourney, type ScorerProcess } from '../testing/scorer-process';

const work = mkdtempSync(join(tmpdir(), 'tourney-bundle-'));
const modelDir = join(work, 'penguins-model');
const bundle = join(work, 'export');
const processes: ScorerProcess[] = [];

beforeAll(async () => {
  const train = await tourney(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--time-budget', '3', '--seed', '2', '--out', modelDir]);
  expect(train.code, train.stderr).toBe(0);
  const exported = await tourney(['export', modelDir, '--out', bundle]);
  expect(exported.code, exported.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  rmSync(work, { recursive: true, force: true });
});

function npm(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: stdout + stderr }));
  });
}

describe('tourney export bundle', () => {
  it('writes the documented layout with exact dependency versions', () => {
    for (const f of ['server.js', 'manifest.json', 'template.json', 'meta.json', 'pipeline.json', 'tournament.json', 'model.onnx', 'package.json', 'package-lock.json', '.npmrc', 'openapi.json', 'MODEL_CARD.md', 'Dockerfile', 'README.md', 'bundle.json', 'k8s/deployment.yaml', 'k8s/service.yaml', 'k8s/hpa.yaml', 'k8s/pdb.yaml']) {
      expect(existsSync(join(bundle, f)), f).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(bundle, 'bundle.json'), 'utf8')).engine).toBe('onnx');
    const pkg = JSON.parse(readFileSync(join(bundle, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node server.js');
    for (const version of Object.values(pkg.dependencies) as string[]) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies['onnxruntime-node']).toBe(JSON.parse(readFileSync(join(REPO, 'node_modules', 'onnxruntime-node', 'package.json'), 'utf8')).version);
    expect(readFileSync(join(bundle, 'server.js'), 'utf8')).not.toMatch(/from ['"][^'"]+\.ts['"]|require\(['"]tsx/);
    const docker = readFileSync(join(bundle, 'Dockerfile'), 'utf8');
    expect(docker).toMatch(/^FROM node:20-slim$/m);
    expect(docker).toMatch(/^RUN npm ci --omit=dev/m);
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(readFileSync(join(bundle, 'README.md'), 'utf8')).toMatch(/no container engine and no Kubernetes cluster ran/);
    expect(readFileSync(join(bundle, 'README.md'), 'utf8')).toMatch(/curl -s -X POST http:\/\/127\.0\.0\.1:8080\/v1\/predict/);
    // train wrote the monitoring reference, so the bundle carries it and the alerting rules over its gauges.
    expect(readFileSync(join(bundle, 'MODEL_CARD.md'), 'utf8')).toMatch(/A training reference profile is included/);
    expect(existsSync(join(bundle, 'reference-profile.json'))).toBe(true);
    const rules = spawnSync('/usr/bin/promtool', ['check', 'rules', join(bundle, 'prometheus-rules.yml')], { encoding: 'utf8' });
    expect(rules.status, rules.stdout + rules.stderr).toBe(0);
    expect(readFileSync(join(bundle, 'prometheus-rules.yml'), 'utf8')).toMatch(/alert: TourneyNoScores[\s\S]*alert: TourneyFeatureDrift/);
    expect(JSON.parse(readFileSync(join(bundle, 'openapi.json'), 'utf8')).components.schemas.Row.properties).toHaveProperty('bill_length_mm');
  });

  it('refuses to overwrite a folder that is not a bundle', async () => {
    const r = await tourney(['export', modelDir, '--out', modelDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .* exists and is not an empty folder or a previous bundle/m);
    const ref = await tourney(['export', 'penguins@production', '--out', join(work, 'x'), '--registry', join(work, 'no-registry')]);
    expect(ref.code).toBe(1);
    expect(ref.stderr).toMatch(/^error: penguins@production: no such model directory, and no registry at .*no-registry to look it up in/m);
  });

  it('installs offline in a fresh folder outside the repository, answers /readyz within 2 s and scores like the project', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'tourney-fresh-'));
    cpSync(bundle, fresh, { recursive: true });
    const install = await npm(['install', '--offline', '--no-audit', '--no-fund'], fresh);
    expect(install.code, install.out).toBe(0);
    expect(existsSync(join(fresh, 'node_modules', 'onnxruntime-node', 'package.json'))).toBe(true);
    const t0 = performance.now();
    const p = await startProcess('npm', ['start', '--silent'], { PORT: '0' }, fresh);
    processes.push(p);
    let ready = false;
    while (!ready && performance.now() - t0 < 2000) ready = (await fetch(`${p.url}/readyz`).catch(() => null))?.status === 200;
    expect(ready).toBe(true);
    process.stderr.write(`bundle: npm start → /readyz 200 in ${Math.round(performance.now() - t0)} ms\n`);
    expect((await (await fetch(`${p.url}/v1/model`)).json()).engine).toBe('onnx');
    const row = { island: 'Biscoe', bill_length_mm: 48.6, bill_depth_mm: 16, flipper_length_mm: 230, body_mass_g: 5800, sex: 'male', year: 2009 };
    const r = await fetch(`${p.url}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows: [row] }) });
    expect(r.status).toBe(200);
    const got = (await r.json()) as { model: { name: string }; predictions: { prediction: string; probabilities: Record<string, number> }[] };
    expect(got.model.name).toBe('penguins-model');
    expect(got.predictions[0].prediction).toBe('Gentoo');
    const csv = `${Object.keys(row).join(',')}\n${Object.values(row).join(',')}\n`;
    const rowFile = join(work, 'row.csv');
    writeFileSync(rowFile, csv);
    const cli = await tourney(['predict', modelDir, rowFile]);
    const [, line] = cli.stdout.trim().split('\n');
    const [label, ...probabilities] = line.split(',');
    expect(got.predictions[0].prediction).toBe(label);
    // The bundle scores with model.onnx (onnxruntime-node), `tourney predict` with the JS learners.
    expect(maxAbsDifference(Object.values(got.predictions[0].probabilities), probabilities.map(Number))).toBeLessThanOrEqual(1e-6);
    rmSync(fresh, { recursive: true, force: true });
  }, 120_000);

  it('writes Kubernetes manifests that validate against the Kubernetes schemas', () => {
    const load = (name: string) => parse(readFileSync(join(bundle, 'k8s', name), 'utf8'));
    const deployment = new Deployment(load('deployment.yaml'));
    deployment.validate();
    const pod = deployment.spec!.template.spec!;
    const container = pod.containers[0];
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, runAsNonRoot: true, allowPrivilegeEscalation: false });
    expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
    expect(container.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources?.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.env?.find((e) => e.name === 'TOURNEY_API_KEY')?.valueFrom?.secretKeyRef).toBeDefined();
    new Service(load('service.yaml')).validate();
    new HorizontalPodAutoscaler(load('hpa.yaml')).validate();
    new PodDisruptionBudget(load('pdb.yaml')).validate();
    // The validator does catch mistakes: a container port as text is rejected.
    const broken = load('deployment.yaml');
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'eighty';
    expect(() => new Deployment(broken).validate()).toThrow();
  });
});

