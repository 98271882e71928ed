// Where a fleet's tenants come from: a folder of tables (one file a tenant, the file name without
// its extension the tenant id) or one table with a tenant column. Tables are read one at a time
// from a folder, so a thousand tenants never sit in memory at once; a file that cannot be read
// becomes that tenant's problem, not the fleet's.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { FleetError, splitByTenant, tableSha256 } from '../../kernels/fleet';
import { readTable } from '../../kernels/io/read-table';
import type { DataTable } from '../../kernels/table/types';
import { fileProblem } from '../commands/file-problem';
import { readDataFile } from '../commands/read-data-file';

const TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.ndjson', '.jsonl', '.parquet']);

export interface TenantData {
  table: DataTable;
  /** Content fingerprint of the tenant's table (kernels/fleet tableSha256). */
  sha256: string;
  /** The file's bytes when the tenant is a file (its lineage hash), else undefined. */
  bytes?: Uint8Array;
  fileName: string;
}

export interface TenantSource {
  ids: string[];
  tenantColumn: string | null;
  /** The tenant's table; throws (a message naming the file) when it cannot be read. */
  read(id: string): Promise<TenantData>;
}

export async function openTenantSource(path: string, tenantColumn: string | undefined): Promise<TenantSource> {
  const info = await stat(path).catch((err) => {
    throw new FleetError(fileProblem(path, err, 'tenants'));
  });
  if (info.isDirectory()) {
    if (tenantColumn !== undefined) throw new FleetError(`--tenant-column is for one table holding every tenant; ${path} is a folder of tables (one a tenant)`);
    return folderSource(path);
  }
  return tableSource(path, tenantColumn ?? 'tenant');
}

async function folderSource(dir: string): Promise<TenantSource> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    const ext = extname(name).toLowerCase();
    if (!TABLE_EXTENSIONS.has(ext) || name.startsWith('.')) continue;
    const id = basename(name, extname(name));
    if (files.has(id)) throw new FleetError(`${resolve(dir)} holds two tables for tenant "${id}" (${basename(files.get(id)!)} and ${name}): keep one`);
    files.set(id, join(dir, name));
  }
  if (!files.size) throw new FleetError(`${resolve(dir)} holds no tables (${[...TABLE_EXTENSIONS].join(', ')}): put one file per tenant there`);
  return {
    ids: [...files.keys()],
    tenantColumn: null,
    async read(id) {
      const file = files.get(id)!;
      let buffer: Buffer;
      try {
        buffer = await readFile(file);
      } catch (err) {
        throw new Error(fileProblem(file, err), { cause: err });
      }
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      const table = await readTable(bytes, { fileName: basename(file) });
      return { table, sha256: tableSha256(table), bytes, fileName: basename(file) };
    },
  };
}

async function tableSource(path: string, tenantColumn: string): Promise<TenantSource> {
  const table = await readDataFile(path);
  let split;
  try {
    split = splitByTenant(table, tenantColumn);
  } catch (err) {
    throw new FleetError(`${basename(path)}: ${(err as Error).message} (name it with --tenant-column, or give a folder of tables)`);
  }
  if (!split.tenants.size) throw new FleetError(`${basename(path)}: no row has a value in tenant column "${tenantColumn}"`);
  const ids = [...split.tenants.keys()].sort();
  return {
    ids,
    tenantColumn,
    async read(id) {
      const t = split.tenants.get(id)!;
      return { table: t, sha256: tableSha256(t), fileName: `${basename(path)} (${tenantColumn} = ${id})` };
    },
  };
}
