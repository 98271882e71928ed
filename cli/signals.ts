// Ctrl+C and `kill`: the CLI stops at once, writes nothing more and exits 130 (SIGINT) or 143
// (SIGTERM), the shell's codes for death by those signals, with one `error:` line.
//
// `npx tourney …` runs the bin as npm → `sh -c tourney …` → node. Ctrl+C in a terminal reaches the
// whole process group, node included; but `kill -TERM <npx pid>` reaches npm only: npm passes it
// to the shell, the shell dies without passing it on, and node — orphaned — trained on and wrote
// its model 14 s later. So under npm a watchdog thread notices the parent is gone (the parent pid
// changes when a process is orphaned) and stops the process the same way; a worker thread keeps
// watching even while the main thread is busy, and kills outright if the orderly stop cannot run.
import { Worker } from 'node:worker_threads';

// Not SIGHUP: a handler would override `nohup`'s ignoring it, and end runs meant to outlive the terminal.
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof EXIT_CODES;
const STOP_SIGNALS = Object.keys(EXIT_CODES) as StopSignal[];

/** How often the watchdog checks that the parent is alive, and how long the orderly stop may take. */
const WATCH_MS = 200;
const ORDERLY_STOP_MS = 5000;

export function exitCodeFor(signal: StopSignal): number {
  return EXIT_CODES[signal];
}

const installed = new Map<StopSignal, () => void>();

/** Installs the handlers; `stop` is what a signal does (tests pass their own). */
export function installSignalHandlers(stop: (signal: StopSignal) => void = stopNow): void {
  for (const signal of Object.keys(EXIT_CODES) as StopSignal[]) {
    const handler = () => stop(signal);
    installed.set(signal, handler);
    process.once(signal, handler);
  }
  if (process.env.npm_command !== undefined || process.env.TOURNEY_WATCH_PARENT === '1') watchParent();
}

/** Removes the stop-at-once handlers, for a command that handles the signals itself (`serve` drains). */
export function releaseSignalHandlers(): void {
  for (const [signal, handler] of installed) process.off(signal, handler);
  installed.clear();
}

/**
 * Runs long synchronous work (a `--fixed` fit on the main thread) with the signals' default
 * action: a handler could only run once the work is done, so Ctrl+C would wait for the fit. The
 * process dies by the signal at once (the shell reports 130 / 143), before anything is written.
 * `announce` (the progress line) is written once the default action is in place, so a signal sent
 * on seeing it cannot fall between the handlers and the default; a signal caught before gets its
 * handler run first (the event loop turns once).
 */
export async function withDefaultSignals<T>(announce: () => void, work: () => T): Promise<T> {
  await new Promise((resolve) => setImmediate(resolve));
  // Every listener goes, not only ours (the atomic writer's cleanup listens too): with any listener
  // left, Node would not apply the default action and the signal would wait for the fit. The
  // reserved temporary folder beside --out may then stay behind (a hidden `.name.tmp-…` folder);
  // the model directory itself is never touched before the rename.
  const saved = STOP_SIGNALS.map((signal) => [signal, process.listeners(signal)] as const);
  for (const [signal, listeners] of saved) for (const l of listeners) process.off(signal, l);
  try {
    announce();
    return work();
  } finally {
    for (const [signal, listeners] of saved) for (const l of listeners) process.on(signal, l);
  }
}

function stopNow(signal: StopSignal): void {
  process.stderr.write(`error: interrupted by ${signal}: stopped, nothing written\n`);
  // Worker threads end with the process; a model directory is only ever renamed into place whole.
  process.exit(exitCodeFor(signal));
}

/** Runs in a worker thread: when the parent pid changes, SIGTERM this process, then SIGKILL if it lingers. */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { parent, pid, every, grace } = workerData;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  process.kill(pid, 'SIGTERM');
  setTimeout(() => process.kill(pid, 'SIGKILL'), grace);
}, every);
`;

function watchParent(): void {
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { parent: process.ppid, pid: process.pid, every: WATCH_MS, grace: ORDERLY_STOP_MS },
    stdout: false,
    stderr: false,
    // The watchdog must not keep the process alive, nor inherit the parent's loader flags.
    execArgv: [],
  });
  worker.unref();
}
