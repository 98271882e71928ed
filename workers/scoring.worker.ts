// The app's scoring worker: loads model directories (a registered version, the AutoML winner),
// exports them to ONNX and scores with onnxruntime-web's plain WASM build — what-if rows, loaded
// tables (read from the data worker over a port, worker to worker) and dropped files — and builds
// "Export scorer" bundles. The WASM binary and the bundle's server.js / runtime lock are the app's
// own assets (Vite `?url`): nothing comes from the network.
import { expose, transfer } from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import runtimeLockUrl from '../dist/scorer-assets/runtime-lock.json?url';
import serverJsUrl from '../dist/scorer-assets/server.js?url';
import { readTable } from '../kernels/io/read-table';
import type { DataTable } from '../kernels/table/types';
import type { BundleOptions } from '../scorer/bundle/bundle-files';
import { requestTables } from './data-port';
import { fromPortTable } from './features/features-service';
import { bundleZip, exportBundle, fetchBundleAssets, type ExportedBundle } from './scoring/export-bundle';
import { loadOnnxScorer, scoreRow, scoreTable, type BatchProgress, type BatchResult, type OnnxScorer, type RowPrediction, type ScorerInfo } from './scoring/scoring-service';

ort.env.wasm.wasmPaths = { wasm: ortWasmUrl };
// One thread: no nested thread pool inside this worker; the UI thread is never involved either way.
ort.env.wasm.numThreads = 1;
ort.env.wasm.proxy = false;

let dataPort: MessagePort | null = null;
const scorers = new Map<string, Promise<OnnxScorer>>();
const cancelled = new Set<number>();

function scorer(key: string): Promise<OnnxScorer> {
  const found = scorers.get(key);
  if (!found) throw new Error(`no model loaded as ${key}`);
  return found;
}

/** A macrotask turn between chunks, so a cancel message is delivered while a batch runs. */
const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function batch(key: string, job: number, read: () => Promise<DataTable>, onProgress: (p: BatchProgress) => void): Promise<BatchResult> {
  try {
    const s = await scorer(key);
    const table = await read();
    return await scoreTable(s, table, { chunkRows: 2048, onProgress: (p) => void onProgress(p), cancelled: () => cancelled.has(job), yieldTurn });
  } finally {
    cancelled.delete(job);
  }
}

const api = {
  connect(port: MessagePort): void {
    dataPort = port;
  },
  /** Loads (once per key) a model directory's files; `label` names them in errors, `name` the model when meta.json does not. */
  async load(key: string, files: Map<string, Uint8Array>, label: string, name: string): Promise<ScorerInfo> {
    if (!scorers.has(key)) {
      const loading = loadOnnxScorer(ort, files, label, name);
      scorers.set(key, loading);
      loading.catch(() => scorers.delete(key));
    }
    return (await scorer(key)).info;
  },
  async whatIf(key: string, values: Record<string, string>): Promise<RowPrediction> {
    return scoreRow(await scorer(key), values);
  },
  scoreLoadedTable(key: string, tableName: string, job: number, onProgress: (p: BatchProgress) => void): Promise<BatchResult> {
    return batch(key, job, async () => {
      if (!dataPort) throw new Error('the scoring worker is not connected to the data worker');
      const tables = await requestTables(dataPort, [tableName]);
      return fromPortTable(tableName, tables[tableName]);
    }, onProgress);
  },
  scoreFile(key: string, bytes: Uint8Array, fileName: string, job: number, onProgress: (p: BatchProgress) => void): Promise<BatchResult> {
    return batch(key, job, () => readTable(bytes, { fileName }), onProgress);
  },
  cancel(job: number): void {
    cancelled.add(job);
  },
  /** The bundle for the files: a zip (web app) or its files (Electron writes them). */
  async exportBundle(files: Map<string, Uint8Array>, options: BundleOptions, label: string, as: 'zip' | 'files'): Promise<{ bundle: Omit<ExportedBundle, 'files'>; zip?: Uint8Array; files?: [string, Uint8Array][] }> {
    const assets = await fetchBundleAssets(serverJsUrl, runtimeLockUrl);
    const exported = await exportBundle(ort, files, assets, options, label);
    const { files: bundleFiles, ...bundle } = exported;
    if (as === 'files') return { bundle, files: bundleFiles };
    const zip = bundleZip(exported);
    return transfer({ bundle, zip }, [zip.buffer]);
  },
};

export type ScoringWorkerApi = typeof api;
expose(api);
