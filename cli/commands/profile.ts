// `tourney profile <data> [--json]`: load a table and print each column's type and profile.
import { readFile, stat } from 'node:fs/promises';
import { checkFlags, parseArgs, UsageError } from '../args';
import { readTable } from '../../kernels/io';
import { profileTable, type ColumnProfile, type TableProfile } from '../../kernels/profile';
import { DataError, type DataTable } from '../../kernels/table/types';
import { nodeCoreCount } from '../../workers/pool/node';
import { createNodeCsvPool } from '../../workers/csv/node-csv-pool';
import { loadAndProfile } from '../../workers/csv/load-and-profile';
import { readFileShared } from '../../workers/csv/read-file-shared';
import { PARALLEL_CSV_MIN_BYTES } from '../../workers/csv/read-csv-parallel';
import { fileProblem } from './file-problem';

const USAGE = 'usage: tourney profile <data> [--json]';

/** Reads a data file for any command, turning a missing/unreadable file into a DataError naming it. */
export async function readDataFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DataError(`cannot read ${path}: it is a directory, not a file`, { file: path });
    return await readFile(path);
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(fileProblem(path, err), { file: path });
  }
}

/**
 * Large files are read and profiled on a worker pool (chunks scanned in parallel, numeric
 * columns profiled in the workers; same table and profile as one thread), started before the
 * file is read so the threads are up when the bytes are.
 */
async function loadAndProfileFile(path: string): Promise<{ table: DataTable; profile: TableProfile }> {
  const size = await stat(path).then((info) => info.size, () => 0);
  if (size < PARALLEL_CSV_MIN_BYTES || nodeCoreCount() < 2) {
    const table = await readTable(await readDataFile(path), { fileName: path });
    return { table, profile: profileTable(table) };
  }
  const pool = createNodeCsvPool();
  try {
    // Read into shared memory so workers scan it in place; a read error is reported as usual.
    const bytes = await Promise.resolve().then(() => readFileShared(path)).catch(() => readDataFile(path));
    return await loadAndProfile(bytes, path, pool);
  } finally {
    pool.close();
  }
}

export async function profileCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  checkFlags(args, ['json']);
  if (args.positionals.length !== 1) throw new UsageError(`profile needs exactly one data file (${USAGE})`);
  const [path] = args.positionals;
  const { table, profile } = await loadAndProfileFile(path);
  for (const note of table.notes ?? []) process.stderr.write(`note: ${note}\n`);
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ name: profile.name, rows: profile.rows, columns: profile.columns }) + '\n');
  } else {
    process.stdout.write(formatProfileText(profile));
  }
  return 0;
}

function formatNumber(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '';
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e9)) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

function summary(c: ColumnProfile): string {
  if (c.type === 'date' || c.type === 'datetime') return `${c.minText} … ${c.maxText}`;
  if (c.infinite && c.mean === undefined) return `${c.infinite} infinite`;
  if (c.mean !== undefined && c.type !== 'boolean') {
    return `min ${formatNumber(c.min)}  median ${formatNumber(c.p50)}  max ${formatNumber(c.max)}  mean ${formatNumber(c.mean)}  std ${formatNumber(c.std)}` +
      (c.infinite ? `  (+ ${c.infinite} infinite, left out)` : '');
  }
  if (c.top && (c.type === 'categorical' || c.type === 'boolean' || c.type === 'constant')) {
    const shown = c.top.slice(0, 3).map((t) => `${clip(t.value, 24)} (${t.count})`).join(', ');
    return c.distinct > 3 ? `${shown}, …` : shown;
  }
  if (c.length) return `length ${c.length.min}–${c.length.max}, mean ${formatNumber(c.length.mean)}`;
  return '';
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? flat.slice(0, width - 1) + '…' : flat;
}

/** A readable aligned table: column, type, missing, distinct, summary. */
export function formatProfileText(profile: TableProfile): string {
  const rows = profile.columns.map((c) => [
    clip(c.name, 32),
    c.type,
    c.missing === 0 ? '0' : `${c.missing} (${(c.missingShare * 100).toFixed(c.missingShare < 0.001 ? 2 : 1)}%)`,
    c.distinctApproximate ? `≈${c.distinct}` : String(c.distinct),
    summary(c),
  ]);
  const header = ['column', 'type', 'missing', 'distinct', 'summary'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]): string => cells.map((cell, j) => (j === cells.length - 1 ? cell : j === 2 || j === 3 ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join('  ').trimEnd();
  return [
    `${profile.name}: ${profile.rows} rows × ${profile.columns.length} columns`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}
