// CSV ingest benchmark, side by side with pandas in one run:
//   node --import tsx bench/ingest.ts [--rows 1000000] [--repeats 3]
// Tourney: readTable (parse + type inference) and profileTable from bytes already in memory, and
// the same including the file read; pandas: read_csv, and read_csv + describe(include='all').
// Each repeat runs pandas then Tourney, so both see the same machine load; the table keeps the
// best of the repeats, in wall-clock and CPU seconds (CPU time is steadier on a busy machine).
// The parallel rows scan chunks and profile numeric columns on a pool of worker threads (one per
// core, started before the timed runs as the app and a long-lived CLI would have it): the file is
// read into shared memory, chunks are scanned in place, numeric columns are profiled in the
// workers while this thread types the strings. Their CPU time includes the workers'
// (process.cpuUsage covers every thread).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { readTable } from '../kernels/io';
import { profileTable } from '../kernels/profile';
import { createNodeCsvPool } from '../workers/csv/node-csv-pool';
import { loadAndProfile } from '../workers/csv/load-and-profile';
import { readFileShared } from '../workers/csv/read-file-shared';
import type { WorkerPool } from '../workers/pool/pool';
import type { CsvWorkerApi } from '../workers/csv-chunk.worker';
import type { DataTable } from '../kernels/table/types';
import { generateIngestCsv } from './ingest-data';

const here = dirname(fileURLToPath(import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Timing { wall: number; cpu: number }
const best = (a: Timing, b: Timing): Timing => ({ wall: Math.min(a.wall, b.wall), cpu: Math.min(a.cpu, b.cpu) });
const NONE: Timing = { wall: Infinity, cpu: Infinity };

function clock(): Timing {
  const u = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (u.user + u.system) / 1e6 };
}
const since = (a: Timing, b: Timing): Timing => ({ wall: b.wall - a.wall, cpu: b.cpu - a.cpu });

const typesOf = (table: DataTable) => table.columns.map((c) => `${c.name}:${c.type}`).join(' ');

async function measureOneThread(path: string) {
  const t0 = clock();
  const bytes = readFileSync(path);
  const t1 = clock();
  const table = await readTable(bytes, { fileName: 'ingest.csv' });
  const t2 = clock();
  profileTable(table);
  const t3 = clock();
  return {
    rows: table.rowCount, types: typesOf(table),
    read: since(t1, t2), readWithFile: since(t0, t2), all: since(t1, t3), allWithFile: since(t0, t3),
  };
}

async function measureParallel(path: string, pool: WorkerPool<CsvWorkerApi>) {
  const t0 = clock();
  const { table } = await loadAndProfile(readFileShared(path), 'ingest.csv', pool);
  const t1 = clock();
  return { rows: table.rowCount, types: typesOf(table), allWithFile: since(t0, t1) };
}

async function main(): Promise<void> {
  const rows = flag('rows', 1_000_000);
  const repeats = flag('repeats', 3);
  const path = join(here, '.data', `ingest-${rows}.csv`);
  await generateIngestCsv(path, rows);
  const megabytes = statSync(path).size / 1024 ** 2;

  let pandasRead = NONE;
  let pandasAll = NONE;
  let tourneyRead = NONE;
  let tourneyReadWithFile = NONE;
  let tourneyAll = NONE;
  let tourneyAllWithFile = NONE;
  let parallelAllWithFile = NONE;
  const pool = createNodeCsvPool();
  const poolStart = clock();
  await Promise.all(Array.from({ length: pool.size }, () => pool.run((api) => api.profile([]))));
  const poolStartup = since(poolStart, clock());
  let pandasVersion = '';
  let types = '';
  for (let k = 0; k < repeats; k++) {
    const python = spawnSync('/usr/bin/python3', [join(here, 'ingest.py'), path], { encoding: 'utf8' });
    if (python.status !== 0) throw new Error(`pandas run failed: ${python.stderr}`);
    const p = JSON.parse(python.stdout) as { pandas: string; rows: number; read_wall: number; read_cpu: number; all_wall: number; all_cpu: number };
    pandasVersion = p.pandas;
    pandasRead = best(pandasRead, { wall: p.read_wall, cpu: p.read_cpu });
    pandasAll = best(pandasAll, { wall: p.all_wall, cpu: p.all_cpu });

    // Each side in a function of its own, so the other's table is garbage, not live heap, while it runs.
    const one = await measureOneThread(path);
    if (one.rows !== p.rows) throw new Error(`row count differs: ${one.rows} vs pandas ${p.rows}`);
    types = one.types;
    tourneyRead = best(tourneyRead, one.read);
    tourneyReadWithFile = best(tourneyReadWithFile, one.readWithFile);
    tourneyAll = best(tourneyAll, one.all);
    tourneyAllWithFile = best(tourneyAllWithFile, one.allWithFile);

    const parallel = await measureParallel(path, pool);
    if (parallel.rows !== one.rows || parallel.types !== one.types) throw new Error('the parallel reader disagrees with readTable');
    parallelAllWithFile = best(parallelAllWithFile, parallel.allWithFile);
  }
  pool.close();

  const f = (x: number) => x.toFixed(2);
  const row = (label: string, t: Timing, p: Timing) =>
    `| ${label} | ${f(t.wall)} | ${f(p.wall)} | **${(p.wall / t.wall).toFixed(2)}×** | ${f(t.cpu)} | ${f(p.cpu)} | ${(p.cpu / t.cpu).toFixed(2)}× |`;
  console.log(`CSV ingest: ${rows.toLocaleString('en-US')} rows × 20 columns, ${megabytes.toFixed(0)} MB; best of ${repeats} interleaved runs; pandas ${pandasVersion}, Node ${process.versions.node}`);
  console.log(`Tourney types: ${types}\n`);
  console.log('| Tourney step vs pandas | Tourney wall s | pandas wall s | pandas / Tourney (wall) | Tourney CPU s | pandas CPU s | pandas / Tourney (CPU) |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('readTable (parse + types), bytes in memory, vs read_csv', tourneyRead, pandasRead));
  console.log(row('readFile + readTable vs read_csv', tourneyReadWithFile, pandasRead));
  console.log(row("readTable + profileTable, bytes in memory, vs read_csv + describe(include='all')", tourneyAll, pandasAll));
  console.log(row("readFile + readTable + profileTable vs read_csv + describe(include='all')", tourneyAllWithFile, pandasAll));
  console.log(row(`parallel readFile + load + types + profile (${pool.size} workers) vs read_csv`, parallelAllWithFile, pandasRead));
  console.log(row(`parallel readFile + load + types + profile (${pool.size} workers) vs read_csv + describe(include='all')`, parallelAllWithFile, pandasAll));
  const [l1, l5] = loadavg();
  console.log(`\nWorker pool start-up (not in the rows above): ${poolStartup.wall.toFixed(2)} s wall. Load average after the run: ${l1.toFixed(2)} (1 min), ${l5.toFixed(2)} (5 min).`);
}

await main();
