// The two bundle parts the app cannot make in a browser — server.js (esbuild) and the runtime
// packages cut from the project's package-lock.json — built at `vite build` (and when the dev
// server starts) into dist/scorer-assets/, which the app's export worker imports with `?url`:
// Vite ships them as hashed assets of the app itself, fetched only when "Export scorer" is pressed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildServerJs, projectRuntimeLock } from './write-bundle';

export const APP_ASSETS_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'scorer-assets');

/** Writes server.js and runtime-lock.json into `dir`. */
export async function writeAppAssets(dir = APP_ASSETS_DIR): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await buildServerJs(join(dir, 'server.js'));
  writeFileSync(join(dir, 'runtime-lock.json'), JSON.stringify(projectRuntimeLock()));
}

/** Vite plugin: the assets exist before any module that imports them is resolved. */
export function scorerAssetsPlugin(): Plugin {
  return {
    name: 'tourney-scorer-assets',
    async buildStart() {
      await writeAppAssets();
    },
  };
}
