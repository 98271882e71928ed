import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain } from './build-main';

let outDir: string;
let built: { main: string; preload: string };

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tourney-main-'));
  built = await buildMain({ root: join(__dirname, '..'), outDir });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function requires(file: string): string[] {
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
}

describe('buildMain', () => {
  it('bundles the sandboxed preload into one file that requires only electron', () => {
    expect(built.preload).toBe(join(outDir, 'preload.cjs'));
    expect(requires(built.preload)).toEqual(['electron']);
    expect(readFileSync(built.preload, 'utf8')).toContain('exposeInMainWorld');
  });

  it('bundles the main process with only electron and Node built-ins left external', () => {
    for (const name of requires(built.main)) expect(name === 'electron' || name.startsWith('node:'), name).toBe(true);
    expect(readFileSync(built.main, 'utf8')).toContain('registerSchemesAsPrivileged');
  });
});
