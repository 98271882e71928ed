// Scores pipeline matrices with an exported ONNX model (kernels/onnx) on onnxruntime-node. A
// session is created once from the bytes and reused. Small runs (single rows, micro-batches) go to
// a session with one intra-op thread on the event loop: the server runs many of them side by side,
// and a thread hand-off would cost more than the run. With `threads` > 1, runs of `bigRows` rows or
// more (parts of a 10,000-row batch) go to a second session on a worker thread (onnx-offload.ts,
// `threads` − 1 intra-op threads), so the event loop prepares the next part meanwhile. score()
// returns FittedModel.predict's shape: binary P(positive class) per row, multiclass n × k
// row-major, regression the values.
import type { Matrix } from '../kernels/learn/matrix';
import { ONNX_INPUT } from '../kernels/onnx';
import { readMetadata } from '../kernels/onnx/proto';
import { createOffloadedSession } from './onnx-offload';
import type { ScoreOptions, ScoringEngine } from './engine';

export interface OnnxEngineOptions {
  /** Threads for big runs, the event loop's included (default 1: every run on the event loop). */
  threads?: number;
  /** Rows from which a run is big and goes to the worker thread (default 1,024). */
  bigRows?: number;
}

export async function createOnnxEngine(onnxBytes: Uint8Array, options: OnnxEngineOptions = {}): Promise<ScoringEngine> {
  const metadata = readMetadata(onnxBytes);
  const task = metadata.task;
  if (task !== 'binary' && task !== 'multiclass' && task !== 'regression') {
    throw new Error(`the ONNX model does not say its task (metadata "task" is ${JSON.stringify(task)}): export it with Tourney`);
  }
  const nFeatures = (JSON.parse(metadata.features ?? '[]') as string[]).length;
  const nClasses = task === 'multiclass' ? (JSON.parse(metadata.classes ?? '[]') as string[]).length : 1;
  const ort = await loadOnnxRuntime();
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const bigRows = options.bigRows ?? 1024;
  const session = await ort.InferenceSession.create(onnxBytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
  const output = task === 'regression' ? 'value' : 'probabilities';
  const big = threads > 1 ? await createOffloadedSession(onnxBytes, { threads: Math.max(1, threads - 1), input: ONNX_INPUT, output }) : null;
  const run = async (input: Float64Array, n: number, onEventLoop: boolean): Promise<Float64Array> => {
    // Should the worker have stopped, big runs go back to the event loop (slower, still scored).
    if (big?.alive && n >= bigRows && !onEventLoop) return big.run(input, n, nFeatures);
    const result = await session.run({ [ONNX_INPUT]: new ort.Tensor('float64', input, [n, nFeatures]) }, [output]);
    return result[output].data as Float64Array;
  };
  return {
    kind: 'onnx',
    nClasses,
    ...(big ? { offloadRows: bigRows } : {}),
    async score(X: Matrix, scoreOptions: ScoreOptions = {}): Promise<Float64Array> {
      if (X.columns.length !== nFeatures) throw new Error(`the model expects ${nFeatures} features, the matrix has ${X.columns.length}`);
      const n = X.nRows;
      if (n === 0) return new Float64Array(0);
      const values = await run(rowMajor(X), n, scoreOptions.onEventLoop === true);
      if (task !== 'binary') return Float64Array.from(values);
      // [1 − p, p] per row: keep p.
      const p = new Float64Array(n);
      for (let i = 0; i < n; i++) p[i] = values[2 * i + 1];
      return p;
    },
    async release() {
      await session.release();
      await big?.release();
    },
  };
}

/** The column-major matrix as the row-major doubles the model's input takes. */
export function rowMajor(X: Matrix): Float64Array {
  const F = X.columns.length;
  const out = new Float64Array(X.nRows * F);
  X.columns.forEach((col, j) => {
    for (let i = 0; i < X.nRows; i++) out[i * F + j] = col[i];
  });
  return out;
}

/**
 * onnxruntime-node, loaded when the first engine is made rather than when server.js starts, so a
 * refused model directory is reported as such (one line naming the file) even where the native
 * runtime is not installed yet, and a missing runtime gets a line saying what to do.
 */
export async function loadOnnxRuntime(): Promise<typeof import('onnxruntime-node')> {
  try {
    return await import('onnxruntime-node');
  } catch (err) {
    throw new Error(`cannot load onnxruntime-node (${(err as Error).message.split('\n')[0]}): run \`npm install\` in the bundle folder`, { cause: err });
  }
}
