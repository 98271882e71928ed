// Moves a parsed table from the loader worker to the data worker over a MessagePort. Numeric
// columns' buffers are transferred (moved, not copied), so a million-row table costs the sender
// nothing to hand over; string columns are structured-cloned worker to worker.
import type { DataTable } from '../../kernels/table/types';
import type { LoadFailure } from '../../shared/data/protocol';

export interface TableEnvelope {
  type: 'table';
  table: DataTable;
  source: string;
  sourceBytes?: number;
  parseMs?: number;
}

export interface TableFailureEnvelope {
  type: 'table-failed';
  /** The whole failure (file, line, column), not just its message: whichever of the loader's own
   * error message and this envelope reaches the main thread first is the one the user sees. */
  failure: LoadFailure;
}

/** A load the sender reported as failed, with the place it named. */
export class TableFailedError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(failure.message);
    this.name = 'TableFailedError';
  }
}

type Envelope = TableEnvelope | TableFailureEnvelope;

/** The distinct transferable buffers behind a table's numeric columns. */
export function transferablesOf(table: DataTable): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of table.columns) {
    if (column.storage !== 'numeric') continue;
    const buffer = column.values.buffer;
    // A SharedArrayBuffer is shared, not moved: it must not be in a transfer list.
    if (buffer instanceof ArrayBuffer) buffers.add(buffer);
  }
  return [...buffers];
}

export function sendTable(port: MessagePort, envelope: Omit<TableEnvelope, 'type'>): void {
  const message: TableEnvelope = { type: 'table', ...envelope };
  port.postMessage(message, transferablesOf(envelope.table));
}

export function sendTableFailure(port: MessagePort, failure: LoadFailure): void {
  const envelope: TableFailureEnvelope = { type: 'table-failed', failure };
  port.postMessage(envelope);
}

/** Resolves with the first table that arrives on the port; rejects if the sender reports failure. */
export function receiveTable(port: MessagePort): Promise<TableEnvelope> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<Envelope>) => {
      port.removeEventListener('message', onMessage);
      port.close();
      if (event.data.type === 'table') resolve(event.data);
      else reject(new TableFailedError(event.data.failure));
    };
    port.addEventListener('message', onMessage);
    port.start();
  });
}
