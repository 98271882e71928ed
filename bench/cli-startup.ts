// CLI start-up, side by side in one run (a hyperfine-like loop):
//   node --import tsx bench/cli-startup.ts [--runs 30] [--warmup 3]
// Rows: `node -e 0` (Node alone), `tourney --help` (cli/bin/tourney.js on the current build in
// dist/cli/, what `npx tourney` runs) and, for reference, the same command run from the TypeScript
// sources through tsx (how the CLI started before it was built ahead of time). Each round runs the
// three commands in turn, so all see the same machine load; the table gives the mean, its standard
// error, the median and the minimum wall-clock time, and each command's extra time over Node.
// The goal (issue 14): `tourney --help` at most 0.15 s over `node -e 0`.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { buildCli, freshCliBuild } from '../scripts/build-cli.js';

const ROOT = join(import.meta.dirname, '..');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = flag('runs', 30);
const warmup = flag('warmup', 3);

const commands = [
  { name: '`node -e 0`', args: ['-e', '0'] },
  { name: '`tourney --help` (built, dist/cli/)', args: [join(ROOT, 'cli', 'bin', 'tourney.js'), '--help'] },
  { name: '`tourney --help` from sources through tsx (before)', args: ['--import', 'tsx', join(ROOT, 'cli', 'run.ts'), '--help'] },
];

function timeOnce(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return seconds;
}

if (freshCliBuild() === null) await buildCli();
for (let i = 0; i < warmup; i++) for (const c of commands) timeOnce(c.args);
const times = commands.map(() => [] as number[]);
const loadBefore = loadavg()[0];
for (let r = 0; r < runs; r++) commands.forEach((c, i) => times[i].push(timeOnce(c.args)));
const loadAfter = loadavg()[0];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stderr = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1) / xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const base = times[0];

console.log(`${runs} rounds after ${warmup} warm-up rounds, Node ${process.version}, load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}\n`);
console.log('| command | mean ± s.e. | median | min | over `node -e 0` (mean of paired differences) |');
console.log('|---|---:|---:|---:|---:|');
commands.forEach((c, i) => {
  const xs = times[i];
  const extra = xs.map((x, r) => x - base[r]);
  const over = i === 0 ? '—' : `${ms(mean(extra))} ± ${ms(stderr(extra))}`;
  console.log(`| ${c.name} | ${ms(mean(xs))} ± ${ms(stderr(xs))} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${over} |`);
});
const extra = times[1].map((x, r) => x - base[r]);
console.log(`\ngoal ≤ 150 ms over node -e 0: ${mean(extra) <= 0.15 ? 'met' : 'NOT met'} (${ms(mean(extra))})`);
