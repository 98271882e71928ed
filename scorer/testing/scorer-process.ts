// Test helpers: a real scorer process (the esbuild-built server.js) on a loopback ephemeral port,
// trained model directories from the reference data, and `tourney` runs. Shared by the scorer tests.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = join(import.meta.dirname, '..', '..');
export const DATA = join(REPO, '..', 'shared', 'data');
const BIN = join(REPO, 'cli', 'bin', 'tourney.js');

export interface Run { code: number; stdout: string; stderr: string }

export function tourney(args: string[], cwd = REPO): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 256 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

export interface ScorerProcess {
  proc: ChildProcess;
  url: string;
  /** JSON lines the process printed on stdout so far (access log, lifecycle). */
  lines: Record<string, unknown>[];
  stderr: () => string;
  /** Resolves when the process prints its `ready` line (model loaded and warmed). */
  ready: Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * Starts `node <server.js> --port 0 …` (or any command printing the scorer's `listening` line) and
 * resolves once it listens; rejects with its stderr if it exits first.
 */
export async function startProcess(command: string, args: string[], env: Record<string, string> = {}, cwd = REPO): Promise<ScorerProcess> {
  // Its own process group, so stop() also reaches the server `npm start` runs as a child.
  const proc = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: Record<string, unknown>[] = [];
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = once(proc, 'exit').then(([code]) => code as number | null);
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      lines.push(parsed);
      if (parsed.msg === 'listening') resolve(parsed.url as string);
      if (parsed.msg === 'ready') markReady();
    });
    void exited.then((code) => reject(new Error(`scorer exited with ${code} before listening: ${err}`)));
  });
  const url = await listening;
  return {
    proc, url, lines, exited, ready,
    stderr: () => err,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) process.kill(-proc.pid!, 'SIGTERM');
      return exited;
    },
  };
}

/** Trains the test models once per test file: binary (tournament), multiclass (`--fixed`), regression (tournament). */
export async function trainModels(dir: string): Promise<{ binary: string; multiclass: string; regression: string }> {
  const binary = join(dir, 'churn');
  const multiclass = join(dir, 'penguins');
  const regression = join(dir, 'ames');
  const runs = await Promise.all([
    tourney(['train', join(DATA, 'telco_churn.csv'), '--target', 'churn', '--time-budget', '4', '--seed', '1', '--out', binary]),
    tourney(['train', join(DATA, 'penguins.csv'), '--target', 'species', '--models', 'gbdt', '--fixed', '{"trees":30}', '--out', multiclass]),
    tourney(['train', join(DATA, 'ames_housing.csv'), '--target', 'Sale_Price', '--time-budget', '4', '--seed', '1', '--out', regression]),
  ]);
  for (const r of runs) if (r.code !== 0) throw new Error(`training a test model failed: ${r.stderr}`);
  return { binary, multiclass, regression };
}
