// `npm start`: build what is stale, then open the workbench in Electron — or, where Electron
// cannot run (no binary and no network to fetch it, no display, TOURNEY_NO_ELECTRON=1), say so in
// one line and serve the same workbench on http://127.0.0.1:<port>/ for a browser.
//
// Environment:
//   TOURNEY_PORT          web fallback port (default 4173; a free one if it is taken)
//   TOURNEY_NO_ELECTRON   1: go straight to the web fallback
//   TOURNEY_SKIP_BUILD    1: do not rebuild the renderer when dist/renderer exists
//   TOURNEY_WEB_ROOT      serve this folder instead of dist/renderer (never built; for tests)
//   TOURNEY_ELECTRON_DOWNLOAD_TIMEOUT_MS  time limit for fetching Electron's binary (30000)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain } from './build-main.js';
import { probeElectron } from './electron-probe.js';
import { startWebServer } from './serve-web.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_PORT = 4173;
/** An Electron that exits with an error this soon after launch did not really start. */
const STARTUP_GRACE_MS = 5000;

/**
 * What the renderer build reads (scorer/ and package-lock.json: Export scorer's server.js and runtime
 * lock are built into the app); a newer file than dist/renderer/index.html means rebuild.
 */
const RENDERER_SOURCES = ['renderer', 'workers', 'shared', 'kernels', 'scorer', 'sample-data/public', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function newestSourceTime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestSourceTime(join(path, entry)));
  }
  return newest;
}

function runViteBuild() {
  // vite's "exports" hide bin/vite.js from require.resolve; its package.json names it.
  const manifest = createRequire(join(ROOT, 'package.json')).resolve('vite/package.json');
  const vite = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.vite);
  // Vite's report (a hundred lines of chunk sizes) is kept back: README promises one line, and
  // the report is printed only when the build fails, where it says why.
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const report = [];
    child.stdout.on('data', (chunk) => report.push(chunk));
    child.stderr.on('data', (chunk) => report.push(chunk));
    child.on('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      resolvePromise(false);
    });
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(Buffer.concat(report));
      resolvePromise(code === 0);
    });
  });
}

async function ensureRendererBuilt(webRoot, env) {
  const index = join(webRoot, 'index.html');
  const built = existsSync(index);
  if (built && isSet(env.TOURNEY_SKIP_BUILD)) return;
  if (built) {
    const newest = Math.max(...RENDERER_SOURCES.map((p) => newestSourceTime(join(ROOT, p))));
    if (statSync(index).mtimeMs >= newest) return;
  }
  console.log(built ? 'renderer sources changed: rebuilding the renderer (vite build, about a minute)…' : 'building the renderer (first start: vite build, about a minute)…');
  if (await runViteBuild()) return;
  if (!built) {
    console.error('error: building the renderer failed (see above)');
    process.exit(1);
  }
  console.error('warning: rebuilding the renderer failed (see above); using the previous build');
}

/** Starts Electron; resolves when it exits for good, or with the reason it could not start. */
function launchElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(binary, [ROOT], { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (result) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolvePromise(result);
    };
    child.on('error', (error) => done({ started: false, reason: `it could not be started (${error.code ?? error.message})` }));
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null && Date.now() - started < STARTUP_GRACE_MS) {
        done({ started: false, reason: `it exited with code ${code} at startup` });
      } else {
        done({ started: true, code: code ?? 1 });
      }
    });
  });
}

function parsePort(value) {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: TOURNEY_PORT must be a port number 0-65535, got "${value}"`);
    process.exit(2);
  }
  return port;
}

async function serveWeb(webRoot, reason, env) {
  if (!existsSync(join(webRoot, 'index.html'))) {
    console.error(`error: ${join(webRoot, 'index.html')} is missing; nothing to serve`);
    process.exit(1);
  }
  const wanted = parsePort(env.TOURNEY_PORT);
  let served;
  let note = '';
  try {
    served = await startWebServer({ root: webRoot, port: wanted, host: '127.0.0.1' });
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    served = await startWebServer({ root: webRoot, port: 0, host: '127.0.0.1' });
    note = ` (port ${wanted} is busy)`;
  }
  console.log(`Electron is not available here (${reason}); serving the workbench at ${served.url} instead${note}`);
  const stop = () => {
    served.server.close();
    served.server.closeAllConnections?.();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main() {
  const env = process.env;
  const webRoot = env.TOURNEY_WEB_ROOT ? resolve(env.TOURNEY_WEB_ROOT) : join(ROOT, 'dist', 'renderer');
  if (!env.TOURNEY_WEB_ROOT) await ensureRendererBuilt(webRoot, env);

  // A download that fails at once (offline) needs no notice; one that takes a while does.
  let notice;
  const probe = await probeElectron({
    root: ROOT,
    env,
    onDownload: (ms) => {
      notice = setTimeout(() => console.log(`fetching the Electron binary (first launch; giving up after ${Math.round(ms / 1000)} s)…`), 2000);
    },
  });
  clearTimeout(notice);
  let reason = probe.ok ? '' : probe.reason;
  if (probe.ok) {
    await buildMain({ root: ROOT });
    const result = await launchElectron(probe.binary);
    if (result.started) process.exit(result.code);
    reason = result.reason;
  }
  await serveWeb(webRoot, reason, env);
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
