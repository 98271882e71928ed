// A tenant's table: split out of one table by a tenant column, fingerprinted by content (so a
// rerun knows whether the data changed), and checked up front for what makes a tournament
// pointless — no target column, too few rows, a single class — so a bad tenant is reported with
// its reason in milliseconds and the fleet goes on.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../registry/canonical-json';
import { sha256OfText } from '../registry/hash';
import type { Column, DataTable } from '../table/types';
import { takeRows } from '../tournament/take-rows';

/** Fewest rows with a target value a tenant needs (default of `fleet train --min-rows`). */
export const DEFAULT_MIN_ROWS = 30;

/** sha256 of a JSON document in canonical form (keys sorted): the template's fingerprint. */
export function documentSha256(doc: unknown): string {
  return sha256OfText(canonicalJson(doc));
}

/** sha256 over the table's column names, types and values: equal tables, equal fingerprints, however stored. */
export function tableSha256(table: DataTable): string {
  const h = sha256.create();
  const enc = new TextEncoder();
  h.update(enc.encode(`${table.rowCount}\n`));
  for (const c of table.columns) {
    h.update(enc.encode(`${JSON.stringify([c.name, c.type, c.storage])}\n`));
    if (c.storage === 'numeric') h.update(new Uint8Array(c.values.buffer, c.values.byteOffset, c.values.byteLength));
    else h.update(enc.encode(JSON.stringify(c.values)));
    h.update(enc.encode('\n'));
  }
  return bytesToHex(h.digest());
}

/** Each tenant's rows (in their order), without the tenant column; rows without a tenant are counted, not kept. */
export function splitByTenant(table: DataTable, tenantColumn: string): { tenants: Map<string, DataTable>; unassignedRows: number } {
  const column = table.columns.find((c) => c.name === tenantColumn);
  if (!column) throw new Error(`the table has no tenant column "${tenantColumn}"`);
  const rowsOf = new Map<string, number[]>();
  let unassignedRows = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const id = cellText(column, i);
    if (id === null) {
      unassignedRows++;
      continue;
    }
    let rows = rowsOf.get(id);
    if (!rows) rowsOf.set(id, (rows = []));
    rows.push(i);
  }
  const rest: DataTable = { name: table.name, rowCount: table.rowCount, columns: table.columns.filter((c) => c !== column) };
  const tenants = new Map<string, DataTable>();
  for (const [id, rows] of rowsOf) tenants.set(id, { ...takeRows(rest, rows), name: id });
  return { tenants, unassignedRows };
}

function cellText(column: Column, i: number): string | null {
  if (column.storage === 'numeric') {
    const v = column.values[i];
    return Number.isNaN(v) ? null : String(v);
  }
  const s = column.values[i];
  return s === null || s.trim() === '' ? null : s.trim();
}

/** Why this table cannot train a tournament for `target` (null when it can). */
export function tenantDataProblem(table: DataTable, target: string, minRows = DEFAULT_MIN_ROWS): string | null {
  const column = table.columns.find((c) => c.name === target);
  if (!column) return `missing target: the table has no column "${target}"`;
  const values = new Map<string, number>();
  let labelled = 0;
  for (let i = 0; i < table.rowCount; i++) {
    const v = cellText(column, i);
    if (v === null) continue;
    labelled++;
    values.set(v, (values.get(v) ?? 0) + 1);
  }
  if (labelled === 0) return `missing target: every value of "${target}" is missing`;
  if (values.size === 1) return `one class: every row's "${target}" is "${[...values.keys()][0]}"`;
  if (labelled < minRows) return `too few rows: ${labelled} with a "${target}" value, at least ${minRows} needed`;
  return null;
}
