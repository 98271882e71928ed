// The main thread's handle on the scoring worker (onnxruntime-web, WASM): created on first use and
// connected to the data worker, so a loaded table goes worker to worker. Models are loaded once
// per key; a batch gets a job number so Cancel can stop it between chunks.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { BundleOptions } from '../../workers/scoring/export-bundle';
import type { ScoringWorkerApi } from '../../workers/scoring.worker';
import type { BatchProgress, BatchResult, RowPrediction, ScorerInfo } from '../../workers/scoring/scoring-service';
import { dataClient } from '../data';

export type { BatchProgress, BatchResult, RowPrediction, ScorerInfo };

let remote: Remote<ScoringWorkerApi> | null = null;
let nextJob = 1;
/** Models the current worker holds, by key. */
const loaded = new Map<string, Promise<ScorerInfo>>();

function worker(): Remote<ScoringWorkerApi> {
  if (remote) return remote;
  const w = new Worker(new URL('../../workers/scoring.worker.ts', import.meta.url), { type: 'module', name: 'tourney-scoring' });
  const created = wrap<ScoringWorkerApi>(w);
  const channel = new MessageChannel();
  dataClient.connectTableReader(channel.port1);
  void created.connect(transfer(channel.port2, [channel.port2]));
  w.addEventListener('error', (event) => {
    // A crashed worker cannot answer any more: start fresh next time.
    if (remote === created) {
      remote = null;
      loaded.clear();
    }
    console.error('scoring worker failed:', event.message);
  });
  remote = created;
  return created;
}

/** A model the app can score and export: a registered version or the AutoML winner. */
export interface ModelSource {
  /** Unique per model (the scoring worker keeps one session per key). */
  key: string;
  /** Names the model in messages and in bundle.json. */
  label: string;
  /** The service's name (bundle folder, package name). */
  name: string;
  /** The model directory's files. */
  files(): Promise<Map<string, Uint8Array>>;
  /** Where a registered version came from (bundle.json). */
  registry?: { model: string; version: number };
}

/** A batch in flight: its result, and a way to stop it. */
export interface BatchJob {
  result: Promise<BatchResult>;
  cancel(): void;
}

function job(run: (r: Remote<ScoringWorkerApi>, id: number, progress: (p: BatchProgress) => void) => Promise<BatchResult>, onProgress: (p: BatchProgress) => void): BatchJob {
  const r = worker();
  const id = nextJob++;
  return { result: run(r, id, proxy(onProgress)), cancel: () => void r.cancel(id) };
}

export const scoringClient = {
  /** Loads the source's model in the scoring worker (once per key). */
  load(source: ModelSource): Promise<ScorerInfo> {
    let info = loaded.get(source.key);
    if (!info) {
      const r = worker();
      info = source.files().then((f) => r.load(source.key, f, source.label, source.name));
      loaded.set(source.key, info);
      info.catch(() => loaded.delete(source.key));
    }
    return info;
  },
  whatIf(key: string, values: Record<string, string>): Promise<RowPrediction> {
    return worker().whatIf(key, values);
  },
  scoreLoadedTable(key: string, table: string, onProgress: (p: BatchProgress) => void): BatchJob {
    return job((r, id, progress) => r.scoreLoadedTable(key, table, id, progress), onProgress);
  },
  scoreFile(key: string, bytes: Uint8Array, fileName: string, onProgress: (p: BatchProgress) => void): BatchJob {
    return job((r, id, progress) => r.scoreFile(key, transfer(bytes, [bytes.buffer as ArrayBuffer]), fileName, id, progress), onProgress);
  },
  exportBundle(files: Map<string, Uint8Array>, options: BundleOptions, label: string, as: 'zip' | 'files') {
    return worker().exportBundle(files, options, label, as);
  },
};
