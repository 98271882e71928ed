import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { DataWorkerApi } from '../../workers/data.worker';
import type { LoaderMessage, TableSummary } from '../../workers/data/protocol';
import { DataClient, describeFailure, LoadCancelledError, LoadFailedError, type LoaderWorkerLike } from './data-client';

describe('describeFailure', () => {
  it('puts file and line first when the message does not name them', () => {
    expect(describeFailure({ message: 'expected 3 fields, found 4', file: 'bad.csv', line: 12 })).toBe('bad.csv, line 12: expected 3 fields, found 4');
    expect(describeFailure({ message: "dupes.csv: duplicate column name 'id' (columns 1 and 3)", file: 'dupes.csv', line: 1, column: 'id' }))
      .toBe("dupes.csv, line 1: duplicate column name 'id' (columns 1 and 3)");
  });

  it('does not repeat what the parser already said', () => {
    expect(describeFailure({ message: 'bad.csv: line 12: expected 3 fields', file: 'bad.csv', line: 12 })).toBe('bad.csv: line 12: expected 3 fields');
    expect(describeFailure({ message: 'bad.csv: line 120 is odd', file: 'bad.csv', line: 12 })).toBe('bad.csv, line 12: line 120 is odd');
  });
});

class FakeLoader implements LoaderWorkerLike {
  onmessage: ((event: MessageEvent<LoaderMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(message: LoaderMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<LoaderMessage>);
  }
}

function summary(name: string): TableSummary {
  return { name, source: `${name}.csv`, rowCount: 3, columns: [], version: 1 };
}

function setup() {
  const loaders: FakeLoader[] = [];
  const receipts = new Map<number, { resolve: (s: TableSummary) => void; reject: (e: Error) => void }>();
  const cancelled: number[] = [];
  const api = {
    receiveTable: (_port: MessagePort, id: number) => new Promise<TableSummary>((resolve, reject) => receipts.set(id, { resolve, reject })),
    cancelReceive: async (id: number) => void cancelled.push(id),
  } as unknown as Remote<DataWorkerApi>;
  const client = new DataClient({
    dataApi: () => api,
    loader: () => {
      const loader = new FakeLoader();
      loaders.push(loader);
      return loader;
    },
  });
  return { client, loaders, receipts, cancelled };
}

describe('DataClient loads', () => {
  it('shows progress, then the table, and ends the loader', async () => {
    const { client, loaders, receipts } = setup();
    const loading = client.loadFile(new Blob(['a\n1\n']), 'a.csv');
    expect(client.getState().loads).toMatchObject([{ fileName: 'a.csv', fraction: 0 }]);
    loaders[0].emit({ type: 'progress', phase: 'parsing', fraction: 0.4 });
    expect(client.getState().loads[0]).toMatchObject({ phase: 'parsing', fraction: 0.4 });
    receipts.get(1)!.resolve(summary('a'));
    await expect(loading).resolves.toMatchObject({ name: 'a' });
    expect(client.getState().loads).toEqual([]);
    expect(client.listTables().map((t) => t.name)).toEqual(['a']);
    expect(loaders[0].terminated).toBe(true);
  });

  it('cancels by terminating the loader and keeps loaded tables', async () => {
    const { client, loaders, receipts, cancelled } = setup();
    const first = client.loadFile(new Blob(['x']), 'first.csv');
    receipts.get(1)!.resolve(summary('first'));
    await first;
    const second = client.loadFile(new Blob(['x']), 'big.csv');
    const job = client.getState().loads[0];
    client.cancelLoad(job.id);
    await expect(second).rejects.toBeInstanceOf(LoadCancelledError);
    expect(loaders[1].terminated).toBe(true);
    expect(cancelled).toEqual([job.id]);
    expect(client.getState().loads).toEqual([]);
    expect(client.listTables().map((t) => t.name)).toEqual(['first']);
  });

  it('turns a loader error into a dismissible notice naming file and line', async () => {
    const { client, loaders } = setup();
    const loading = client.loadFile(new Blob(['x']), 'bad.csv');
    loaders[0].emit({ type: 'error', failure: { message: 'bad.csv: line 4: expected 3 fields (as in the header), found 4', file: 'bad.csv', line: 4 } });
    await expect(loading).rejects.toBeInstanceOf(LoadFailedError);
    const [notice] = client.getState().notices;
    expect(describeFailure(notice)).toBe('bad.csv: line 4: expected 3 fields (as in the header), found 4');
    client.dismissNotice(notice.id);
    expect(client.getState().notices).toEqual([]);
  });
});
