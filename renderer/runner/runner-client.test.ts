import { afterEach, describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import type { RunnerApi, RunnerOutputMessage } from '../../workers/runner/api';
import { RunnerClient, RunnerInterruptedError, type RunnerWorkerLike } from './runner-client';

/** A stand-in runner worker on a MessageChannel: `hang` cells never finish (like while(true)). */
function fakeWorkers() {
  const spawned: { terminated: boolean; calls: string[] }[] = [];
  const ports: MessagePort[] = [];
  const createWorker = (): RunnerWorkerLike => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const record = { terminated: false, calls: [] as string[] };
    spawned.push(record);
    let count = 0;
    let flag: Int32Array | null = null;
    const api: RunnerApi = {
      connect(_port, interruptFlag) {
        flag = interruptFlag ?? null;
      },
      async execute({ cellId, source }) {
        // `spin` stands for a loop whose guard reads the interrupt flag.
        if (source === 'spin') {
          while (!flag || Atomics.load(flag, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          return { status: 'interrupted', executionCount: ++count };
        }
        record.calls.push(source);
        const message: RunnerOutputMessage = { type: 'tourney:runner-output', cellId, output: { type: 'stream', name: 'stdout', text: `${source}\n` } };
        port2.postMessage(message);
        if (source === 'hang') await new Promise(() => {});
        return { status: 'ok', executionCount: ++count };
      },
      async chartData({ spec }) {
        return { spec };
      },
    };
    expose(api, port2);
    port1.start();
    return {
      postMessage: (message, transfer) => port1.postMessage(message, transfer ?? []),
      addEventListener: (type: string, listener: (event: never) => void) => port1.addEventListener(type, listener as unknown as EventListener),
      removeEventListener: (type, listener) => port1.removeEventListener(type, listener as EventListener),
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    };
  };
  return { spawned, createWorker, close: () => ports.forEach((port) => port.close()) };
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((fn) => fn());
  cleanup = [];
});

describe('RunnerClient', () => {
  it('runs jobs one after another and forwards outputs before each reply', async () => {
    const workers = fakeWorkers();
    const client = new RunnerClient({ createWorker: workers.createWorker });
    cleanup.push(() => client.dispose(), workers.close);
    const seen: string[] = [];
    client.onOutput((cellId, output) => seen.push(`${cellId}:${output.type === 'stream' ? output.text.trim() : ''}`));
    const first = client.execute('a', 'one');
    const second = client.execute('b', 'two');
    await expect(first).resolves.toEqual({ status: 'ok', executionCount: 1 });
    expect(seen).toEqual(['a:one']);
    await expect(second).resolves.toEqual({ status: 'ok', executionCount: 2 });
    expect(seen).toEqual(['a:one', 'b:two']);
    expect(client.status).toBe('idle');
  });

  it('interrupt terminates a hung runner, rejects what was pending and starts a fresh one', async () => {
    const workers = fakeWorkers();
    const client = new RunnerClient({ createWorker: workers.createWorker, interruptGraceMs: 50 });
    cleanup.push(() => client.dispose(), workers.close);
    let started = false;
    const hung = client.execute('a', 'hang', () => {
      started = true;
    });
    const queued = client.execute('b', 'after');
    queued.catch(() => undefined); // rejected by interrupt() before the test awaits it
    await expect.poll(() => started).toBe(true);
    expect(client.status).toBe('busy');

    await expect(client.interrupt()).resolves.toBe('restarted');
    await expect(hung).rejects.toBeInstanceOf(RunnerInterruptedError);
    await expect(queued).rejects.toBeInstanceOf(RunnerInterruptedError);
    expect(workers.spawned).toHaveLength(2);
    expect(workers.spawned[0].terminated).toBe(true);
    expect(workers.spawned[0].calls).toEqual(['hang']);

    await expect(client.execute('c', 'fresh')).resolves.toEqual({ status: 'ok', executionCount: 1 });
    expect(workers.spawned[1].calls).toEqual(['fresh']);
  });

  it('interrupt asks a cooperating cell to stop through the shared flag and keeps the worker', async () => {
    const workers = fakeWorkers();
    const client = new RunnerClient({ createWorker: workers.createWorker, interruptGraceMs: 2000 });
    cleanup.push(() => client.dispose(), workers.close);
    await client.execute('a', 'one');
    let started = false;
    const spinning = client.execute('b', 'spin', () => {
      started = true;
    });
    const queued = client.execute('c', 'after');
    queued.catch(() => undefined);
    await expect.poll(() => started).toBe(true);
    await expect(client.interrupt()).resolves.toBe('stopped');
    await expect(spinning).resolves.toEqual({ status: 'interrupted', executionCount: 2 });
    await expect(queued).rejects.toBeInstanceOf(RunnerInterruptedError);
    expect(workers.spawned).toHaveLength(1);
    expect(workers.spawned[0].terminated).toBe(false);
    // The flag is cleared for the next cell.
    await expect(client.execute('d', 'two')).resolves.toEqual({ status: 'ok', executionCount: 3 });
    await expect(client.interrupt()).resolves.toBe('idle');
  });

  it('reports a worker that fails to load and recovers on restart', async () => {
    const workers = fakeWorkers();
    let broken = true;
    let fire: ((event: { message: string }) => void) | null = null;
    const client = new RunnerClient({
      createWorker: () => {
        if (!broken) return workers.createWorker();
        return {
          postMessage: () => {},
          addEventListener: (type: string, listener: (event: never) => void) => {
            if (type === 'error') fire = listener as (event: { message: string }) => void;
          },
          removeEventListener: () => {},
          terminate: () => {},
        };
      },
    });
    cleanup.push(() => client.dispose(), workers.close);
    const pending = client.execute('a', 'x');
    fire!({ message: 'SyntaxError in runner.worker.js' });
    await expect(pending).rejects.toThrow('the kernel worker could not start: SyntaxError in runner.worker.js');
    expect(client.status).toBe('failed');
    await expect(client.execute('b', 'y')).rejects.toThrow(/interrupt to restart it/);
    broken = false;
    await client.interrupt();
    await expect(client.execute('c', 'z')).resolves.toEqual({ status: 'ok', executionCount: 1 });
  });

  it('reads table versions as each job starts', async () => {
    const workers = fakeWorkers();
    let versions: Record<string, number> = { leads: 1 };
    const seen: Record<string, number>[] = [];
    const client = new RunnerClient({
      createWorker: workers.createWorker,
      tableVersions: () => {
        seen.push(versions);
        return versions;
      },
    });
    cleanup.push(() => client.dispose(), workers.close);
    await client.execute('a', 'x');
    versions = { leads: 2 };
    await client.chartData({ spec: { mark: 'bar' }, table: 'leads' });
    expect(seen).toEqual([{ leads: 1 }, { leads: 2 }]);
  });
});
