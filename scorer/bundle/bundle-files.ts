// The bundle's files as bytes, from a model directory's files and the two build products the
// bundle needs (server.js and the runtime part of the project lock). Pure — no file system, no
// esbuild, no onnxruntime — so `tourney export` (write-bundle.ts) and the app's export worker
// write the same files with the same code; only where the build products come from differs (Node
// builds them on the spot, the app ships them as Vite assets built at `vite build`).
import { MANIFEST, MODEL_DOCUMENTS, sha256Hex } from '../../kernels/modeldir';
import { DEFAULT_ALERT_RULES, type AlertRules } from '../../kernels/monitor/alert-rules';
import { prometheusRules, type PrometheusRuleOptions } from '../../kernels/monitor/prometheus-rules';
import { DEFAULT_LIMITS } from '../limits';
import { loadScorerModel } from '../load-model';
import { modelCardMarkdown } from '../model-card';
import { ModelFileError, parseJsonFile } from '../model-files';
import { withModelOnnx } from '../model-onnx';
import { openApiDocument } from '../openapi';
import { referenceFrom } from '../server/monitoring';
import { bundleReadme } from './bundle-readme';
import { dockerfile, DOCKERIGNORE, kubernetesManifests, NPMRC, toYaml } from './deploy-files';
import { lockFor, type RuntimeLock } from './package-lock';

/** Packages server.js loads at run time instead of bundling (native code). */
export const RUNTIME_PACKAGES = ['onnxruntime-node'] as const;
export const PROMETHEUS_RULES_FILE = 'prometheus-rules.yml';
export const MODEL_ONNX = 'model.onnx';
/** Model documents copied unchanged (they load through the same checked loader as the directory). */
const COPIED = MODEL_DOCUMENTS;

export interface BundleOptions {
  /** The model's name in the bundle (default: meta.json's name, else "model"). */
  name?: string;
  /** Where a registered version came from, recorded in bundle.json. */
  registry?: { root: string; model: string; version: number; alias?: string };
  /** Thresholds of prometheus-rules.yml (default DEFAULT_ALERT_RULES), and how long conditions must hold. */
  alertRules?: AlertRules;
  prometheus?: PrometheusRuleOptions;
  /** bundle.json's createdAt (default now). */
  createdAt?: string;
}

/** What the bundle needs besides the model: built once per Tourney build, not per model. */
export interface BundleAssets {
  /** The server as one CommonJS file (esbuild of scorer/server/main.ts). */
  serverJs: Uint8Array;
  /** The runtime packages (RUNTIME_PACKAGES) cut from the project's package-lock.json. */
  runtime: RuntimeLock;
}

export interface BundleContents {
  name: string;
  version: string;
  /** Forward-slash paths (k8s/…) → content, bundle.json included. */
  files: Map<string, Uint8Array>;
}

/** DNS-1123 label: lower case, digits and dashes, ≤ 63 characters. */
export function dnsName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 55);
  return `${slug || 'model'}-scorer`;
}

/**
 * The model's manifest.json with model.onnx listed (size and SHA-256), so the server refuses an
 * edited or replaced model.onnx exactly as it refuses an edited model document.
 */
export function manifestWithOnnx(files: ReadonlyMap<string, Uint8Array>, onnx: Uint8Array): Uint8Array {
  const manifest = parseJsonFile(files, MANIFEST) as { files?: { name: string }[] };
  if (!manifest || !Array.isArray(manifest.files)) throw new ModelFileError(`${MANIFEST} has no file list: not a Tourney model directory`);
  const listed = manifest.files.filter((f) => f?.name !== MODEL_ONNX);
  const out = { ...manifest, files: [...listed, { name: MODEL_ONNX, bytes: onnx.length, sha256: sha256Hex(onnx) }] };
  return new TextEncoder().encode(JSON.stringify(out, null, 2));
}

/**
 * Every file of the bundle for a model directory's files (from a folder, a registry version or the
 * app's tournament); `source` names them in errors. Throws (a ModelDirError / ModelFileError naming
 * the file) for a model the server would refuse.
 */
export function bundleFiles(modelFiles: ReadonlyMap<string, Uint8Array>, assets: BundleAssets, options: BundleOptions = {}, source = ''): BundleContents {
  // model.onnx exported from the shipped model (a bundle re-exported keeps its own).
  const files = withModelOnnx(modelFiles, source);
  const model = loadScorerModel(files, options.name, source);
  const onnx = files.get(MODEL_ONNX)!;
  const out = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  const put = (name: string, content: string | Uint8Array) => out.set(name, typeof content === 'string' ? encoder.encode(content) : content);

  put(MANIFEST, manifestWithOnnx(files, onnx));
  for (const name of COPIED) if (files.has(name)) put(name, files.get(name)!);
  put(MODEL_ONNX, onnx);
  const profile = files.get('reference-profile.json') ?? files.get('profile.json');
  if (profile && !out.has('reference-profile.json')) put('reference-profile.json', profile);
  // The scorer exports the gauges these rules read only when it has a monitoring reference.
  if (referenceFrom(model.reference)) put(PROMETHEUS_RULES_FILE, prometheusRules(model.name, options.alertRules ?? DEFAULT_ALERT_RULES, options.prometheus));

  put('server.js', assets.serverJs);
  const app = dnsName(model.name);
  put('package.json', JSON.stringify({
    name: app,
    version: '1.0.0',
    private: true,
    description: `Scoring service for the Tourney model ${model.name} (${model.version})`,
    main: 'server.js',
    scripts: { start: 'node server.js' },
    engines: { node: '>=20.19' },
    dependencies: assets.runtime.versions,
  }, null, 2) + '\n');
  put('package-lock.json', JSON.stringify(lockFor(assets.runtime, app, '1.0.0'), null, 2) + '\n');
  put('.npmrc', NPMRC);
  put('openapi.json', JSON.stringify(openApiDocument(model, DEFAULT_LIMITS), null, 2) + '\n');
  put('MODEL_CARD.md', modelCardMarkdown(model));
  put('Dockerfile', dockerfile());
  put('.dockerignore', DOCKERIGNORE);
  for (const [name, doc] of Object.entries(kubernetesManifests({ app, image: `${app}:${model.version.replace(/[^\w.-]/g, '-')}` }))) put(`k8s/${name}`, toYaml(doc));
  put('README.md', bundleReadme(model, app, Boolean(profile)));
  const names = [...out.keys(), 'bundle.json'].sort();
  put('bundle.json', JSON.stringify({
    tourneyBundle: 1,
    model: { name: model.name, version: model.version, task: model.task, target: model.target },
    engine: 'onnx',
    ...(options.registry ? { registry: options.registry } : {}),
    createdAt: options.createdAt ?? new Date().toISOString(),
    files: names,
  }, null, 2) + '\n');
  return { name: model.name, version: model.version, files: out };
}
