// `writeBundle(modelDir, outDir)`: a model directory → a folder a team deploys without Tourney.
// The files themselves come from bundle-files.ts (pure, shared with the app's export worker); this
// adds what only Node can do: build server.js with esbuild, cut the runtime packages from the
// project's package-lock.json, check that onnxruntime-node loads the model, and write the folder.
// Layout: see bundle-readme.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createEngine } from '../engine';
import { MODEL_FILES } from '../load-model';
import { readModelDirFiles } from '../server/read-model-dir';
import { bundleFiles, MODEL_ONNX, RUNTIME_PACKAGES, type BundleAssets, type BundleOptions } from './bundle-files';
import { NPMRC } from './deploy-files';
import { lockFor, runtimeLock, type ProjectLock } from './package-lock';

export { dnsName, PROMETHEUS_RULES_FILE, RUNTIME_PACKAGES, type BundleOptions } from './bundle-files';

export const REPO = resolve(import.meta.dirname, '..', '..');

export interface BundleResult {
  outDir: string;
  name: string;
  version: string;
  files: string[];
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

/** The runtime packages the bundle installs, cut from the project's package-lock.json. */
export function projectRuntimeLock() {
  return runtimeLock(JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as ProjectLock, RUNTIME_PACKAGES);
}

/** package.json, package-lock.json (exact versions cut from the project's lock) and .npmrc of a service named `app`. */
export function packageFiles(app: string, description: string): Record<string, string> {
  const runtime = projectRuntimeLock();
  return {
    'package.json': JSON.stringify({
      name: app,
      version: '1.0.0',
      private: true,
      description,
      main: 'server.js',
      scripts: { start: 'node server.js' },
      engines: { node: '>=20.19' },
      dependencies: runtime.versions,
    }, null, 2) + '\n',
    'package-lock.json': JSON.stringify(lockFor(runtime, app, '1.0.0'), null, 2) + '\n',
    '.npmrc': NPMRC,
  };
}

/** server.js and the runtime lock, built now (the app ships the same two as Vite assets). */
export async function buildBundleAssets(): Promise<BundleAssets> {
  const dir = mkdtempSync(join(tmpdir(), 'tourney-server-'));
  try {
    await buildServerJs(join(dir, 'server.js'));
    return { serverJs: readFileSync(join(dir, 'server.js')), runtime: projectRuntimeLock() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function writeBundle(modelDir: string, outDir: string, options: BundleOptions = {}): Promise<BundleResult> {
  const files = readModelDirFiles(modelDir);
  files.delete('bundle.json');
  return writeBundleFiles(files, outDir, { ...options, name: options.name ?? basename(resolve(modelDir)) }, modelDir);
}

/** The bundle for a model directory's files (from a folder or a registry version); `source` names them in errors. */
export async function writeBundleFiles(modelFiles: ReadonlyMap<string, Uint8Array>, outDir: string, options: BundleOptions, source: string): Promise<BundleResult> {
  const bundle = bundleFiles(modelFiles, await buildBundleAssets(), options, source);
  await createEngine(new Map([[MODEL_ONNX, bundle.files.get(MODEL_ONNX)!]])); // refuses a model onnxruntime-node could not score
  if (existsSync(outDir) && readdirSync(outDir).length && !existsSync(join(outDir, 'bundle.json'))) {
    throw new Error(`${outDir} exists and is not an empty folder or a previous bundle: choose another --out`);
  }
  mkdirSync(outDir, { recursive: true });
  // A previous bundle's model files go first: a document the new model does not have must not
  // stay beside its manifest (the server would refuse it as stale).
  for (const name of MODEL_FILES) rmSync(join(outDir, name), { force: true });
  for (const [name, bytes] of bundle.files) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), bytes);
  }
  return { outDir, name: bundle.name, version: bundle.version, files: [...bundle.files.keys()].sort() };
}
