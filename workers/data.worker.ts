// The data worker: the single store of loaded tables. The main thread talks to it with comlink
// and gets only small things back (summaries, row windows, profiles); loader workers hand it
// parsed tables over MessagePorts; code-cell runner workers read tables over their own port.
import { expose } from 'comlink';
import type { ColumnProfile } from '../kernels/profile';
import { retypeColumn } from '../kernels/table';
import type { ColumnType } from '../kernels/table/types';
import { serveTables } from './data-port';
import { ColumnProfiles } from './data/column-profiles';
import type { ReceivedTable, RowQuery, RowWindow, TableSummary } from '../shared/data/protocol';
import { TableStore } from './data/table-store';
import { receiveTable, TableFailedError } from './data/table-transfer';

const store = new TableStore();
const profiles = new ColumnProfiles(store);
/** Ports of loads still parsing, by receipt id, so a cancelled load's port can be closed. */
const waiting = new Map<number, MessagePort>();

const api = {
  /** Waits for the table a loader worker sends on `port`, stores it, returns its summary — or the
   * loader's failure as it reported it (an answer, not a throw: comlink would keep only the message). */
  async receiveTable(port: MessagePort, receiptId: number): Promise<ReceivedTable> {
    waiting.set(receiptId, port);
    try {
      const envelope = await receiveTable(port);
      const summary = store.add(envelope.table, envelope);
      profiles.forget(summary.name);
      return { ok: true, summary };
    } catch (error) {
      if (error instanceof TableFailedError) return { ok: false, failure: error.failure };
      throw error;
    } finally {
      waiting.delete(receiptId);
    }
  },

  /** The load was cancelled: stop listening for its table. */
  cancelReceive(receiptId: number): void {
    waiting.get(receiptId)?.close();
    waiting.delete(receiptId);
  },

  listTables(): TableSummary[] {
    return store.list();
  },

  removeTable(name: string): boolean {
    profiles.forget(name);
    return store.remove(name);
  },

  getRows(name: string, query: RowQuery, start: number, count: number): RowWindow {
    return store.rows(name, query, start, count);
  },

  countRows(name: string, query: RowQuery): number {
    return store.countRows(name, query);
  },

  getColumnProfile(name: string, column: string): Promise<ColumnProfile> {
    return profiles.get(name, column);
  },

  /** Converts a column to another type; throws (with the reason) when it cannot be converted. */
  setColumnType(name: string, column: string, type: ColumnType): TableSummary {
    const table = retypeColumn(store.table(name), column, type);
    profiles.forget(name);
    return store.replace(name, table);
  },

  /** Serves tables to another worker (code-cell runner, AutoML, features) on `port` (worker to worker). */
  connectTableReader(port: MessagePort): void {
    serveTables(port, () => store.tables());
  },
};

export type DataWorkerApi = typeof api;

expose(api);
