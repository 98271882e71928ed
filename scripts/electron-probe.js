// Can Electron run here? Answers without ever hanging: Electron 45 fetches its binary at first
// launch (`require('electron')` would block on a synchronous download), so this reads the
// package's path.txt itself and, when the binary is missing, runs the package's installer in a
// child process with a time limit. Used by scripts/start.js to choose Electron or the web app.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;

function isFile(path) {
  return Boolean(path) && existsSync(path) && statSync(path).isFile();
}

function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function findElectronPackage(root, env) {
  if (env.TOURNEY_ELECTRON_PACKAGE) return existsSync(join(env.TOURNEY_ELECTRON_PACKAGE, 'package.json')) ? env.TOURNEY_ELECTRON_PACKAGE : null;
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Where the electron package says its binary is (the same rules as electron/index.js). */
export function electronBinaryPath(packageDir, env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  return relative ? join(packageDir, 'dist', relative) : null;
}

/** The line of an installer's output that says what went wrong, kept short. */
function summarize(output, code) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = lines.find((l) => /error|fail|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN/i.test(l)) ?? lines[0];
  const text = line ? line.replace(/\s+/g, ' ') : `installer exited with code ${code}`;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function seconds(ms) {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

function runInstaller(packageDir, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      if (output.length < 20_000) output += chunk;
    };
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: `downloading its binary timed out after ${seconds(timeoutMs)} s` });
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `its installer could not run (${error.message})` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: `its binary could not be downloaded: ${summarize(output, code)}` });
    });
  });
}

/**
 * Resolves `{ ok: true, binary }` when Electron can be launched, else `{ ok: false, reason }`
 * with a short reason for the one-line fallback message.
 */
export async function probeElectron({
  root,
  env = process.env,
  platform = process.platform,
  downloadTimeoutMs = Number(env.TOURNEY_ELECTRON_DOWNLOAD_TIMEOUT_MS) || DEFAULT_DOWNLOAD_TIMEOUT_MS,
  onDownload = () => {},
} = {}) {
  if (isSet(env.TOURNEY_NO_ELECTRON)) return { ok: false, reason: 'TOURNEY_NO_ELECTRON is set' };
  const packageDir = findElectronPackage(root, env);
  if (!packageDir) return { ok: false, reason: 'the electron package is not installed' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display to open a window on: DISPLAY is not set' };
  }
  let binary = electronBinaryPath(packageDir, env);
  if (isFile(binary)) return { ok: true, binary };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { ok: false, reason: `no Electron binary at ${binary} (ELECTRON_OVERRIDE_DIST_PATH)` };
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    return { ok: false, reason: 'its binary is not downloaded and ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  }
  onDownload(downloadTimeoutMs);
  const installed = await runInstaller(packageDir, env, downloadTimeoutMs);
  if (!installed.ok) return installed;
  binary = electronBinaryPath(packageDir, env);
  if (isFile(binary)) return { ok: true, binary };
  return { ok: false, reason: 'its installer finished but the binary is still missing' };
}
