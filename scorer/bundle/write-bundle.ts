// `writeBundle(modelDir, outDir)`: a model directory → a folder a team deploys without Tourney.
// Layout (see bundle-readme.ts for what each file is): the model files, model.onnx exported from
// the shipped model (the server scores with it on onnxruntime-node), server.js (esbuild, one
// CommonJS file, kernels bundled, no TypeScript at run time), package.json + package-lock.json with
// exact versions, .npmrc, openapi.json, MODEL_CARD.md, reference-profile.json when the model has
// one (with prometheus-rules.yml, the alerting rules over the scorer's monitoring gauges),
// Dockerfile, k8s/*.yaml, README.md, bundle.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { MANIFEST, MODEL_DOCUMENTS } from '../../kernels/modeldir';
import { DEFAULT_ALERT_RULES, type AlertRules } from '../../kernels/monitor/alert-rules';
import { prometheusRules, type PrometheusRuleOptions } from '../../kernels/monitor/prometheus-rules';
import { createEngine } from '../engine';
import { loadScorerModel, MODEL_FILES } from '../load-model';
import { modelCardMarkdown } from '../model-card';
import { withModelOnnx } from '../model-onnx';
import { openApiDocument } from '../openapi';
import { DEFAULT_LIMITS } from '../server/app';
import { referenceFrom } from '../server/monitoring';
import { readModelDirFiles } from '../server/read-model-dir';
import { bundleReadme } from './bundle-readme';
import { dockerfile, DOCKERIGNORE, kubernetesManifests, NPMRC, toYaml } from './deploy-files';
import { bundleLock, type ProjectLock } from './package-lock';

export const REPO = resolve(import.meta.dirname, '..', '..');
/** Packages server.js loads at run time instead of bundling (native code). */
export const RUNTIME_PACKAGES = ['onnxruntime-node'] as const;
/**
 * Model files copied as they are: manifest.json and every model document unchanged (so the
 * bundle's model loads through the same checked loader as the directory), and the ONNX slot.
 */
const COPIED = [MANIFEST, ...MODEL_DOCUMENTS, 'model.onnx'];

export interface BundleResult {
  outDir: string;
  name: string;
  version: string;
  files: string[];
}

/** DNS-1123 label: lower case, digits and dashes, ≤ 63 characters. */
export function dnsName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 55);
  return `${slug || 'model'}-scorer`;
}

/** Builds scorer/server/main.ts (or another server entry, e.g. scorer/fleet/main.ts) into one CommonJS file. */
export async function buildServerJs(outfile: string, entry = join(REPO, 'scorer', 'server', 'main.ts')): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: [...RUNTIME_PACKAGES],
    legalComments: 'eof',
    logLevel: 'silent',
    banner: { js: '// Tourney scorer, built by `tourney export` with esbuild. Source: scorer/server in the Tourney repository.' },
  });
}

export interface BundleOptions {
  /** The model's name in the bundle (default: the model directory's folder name). */
  name?: string;
  /** Where a registered version came from, recorded in bundle.json. */
  registry?: { root: string; model: string; version: number; alias?: string };
  /** Thresholds of prometheus-rules.yml (default DEFAULT_ALERT_RULES), and how long conditions must hold. */
  alertRules?: AlertRules;
  prometheus?: PrometheusRuleOptions;
}

/** package.json, package-lock.json (exact versions cut from the project's lock) and .npmrc of a bundle named `app`. */
export function packageFiles(app: string, description: string): Record<string, string> {
  const { lock, versions } = bundleLock(JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as ProjectLock, app, '1.0.0', RUNTIME_PACKAGES);
  return {
    'package.json': JSON.stringify({
      name: app,
      version: '1.0.0',
      private: true,
      description,
      main: 'server.js',
      scripts: { start: 'node server.js' },
      engines: { node: '>=20.19' },
      dependencies: versions,
    }, null, 2) + '\n',
    'package-lock.json': JSON.stringify(lock, null, 2) + '\n',
    '.npmrc': NPMRC,
  };
}

export const PROMETHEUS_RULES_FILE = 'prometheus-rules.yml';

export async function writeBundle(modelDir: string, outDir: string, options: BundleOptions = {}): Promise<BundleResult> {
  const files = readModelDirFiles(modelDir);
  files.delete('bundle.json');
  return writeBundleFiles(files, outDir, { ...options, name: options.name ?? basename(resolve(modelDir)) }, modelDir);
}

/** The bundle for a model directory's files (from a folder or a registry version); `source` names them in errors. */
export async function writeBundleFiles(modelFiles: ReadonlyMap<string, Uint8Array>, outDir: string, options: BundleOptions, source: string): Promise<BundleResult> {
  // model.onnx exported from the shipped model (a bundle re-exported keeps its own).
  const files = withModelOnnx(modelFiles, source);
  const model = loadScorerModel(files, options.name, source);
  const engine = await createEngine(files); // refuses a model the server could not score
  if (existsSync(outDir) && readdirSync(outDir).length && !existsSync(join(outDir, 'bundle.json'))) {
    throw new Error(`${outDir} exists and is not an empty folder or a previous bundle: choose another --out`);
  }
  mkdirSync(join(outDir, 'k8s'), { recursive: true });
  // A previous bundle's model files go first: a document the new model does not have must not
  // stay beside its manifest (the server would refuse it as stale).
  for (const name of MODEL_FILES) rmSync(join(outDir, name), { force: true });
  const written: string[] = [];
  const put = (name: string, content: string | Uint8Array) => {
    writeFileSync(join(outDir, name), content);
    written.push(name);
  };
  for (const name of COPIED) if (files.has(name)) put(name, files.get(name)!);
  const profile = files.get('reference-profile.json') ?? files.get('profile.json');
  if (profile && !written.includes('reference-profile.json')) put('reference-profile.json', profile);
  // The scorer exports the gauges these rules read only when it has a monitoring reference.
  if (referenceFrom(model.reference)) put(PROMETHEUS_RULES_FILE, prometheusRules(model.name, options.alertRules ?? DEFAULT_ALERT_RULES, options.prometheus));

  await buildServerJs(join(outDir, 'server.js'));
  written.push('server.js');
  const app = dnsName(model.name);
  for (const [name, content] of Object.entries(packageFiles(app, `Scoring service for the Tourney model ${model.name} (${model.version})`))) put(name, content);
  put('openapi.json', JSON.stringify(openApiDocument(model, DEFAULT_LIMITS), null, 2) + '\n');
  put('MODEL_CARD.md', modelCardMarkdown(model));
  put('Dockerfile', dockerfile());
  put('.dockerignore', DOCKERIGNORE);
  for (const [name, doc] of Object.entries(kubernetesManifests({ app, image: `${app}:${model.version.replace(/[^\w.-]/g, '-')}` }))) put(`k8s/${name}`, toYaml(doc));
  put('README.md', bundleReadme(model, app, Boolean(profile)));
  const bundleFiles = [...written, 'bundle.json'].sort();
  writeFileSync(join(outDir, 'bundle.json'), JSON.stringify({
    tourneyBundle: 1,
    model: { name: model.name, version: model.version, task: model.task, target: model.target },
    engine: engine.kind,
    ...(options.registry ? { registry: options.registry } : {}),
    createdAt: new Date().toISOString(),
    files: bundleFiles,
  }, null, 2) + '\n');
  return { outDir, name: model.name, version: model.version, files: bundleFiles };
}
