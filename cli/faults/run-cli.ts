// Helpers for the CLI fault corpus: run the real binary as a child process, read its one error
// line, and write small data sets.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DataTable } from '../../kernels/table/types';

export const REPO = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'cli', 'bin', 'tourney.js');
export const SHARED_DATA = join(REPO, '..', 'shared', 'data');

export interface CliResult { code: number; stdout: string; stderr: string; seconds: number }

export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 << 20, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** The one `error: …` line of a failed command (never a stack trace), and the lines after it. */
export function errorLine(r: { stderr: string }): { line: string; after: string[] } {
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.stderr).not.toMatch(/\b(TypeError|RangeError|DataError|Error):/);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  const errors = lines.filter((l) => l.startsWith('error: '));
  expect(errors, r.stderr).toHaveLength(1);
  return { line: errors[0], after: lines.slice(lines.indexOf(errors[0]) + 1) };
}

/** Files and folders under `dir` (recursively), to show nothing was written. */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** A test table as CSV (numbers as written, strings quoted). */
export function tableCsv(table: DataTable): string {
  const cell = (v: number | string | null) => (v === null ? '' : typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  const rows = Array.from({ length: table.rowCount }, (_, i) => table.columns.map((c) => cell(c.values[i] as number | string | null)).join(','));
  return [table.columns.map((c) => c.name).join(','), ...rows].join('\n') + '\n';
}
