import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, freshCliBuild } from './build-cli';

const ROOT = join(import.meta.dirname, '..');
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('freshCliBuild', () => {
  function fakeBuild(): string {
    const root = tempDir('tourney-cli-state-');
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'a.ts'), 'export {};\n');
    writeFileSync(join(root, 'dist', 'cli', 'current.json'), JSON.stringify({ entry: 'b1/tourney.mjs', inputs: ['a.ts'] }));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'a.ts'), past, past);
    return root;
  }

  it('names the built entry while no source is newer than the build', () => {
    const root = fakeBuild();
    expect(freshCliBuild(root)).toBe(`file://${join(root, 'dist', 'cli', 'b1', 'tourney.mjs')}`);
  });

  it('is null when a source changed after the build, went away, or there is no build', () => {
    const changed = fakeBuild();
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(changed, 'a.ts'), future, future);
    expect(freshCliBuild(changed)).toBeNull();
    const removed = fakeBuild();
    rmSync(join(removed, 'a.ts'));
    expect(freshCliBuild(removed)).toBeNull();
    expect(freshCliBuild(tempDir('tourney-cli-none-'))).toBeNull();
  });
});

describe('buildCli', () => {
  let entry: string;
  beforeAll(async () => {
    entry = await buildCli();
  });

  it('builds the command and the workers it starts as plain JavaScript, with no TypeScript loader', () => {
    const dir = dirname(fileURLToPath(entry));
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['tourney.mjs', 'tournament.worker.mjs', 'csv-chunk.worker.mjs']));
    const code = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(code).not.toMatch(/from ["'][^"']+\.ts["']|import\(["'][^"']+\.ts["']|["'][^"']*\.worker\.ts["']|["']tsx["']|tsx\/esm/);
    // No cache folder written at run time (a `.cache` property, like the fleet scorer's, is fine).
    expect(code).not.toMatch(/node_modules\/\.cache|["'`/]\.cache[/"'`]/);
    expect(code).toContain('new URL("./tournament.worker.mjs", import.meta.url)');
    expect(freshCliBuild()).toBe(entry);
  });

  it('runs with plain node', () => {
    const help = spawnSync(process.execPath, [fileURLToPath(entry), '--help'], { encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^usage: tourney <command>/m);
  });
});

describe('cli/bin/tourney.js on a fresh clone', () => {
  it('builds dist/cli/ once, then runs the build', () => {
    const clone = tempDir('tourney-clone-');
    for (const part of ['cli', 'workers', 'kernels', 'shared', 'scorer', 'scripts', 'package.json']) cpSync(join(ROOT, part), join(clone, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const run = () => spawnSync(process.execPath, [join(clone, 'cli', 'bin', 'tourney.js'), 'help', 'train'], { encoding: 'utf8', cwd: clone });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^usage: tourney train/m);
    const built = freshCliBuild(clone);
    expect(built).not.toBeNull();
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(freshCliBuild(clone)).toBe(built);
  });
});
