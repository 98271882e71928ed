// profileTable with the numeric columns (the costly ones: quantile selection, distinct hashing,
// histograms over every row) profiled in pool workers, one job a column, while this thread
// profiles the string columns (cheap: their distinct values and counts were kept by the reader).
// profileColumn is a pure function of the column, so the result is exactly profileTable's.
// Profiles can be started while the table is still being built (startProfile, from the
// reader's onColumn), so workers profile numbers while this thread decodes strings.
import { profileColumn, type ColumnProfile, type TableProfile } from '../../kernels/profile';
import type { Column, DataTable } from '../../kernels/table/types';
import type { WorkerPool } from '../pool/pool';
import type { CsvWorkerApi } from '../csv-chunk.worker';

/** Rows below which posting a column to a worker costs more than profiling it here. */
export const PARALLEL_PROFILE_MIN_ROWS = 50_000;

/** Column profiles started early, keyed by column index, with the column they were started for. */
export type StartedProfiles = Map<number, { column: Column; profile: Promise<ColumnProfile> }>;

export function startProfile(
  started: StartedProfiles, column: Column, index: number, pool: WorkerPool<CsvWorkerApi>, minRows = PARALLEL_PROFILE_MIN_ROWS,
): void {
  if (column.storage !== 'numeric' || column.values.length < minRows) return;
  const profile = pool.run((api) => api.profile([column])).then((p) => p[0]);
  profile.catch(() => undefined); // awaited (and reported) by profileTableParallel
  started.set(index, { column, profile });
}

export async function profileTableParallel(
  table: DataTable, pool: WorkerPool<CsvWorkerApi>, minRows = PARALLEL_PROFILE_MIN_ROWS, started: StartedProfiles = new Map(),
): Promise<TableProfile> {
  table.columns.forEach((column, i) => {
    // Only a profile of this very column object counts (type overrides replace columns).
    if (started.get(i)?.column !== column) started.delete(i);
    if (!started.has(i)) startProfile(started, column, i, pool, minRows);
  });
  const here = table.columns.map((column, i) => (started.has(i) ? undefined : profileColumn(column)));
  const columns = await Promise.all(here.map((profile, i) => profile ?? started.get(i)!.profile));
  return { name: table.name, rows: table.rowCount, columns };
}
