import { describe, expect, it } from 'vitest';
import type { Remote } from 'comlink';
import type { DataWorkerApi } from '../../workers/data.worker';
import type { LoaderMessage, ReceivedTable } from '../../shared/data/protocol';
import { DataClient, describeFailure, LoadCancelledError, LoadFailedError, type LoaderWorkerLike } from './data-client';

describe('describeFailure', () => {
  it('puts file and line first, as the parser and the CLI do', () => {
    expect(describeFailure({ message: 'expected 3 fields, found 4', file: 'bad.csv', line: 12 })).toBe('bad.csv: line 12: expected 3 fields, found 4');
    expect(describeFailure({ message: "dupes.csv: duplicate column name 'id' (columns 1 and 3)", file: 'dupes.csv', line: 1, column: 'id' }))
      .toBe("dupes.csv: line 1: duplicate column name 'id' (columns 1 and 3)");
    expect(describeFailure({ message: 'not a number', file: 'x.csv', line: 3, column: 'age' })).toBe('x.csv: line 3: column "age": not a number');
  });

  it('does not repeat what the parser already said', () => {
    expect(describeFailure({ message: 'bad.csv: line 12: expected 3 fields', file: 'bad.csv', line: 12 })).toBe('bad.csv: line 12: expected 3 fields');
    expect(describeFailure({ message: 'bad.csv: line 120 is odd', file: 'bad.csv', line: 12 })).toBe('bad.csv: line 12: line 120 is odd');
    expect(describeFailure({ message: 'header.csv has a header but no data rows', file: 'header.csv', line: 2 })).toBe('header.csv has a header but no data rows');
    expect(describeFailure({ message: 'the loader stopped', file: 'a.csv' })).toBe('a.csv: the loader stopped');
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

function summary(name: string): ReceivedTable {
  return { ok: true, summary: { name, source: `${name}.csv`, rowCount: 3, columns: [], version: 1 } };
}

function setup() {
  const loaders: FakeLoader[] = [];
  const receipts = new Map<number, { resolve: (r: ReceivedTable) => void; reject: (e: Error) => void }>();
  const cancelled: number[] = [];
  const api = {
    receiveTable: (_port: MessagePort, id: number) => new Promise<ReceivedTable>((resolve, reject) => receipts.set(id, { resolve, reject })),
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

  it('names the line when the data worker reports the failure before the loader does', async () => {
    const { client, loaders, receipts } = setup();
    const loading = client.loadFile(new Blob(['x']), 'dupes.csv');
    const failure = { message: "dupes.csv: duplicate column name 'id' (columns 1 and 3)", file: 'dupes.csv', line: 1, column: 'id' };
    receipts.get(1)!.resolve({ ok: false, failure });
    await expect(loading).rejects.toBeInstanceOf(LoadFailedError);
    loaders[0].emit({ type: 'error', failure });
    const notices = client.getState().notices;
    expect(notices).toHaveLength(1);
    expect(describeFailure(notices[0])).toBe("dupes.csv: line 1: duplicate column name 'id' (columns 1 and 3)");
    expect(loaders[0].terminated).toBe(true);
  });
});
