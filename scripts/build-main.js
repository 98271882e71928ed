// Bundles the Electron main process and the sandboxed preload with esbuild (already installed:
// tsx depends on it). Output: dist/main/main.cjs and dist/main/preload.cjs, CommonJS, because a
// sandboxed preload must be a single CommonJS file that requires nothing but 'electron'.
//
//   node scripts/build-main.js
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Electron 45 ships Node 22 and Chromium 140. */
const TARGETS = { main: 'node22', preload: 'chrome140' };

export async function buildMain({ root = ROOT, outDir = resolve(root, 'dist/main') } = {}) {
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    build({ ...common, entryPoints: [resolve(root, 'main/electron-main.ts')], outfile: resolve(outDir, 'main.cjs'), target: TARGETS.main }),
    build({ ...common, entryPoints: [resolve(root, 'main/preload.ts')], outfile: resolve(outDir, 'preload.cjs'), target: TARGETS.preload }),
  ]);
  return { main: resolve(outDir, 'main.cjs'), preload: resolve(outDir, 'preload.cjs') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const out = await buildMain();
    console.log(`built ${out.main} and ${out.preload}`);
  } catch (error) {
    console.error(`error: building the Electron main process failed: ${error.message}`);
    process.exit(1);
  }
}
