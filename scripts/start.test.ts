import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const FALLBACK = /^Electron is not available here \((.+)\); serving the workbench at (http:\/\/127\.0\.0\.1:(\d+)\/) instead(.*)$/m;

let dir: string;
let webRoot: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tourney-start-'));
  // A stand-in for dist/renderer, so the test never waits for a vite build.
  webRoot = join(dir, 'web');
  mkdirSync(webRoot);
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Tourney</title>');
  writeFileSync(join(webRoot, 'leads.csv'), 'lead_id,converted\nL1,Yes\n');
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node scripts/start.js` and resolves with its fallback line, parsed. */
function start(env: Record<string, string>): Promise<{ reason: string; url: string; port: number; note: string; stdout: string }> {
  const base = { ...process.env };
  for (const key of ['TOURNEY_NO_ELECTRON', 'TOURNEY_PORT', 'ELECTRON_SKIP_BINARY_DOWNLOAD', 'ELECTRON_OVERRIDE_DIST_PATH', 'TOURNEY_ELECTRON_PACKAGE']) delete base[key];
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.js')], {
    cwd: ROOT,
    env: { ...base, TOURNEY_WEB_ROOT: webRoot, TOURNEY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = FALLBACK.exec(stdout);
      if (match) resolve({ reason: match[1], url: match[2], port: Number(match[3]), note: match[4], stdout });
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => reject(new Error(`start.js exited (${code}) before serving:\n${stdout}\n${stderr}`)));
  });
}

function occupyPort(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('npm start (scripts/start.js)', () => {
  it('falls back to the web app in one line and serves it cross-origin isolated', async () => {
    const { reason, url, stdout } = await start({ TOURNEY_NO_ELECTRON: '1' });
    expect(reason).toBe('TOURNEY_NO_ELECTRON is set');
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Tourney</title>');
    const csv = await fetch(new URL('leads.csv', url));
    expect(await csv.text()).toBe('lead_id,converted\nL1,Yes\n');
    for (const response of [page, csv]) {
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
  });

  it('falls back when the Electron binary is absent and cannot be downloaded', async () => {
    // An electron package as npm leaves it offline: no binary, and an installer that fails the way
    // @electron/get does without network.
    const pkg = join(dir, 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1"}');
    writeFileSync(join(pkg, 'install.js'), 'console.error("TypeError: fetch failed\\n    at node:internal/deps/undici"); process.exit(1)');
    const { reason, stdout } = await start({ TOURNEY_ELECTRON_PACKAGE: pkg, DISPLAY: ':0', WAYLAND_DISPLAY: '' });
    expect(reason).toBe('its binary could not be downloaded: TypeError: fetch failed');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('falls back without trying to download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const empty = join(dir, 'no-electron-here');
    mkdirSync(empty, { recursive: true });
    const { reason, url } = await start({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: empty, DISPLAY: ':0' });
    expect(reason).toMatch(/^no Electron binary at .*no-electron-here/);
    expect((await fetch(url)).status).toBe(200);
  });

  it('moves to a free port when TOURNEY_PORT is taken', async () => {
    const busy = await occupyPort();
    try {
      const taken = (busy.address() as { port: number }).port;
      const { port, note } = await start({ TOURNEY_NO_ELECTRON: '1', TOURNEY_PORT: String(taken) });
      expect(port).not.toBe(taken);
      expect(note).toBe(` (port ${taken} is busy)`);
    } finally {
      busy.close();
    }
  });

  it('rejects a bad TOURNEY_PORT with a clear message', async () => {
    await expect(start({ TOURNEY_NO_ELECTRON: '1', TOURNEY_PORT: 'eighty' })).rejects.toThrow('TOURNEY_PORT must be a port number 0-65535, got "eighty"');
  });
});
