// A predict request's body → the model's input table, with the limits and the 400/413/415 answers
// every scorer gives: the single-model server (app.ts) and the multi-model one (scorer/fleet) read
// requests through here, so both refuse the same inputs with the same words. Reading the body and
// parsing it are two steps because the multi-model server loads the tenant's model in between.
import type { IncomingMessage } from 'node:http';
import { readCsv } from '../../kernels/io/from-csv';
import { DataError, type DataTable } from '../../kernels/table/types';
import { InputError, tableFromCsvTable, tableFromJsonRows, type CompiledSchema, type InputStats } from '../input-table';

export interface RequestLimits {
  maxBodyBytes: number;
  maxRows: number;
}

export interface PredictBody {
  body: Buffer;
  isCsv: boolean;
}

export interface PredictInput {
  table: DataTable;
  stats: InputStats;
  /** The rows as records (JSON as sent; CSV only when `wantCsvRecords`), for logs and monitoring. */
  records?: unknown[];
}

/** The content type checked (415) and the body read within the byte limit (413). */
export async function readPredictBody(req: IncomingMessage, maxBodyBytes: number): Promise<PredictBody> {
  const type = (req.headers['content-type'] ?? 'application/json').toLowerCase();
  const isCsv = type.includes('csv');
  if (!isCsv && !type.includes('json')) throw new InputError(`unsupported content type "${type}": send application/json or text/csv`, 415);
  return { body: await readBody(req, maxBodyBytes), isCsv };
}

/** A predict body parsed and checked against the limits, before its fields are checked. */
export type PredictRows = { kind: 'csv'; csv: DataTable; count: number } | { kind: 'json'; rows: unknown[]; count: number };

/** JSON `{"rows": […]}` or CSV → the rows, with the limits checked (413) and malformed bodies refused (400). */
export function parsePredictRows({ body, isCsv }: PredictBody, maxRows: number): PredictRows {
  if (isCsv) {
    if (countLines(body) > maxRows + 1) throw new InputError(`more than ${maxRows} rows in one request; split the batch`, 413);
    let csv: DataTable;
    try {
      if (body.length === 0) throw new DataError('request body is empty');
      // Strict: a stray word in a number column stays text, so its cell is refused by row below.
      csv = readCsv(body, { fileName: 'request body', strictNumbers: true });
    } catch (err) {
      throw new InputError(err instanceof DataError ? err.message : `malformed CSV: ${(err as Error).message}`);
    }
    if (csv.rowCount > maxRows) throw new InputError(`${csv.rowCount} rows in one request; the limit is ${maxRows}`, 413);
    return { kind: 'csv', csv, count: csv.rowCount };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new InputError(`malformed JSON: ${(err as Error).message}`);
  }
  const rows = (parsed as { rows?: unknown } | null)?.rows;
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(rows)) throw new InputError('expected a JSON object {"rows": [{column: value, …}, …]}');
  if (rows.length > maxRows) throw new InputError(`${rows.length} rows in one request; the limit is ${maxRows}`, 413);
  if (rows.length === 0) throw new InputError('"rows" is empty: send at least one row');
  return { kind: 'json', rows, count: rows.length };
}

/** JSON `{"rows": […]}` or CSV → the input table, checked field by field (400 naming row and field). */
export function parsePredictBody(body: PredictBody, schema: CompiledSchema, maxRows: number, wantCsvRecords = false): PredictInput {
  const parsed = parsePredictRows(body, maxRows);
  if (parsed.kind === 'csv') return { ...tableFromCsvTable(schema, parsed.csv), ...(wantCsvRecords ? { records: csvRecords(parsed.csv) } : {}) };
  return { ...tableFromJsonRows(schema, parsed.rows), records: parsed.rows };
}

/** The request path without its query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** The body, refused with 413 as soon as it is known to be over the limit. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new InputError(`request body of ${declared} bytes is over the limit of ${limit} bytes`, 413));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new InputError(`request body is over the limit of ${limit} bytes`, 413));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on('error', reject);
    // A client that hangs up mid-body: settle, so the buffered chunks are not held forever.
    req.on('close', () => { if (!req.complete) reject(new InputError('the client closed the connection before the body ended')); });
  });
}

function countLines(body: Buffer): number {
  let n = 0;
  let at = -1;
  while ((at = body.indexOf(10, at + 1)) !== -1) n++;
  return body.length && body[body.length - 1] !== 10 ? n + 1 : n;
}

/** CSV rows as records, for the prediction log. */
export function csvRecords(table: DataTable): Record<string, unknown>[] {
  return Array.from({ length: table.rowCount }, (_, i) => {
    const record: Record<string, unknown> = {};
    for (const c of table.columns) {
      const v = c.values[i];
      record[c.name] = typeof v === 'number' && Number.isNaN(v) ? null : v;
    }
    return record;
  });
}
