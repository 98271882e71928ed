// The app's one runner: a module Web Worker wired to the data worker for tables.
import { useSyncExternalStore } from 'react';
import { dataClient } from '../data';
import { RunnerClient, type RunnerStatus } from '../runner/runner-client';

let runner: RunnerClient | null = null;

export function appRunner(): RunnerClient {
  runner ??= new RunnerClient({
    createWorker: () => new Worker(new URL('../../workers/runner.worker.ts', import.meta.url), { type: 'module', name: 'tourney-runner' }),
    connectData: (port) => dataClient.connectTableReader(port),
    tableVersions: () => Object.fromEntries(dataClient.listTables().map((table) => [table.name, table.version])),
  });
  return runner;
}

export function useRunnerStatus(): RunnerStatus {
  const client = appRunner();
  return useSyncExternalStore(client.subscribeStatus, client.getStatus);
}
