// The main thread's handle on the monitor worker (created on first use). Progress callbacks cross
// with comlink's proxy; cancel is a message the worker reads between chunks.
import { proxy, wrap, type Remote } from 'comlink';
import type { ReferenceProfile } from '../../kernels/monitor/reference-profile';
import type { ImportOutcome, MonitorWorkerApi } from '../../workers/monitor.worker';
import type { ImportProgress, LogImportRequest, LogView } from '../../workers/monitor/log-session';
import type { GeneratedMode, GeneratedRun } from '../../workers/monitor/synthetic-log';

let remote: Remote<MonitorWorkerApi> | null = null;

function worker(): Remote<MonitorWorkerApi> {
  if (!remote) {
    const w = new Worker(new URL('../../workers/monitor.worker.ts', import.meta.url), { type: 'module', name: 'tourney-monitor' });
    remote = wrap<MonitorWorkerApi>(w);
  }
  return remote;
}

export const monitorWorker = {
  importLogs(request: LogImportRequest, hours: number | null, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
    return worker().importLogs(request, hours, proxy(onProgress));
  },
  view(hours: number | null): Promise<LogView> {
    return worker().view(hours);
  },
  cancel(): Promise<void> {
    return worker().cancel();
  },
  aggregateGenerated(reference: ReferenceProfile, n: number, mode: GeneratedMode, onProgress: (p: ImportProgress) => void): Promise<GeneratedRun | 'cancelled'> {
    return worker().aggregateGenerated(reference, n, mode, proxy(onProgress));
  },
};

// The e2e benchmark drives the same worker the view uses.
(globalThis as { tourneyMonitorWorker?: typeof monitorWorker }).tourneyMonitorWorker = monitorWorker;
