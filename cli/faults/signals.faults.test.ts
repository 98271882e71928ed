// Fault corpus: Ctrl+C and `kill` during `tourney train`, through the plain binary and through
// `npx tourney` (npm → node, sometimes with a shell between). The run is on a data set that takes
// many seconds; the signal goes out when the first progress line arrives on stderr (an event, not
// a sleep). The whole process tree must be gone within STOP_BOUND_MS — its stdio pipes closed,
// which happens only when every process holding them has exited, and no live process left in
// its process group — with the shell's exit code where it is the bin's, one `error:` line, and no
// model directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO, SHARED_DATA } from './run-cli';

/** From the signal to the last process of the tree gone (the measured time is a fraction of it). */
const STOP_BOUND_MS = 5000;
const TELCO = join(SHARED_DATA, 'telco_churn.csv');
const dir = mkdtempSync(join(tmpdir(), 'tourney-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  /** Resolves on the first progress line (`[0.6 s] …`). */
  progress: Promise<void>;
  /** Resolves when every stdio pipe is closed: no process of the tree holds them any more. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stderr: () => string;
}

const TOURNAMENT = (out: string) => ['train', TELCO, '--target', 'churn', '--time-budget', '120', '--out', out];
/** A tournament's progress lines start `[0.6 s] `. */
const TOURNAMENT_PROGRESS = /^\[\d+\.\d s\] /m;

function startTraining(via: 'bin' | 'npx', args: string[], progressLine = TOURNAMENT_PROGRESS): Run {
  // detached: a process group of its own, as a shell gives a pipeline (pgid = the child's pid).
  const child = via === 'bin'
    ? spawn(process.execPath, [BIN, ...args], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npx', ['tourney', ...args], { cwd: REPO, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout!.resume();
  const progress = new Promise<void>((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (progressLine.test(stderr)) resolve();
    });
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  return { child, progress, closed, stderr: () => stderr };
}

/** Processes of a group that are still alive (zombies waiting to be reaped do not count). */
function liveMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while listing
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces, so read after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') out.push(Number(name));
  }
  return out;
}

/** Waits for the tree to end, failing after STOP_BOUND_MS; returns how long it took. */
async function stoppedWithin(run: Run, signalledAt: number): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_BOUND_MS)));
  const outcome = await Promise.race([run.closed, bound]);
  clearTimeout(timer);
  if (outcome === 'late') {
    const alive = liveMembers(run.child.pid!);
    for (const pid of alive) process.kill(pid, 'SIGKILL'); // do not leave the tree behind a failing test
    throw new Error(`still running ${STOP_BOUND_MS} ms after the signal: ${alive.join(', ')}\n${run.stderr()}`);
  }
  expect(liveMembers(run.child.pid!)).toEqual([]);
  return { ms: outcome.at - signalledAt, code: outcome.code, signal: outcome.signal };
}

describe('signals stop training at once and write nothing', () => {
  it.each([
    ['SIGTERM to the process', 'SIGTERM', 'process', 143],
    ['SIGINT to the process group (Ctrl+C)', 'SIGINT', 'group', 130],
  ] as const)('tourney train: %s', async (_name, signal, target, code) => {
    const out = join(dir, `bin-${signal}`);
    const run = startTraining('bin', TOURNAMENT(out));
    await run.progress;
    const at = performance.now();
    process.kill(target === 'group' ? -run.child.pid! : run.child.pid!, signal);
    const stopped = await stoppedWithin(run, at);
    expect(stopped.code).toBe(code);
    expect(run.stderr().split('\n').filter((l) => l.startsWith('error: '))).toEqual([`error: interrupted by ${signal}: stopped, nothing written`]);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    ['SIGTERM to the npx process alone (kill <pid>)', 'SIGTERM', 'process'],
    ['SIGINT to the process group (Ctrl+C)', 'SIGINT', 'group'],
    ['SIGTERM to the process group', 'SIGTERM', 'group'],
  ] as const)('npx tourney train: %s', async (_name, signal, target) => {
    const out = join(dir, `npx-${signal}-${target}`);
    const run = startTraining('npx', TOURNAMENT(out));
    await run.progress;
    const at = performance.now();
    process.kill(target === 'group' ? -run.child.pid! : run.child.pid!, signal);
    await stoppedWithin(run, at);
    // The training process itself said why it stopped (npm may add its own lines).
    expect(run.stderr()).toMatch(/^error: interrupted by SIG(TERM|INT): stopped, nothing written$/m);
    expect(existsSync(out)).toBe(false);
  });

  it('tourney train --fixed: SIGTERM during the fit (synchronous, on the main thread) ends it at once', async () => {
    const out = join(dir, 'fixed');
    const args = ['train', TELCO, '--target', 'churn', '--models', 'gbdt', '--fixed', '{"trees":20000,"learningRate":0.001}', '--out', out];
    const run = startTraining('bin', args, /^training gbdt on /m);
    await run.progress;
    const at = performance.now();
    process.kill(run.child.pid!, 'SIGTERM');
    const stopped = await stoppedWithin(run, at);
    // Killed by the signal itself: the shell reports 143.
    expect(stopped.signal).toBe('SIGTERM');
    expect(existsSync(out)).toBe(false);
  });
});
