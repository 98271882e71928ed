// Spawning pool workers on Node's worker_threads. A TypeScript worker module is bundled once per
// process with esbuild (which tsx already brings) into a plain ES module under
// node_modules/.cache, so each thread starts in tens of milliseconds instead of transpiling the
// kernels file by file. Without esbuild it falls back to a bootstrap that registers tsx's loader
// inside the thread (on Node 20 `--import tsx` in a worker's execArgv does not reach its entry).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SpawnWorker } from './types';

const require = createRequire(import.meta.url);

function tsxBootstrap(url: URL): string {
  // The ESM entry of tsx's API (require.resolve would give the CommonJS one).
  const tsxPackage = require.resolve('tsx/package.json');
  const tsxApi = new URL('dist/esm/api/index.mjs', pathToFileURL(tsxPackage)).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
}

const bundles = new Map<string, URL | null>();

/** The worker and its dependencies bundled into one ES module, or null without esbuild. */
function bundleWorker(url: URL): URL | null {
  if (bundles.has(url.href)) return bundles.get(url.href)!;
  let out: URL | null;
  try {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({
      entryPoints: [fileURLToPath(url)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    const hash = createHash('sha1').update(code).digest('hex').slice(0, 12);
    // Under node_modules/.cache: ignored by git and by tools, and next to the packages.
    const dir = join(dirname(dirname(require.resolve('comlink/package.json'))), '.cache', 'tourney-workers');
    const file = join(dir, `${basename(fileURLToPath(url), '.ts')}-${hash}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, code);
      renameSync(temp, file); // atomic: concurrent processes write the same content
      removeStaleBundles(dir, basename(fileURLToPath(url), '.ts'), file);
    }
    out = pathToFileURL(file);
  } catch {
    out = null;
  }
  bundles.set(url.href, out);
  return out;
}

/** Older bundles of the same worker (sources changed since) go after a day unused. */
function removeStaleBundles(dir: string, name: string, keep: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (path === keep || !entry.startsWith(`${name}-`)) continue;
    try {
      if (statSync(path).atimeMs < dayAgo) unlinkSync(path);
    } catch {
      // another process removed it first
    }
  }
}

export function nodeWorkerSpawner<T>(url: URL): SpawnWorker<T> {
  const isTypeScript = url.pathname.endsWith('.ts');
  const bundled = isTypeScript ? bundleWorker(url) : null;
  return () => {
    const worker = bundled ? new Worker(bundled) : isTypeScript ? new Worker(tsxBootstrap(url), { eval: true }) : new Worker(url);
    // An idle pool must not keep the process alive; the pool owns the lifetime explicitly.
    worker.unref();
    return {
      api: wrap<T>(nodeEndpoint(worker)),
      terminate: () => void worker.terminate(),
      onFailure: (listener) => {
        worker.on('error', listener);
        worker.on('exit', (code) => listener(new Error(`worker exited with code ${code}`)));
      },
    };
  };
}

export function nodeCoreCount(): number {
  return Math.max(1, availableParallelism());
}
