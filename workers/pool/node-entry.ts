// What a Node worker thread starts. The built CLI passes plain JavaScript workers
// (dist/cli/workers/*.mjs, made ahead of time by scripts/build-cli.js), which start directly.
// Run from sources (tests, `node --import tsx`), a TypeScript worker is bundled once per process
// by esbuild, in memory, and started from a data: URL: each thread starts in tens of milliseconds
// instead of transpiling the kernels file by file, and nothing is written to disk.
// Kept apart from comlink: a plain worker (workers/tree-helper.ts) needs only this.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundles = new Map<string, URL>();

/** A TypeScript worker and everything it imports as one self-contained ES module. */
function bundleFromSources(url: URL): URL {
  let bundled = bundles.get(url.href);
  if (!bundled) {
    // Loaded only here: the built CLI never bundles at run time.
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({ entryPoints: [fileURLToPath(url)], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
    bundled = new URL(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
    bundles.set(url.href, bundled);
  }
  return bundled;
}

/** What to start for a worker: the built .mjs as is, a TypeScript source bundled in memory. */
export function nodeWorkerEntry(url: URL): URL {
  return url.pathname.endsWith('.ts') ? bundleFromSources(url) : url;
}

