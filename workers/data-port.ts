// Worker-to-worker table access. The data worker serves its tables on a MessagePort
// (`serveTables`); a code-cell kernel worker holding the other end asks for them
// (`requestTables`). Tables are structured-cloned worker to worker and never pass through the
// main thread.
import type { DataTable } from '../kernels/table/types';

export interface PortColumn {
  name: string;
  type: string;
  /** Float64Array (NaN = missing) for numeric-like columns, (string | null)[] otherwise. */
  values: ArrayLike<unknown>;
}

export interface PortTable {
  rowCount: number;
  columns: PortColumn[];
}

interface TablesRequest {
  type: 'tourney:tables-request';
  id: number;
  /** Only these tables; all when omitted. */
  names?: string[];
}

type TablesResponse =
  | { type: 'tourney:tables-response'; id: number; tables: Record<string, PortTable> }
  | { type: 'tourney:tables-error'; id: number; message: string };

let nextRequestId = 1;

/**
 * Asks the data worker on the other end of `port` for its tables (all of them, or only `names`).
 * Rejects if the data worker reports a problem (e.g. an unknown table name).
 */
export function requestTables(port: MessagePort, names?: string[]): Promise<Record<string, PortTable>> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<TablesResponse>) => {
      const data = event.data;
      if (!data || data.id !== id) return;
      port.removeEventListener('message', onMessage);
      if (data.type === 'tourney:tables-response') resolve(data.tables);
      else reject(new Error(data.message));
    };
    port.addEventListener('message', onMessage);
    port.start();
    const request: TablesRequest = { type: 'tourney:tables-request', id, names };
    port.postMessage(request);
  });
}

/** The plain shape a kernel worker receives for one table. */
export function toPortTable(table: DataTable): PortTable {
  return {
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({ name: column.name, type: column.type, values: column.values })),
  };
}

/**
 * Serves `tables()` on `port` until the port is closed. Answers each request with copies
 * (structured clone), so the kernel can mutate what it gets without touching the store.
 */
export function serveTables(port: MessagePort, tables: () => ReadonlyMap<string, DataTable>): void {
  port.addEventListener('message', (event: MessageEvent<TablesRequest>) => {
    const request = event.data;
    if (!request || request.type !== 'tourney:tables-request') return;
    const all = tables();
    const names = request.names ?? [...all.keys()];
    const missing = names.filter((name) => !all.has(name));
    let response: TablesResponse;
    if (missing.length > 0) {
      const known = [...all.keys()].join(', ') || 'none loaded';
      response = {
        type: 'tourney:tables-error',
        id: request.id,
        message: `unknown table ${missing.map((n) => `"${n}"`).join(', ')} (tables: ${known})`,
      };
    } else {
      const out: Record<string, PortTable> = {};
      for (const name of names) out[name] = toPortTable(all.get(name)!);
      response = { type: 'tourney:tables-response', id: request.id, tables: out };
    }
    port.postMessage(response);
  });
  port.start();
}
