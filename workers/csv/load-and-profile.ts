// Load + type inference + profile of one file on a CSV worker pool: chunks scanned in parallel,
// numeric columns profiled in workers as soon as they are typed. Same table and profile as
// readTable + profileTable; other formats than CSV/TSV are read in this thread.
import { readTable } from '../../kernels/io/read-table';
import type { TableProfile } from '../../kernels/profile';
import type { DataTable } from '../../kernels/table/types';
import type { WorkerPool } from '../pool/pool';
import type { CsvWorkerApi } from '../csv-chunk.worker';
import { profileTableParallel, startProfile, type StartedProfiles } from './profile-parallel';
import { readCsvParallel } from './read-csv-parallel';

export async function loadAndProfile(bytes: Uint8Array, fileName: string, pool: WorkerPool<CsvWorkerApi>): Promise<{ table: DataTable; profile: TableProfile }> {
  const started: StartedProfiles = new Map();
  const table = await readTable(bytes, {
    fileName,
    csvReader: (b, o) => readCsvParallel(b, o, pool, { sharedNumbers: true, onColumn: (column, i) => startProfile(started, column, i, pool) }),
  });
  return { table, profile: await profileTableParallel(table, pool, undefined, started) };
}
