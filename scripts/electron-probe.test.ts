import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryPath, probeElectron } from './electron-probe';

const ROOT = join(__dirname, '..');
let dir: string;

/** A stand-in electron package whose installer does what `installer` says. */
function fakeElectron(installer: string): string {
  const pkg = join(dir, 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.0.0"}');
  writeFileSync(join(pkg, 'install.js'), installer);
  return pkg;
}

const display = { DISPLAY: ':0' };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tourney-probe-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('probeElectron', () => {
  it('honours TOURNEY_NO_ELECTRON before looking at anything', async () => {
    expect(await probeElectron({ root: ROOT, env: { TOURNEY_NO_ELECTRON: '1' } })).toEqual({ ok: false, reason: 'TOURNEY_NO_ELECTRON is set' });
  });

  it('needs a display on Linux', async () => {
    const pkg = fakeElectron('process.exit(1)');
    const probe = await probeElectron({ root: ROOT, env: { TOURNEY_ELECTRON_PACKAGE: pkg }, platform: 'linux' });
    expect(probe).toEqual({ ok: false, reason: 'no display to open a window on: DISPLAY is not set' });
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const pkg = fakeElectron('require("fs").writeFileSync("ran", "1")');
    const probe = await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: pkg, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, platform: 'linux' });
    expect(probe).toEqual({ ok: false, reason: 'its binary is not downloaded and ELECTRON_SKIP_BINARY_DOWNLOAD is set' });
    expect(existsSync(join(pkg, 'ran'))).toBe(false);
  });

  it('reports a failed download in a few words', async () => {
    const pkg = fakeElectron('console.error("TypeError: fetch failed\\n    at node:internal/deps/undici"); process.exit(1)');
    const downloads: number[] = [];
    const probe = await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: pkg }, platform: 'linux', onDownload: (ms) => downloads.push(ms), downloadTimeoutMs: 10_000 });
    expect(probe).toEqual({ ok: false, reason: 'its binary could not be downloaded: TypeError: fetch failed' });
    expect(downloads).toEqual([10_000]);
  });

  it('gives up on a download that hangs', async () => {
    const pkg = fakeElectron('setInterval(() => {}, 1000)');
    const started = Date.now();
    const probe = await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: pkg }, platform: 'linux', downloadTimeoutMs: 400 });
    expect(probe).toEqual({ ok: false, reason: 'downloading its binary timed out after 0.4 s' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('finds the binary the installer put in place', async () => {
    const pkg = fakeElectron('const fs = require("fs"); fs.mkdirSync("dist"); fs.writeFileSync("dist/electron", ""); fs.writeFileSync("path.txt", "electron")');
    const probe = await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: pkg }, platform: 'linux' });
    expect(probe).toEqual({ ok: true, binary: join(pkg, 'dist', 'electron') });
    // Second time: no installer run needed.
    rmSync(join(pkg, 'install.js'));
    expect(await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: pkg }, platform: 'linux' })).toEqual(probe);
  });

  it('respects ELECTRON_OVERRIDE_DIST_PATH like electron/index.js does', async () => {
    const pkg = fakeElectron('process.exit(1)');
    expect(electronBinaryPath(pkg, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe('/opt/electron/electron');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const probe = await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: pkg, ELECTRON_OVERRIDE_DIST_PATH: empty }, platform: 'linux' });
    expect(probe).toEqual({ ok: false, reason: `no Electron binary at ${join(empty, 'electron')} (ELECTRON_OVERRIDE_DIST_PATH)` });
  });

  it('says so when the electron package is missing', async () => {
    expect(await probeElectron({ root: ROOT, env: { ...display, TOURNEY_ELECTRON_PACKAGE: join(dir, 'nowhere') }, platform: 'linux' }))
      .toEqual({ ok: false, reason: 'the electron package is not installed' });
  });
});
