// The worker-thread session: the scores of an in-thread session, runs answered in order, and
// clear refusals (bytes onnxruntime cannot load, runs after release).
import { describe, expect, it } from 'vitest';
import { fitModel } from '../kernels/learn/fit';
import type { Matrix } from '../kernels/learn/matrix';
import { exportOnnx, ONNX_INPUT } from '../kernels/onnx';
import { createOffloadedSession } from './onnx-offload';
import { rowMajor } from './onnx-engine';

const n = 400;
const X: Matrix = { nRows: n, columns: [Float64Array.from({ length: n }, (_, i) => i % 7), Float64Array.from({ length: n }, (_, i) => Math.sin(i))], featureNames: ['a', 'b'] };
const model = fitModel('linear', X, { task: 'regression', y: Float64Array.from({ length: n }, (_, i) => 3 * (i % 7) - Math.sin(i)) }, {}, { seed: 1 });
const bytes = exportOnnx(model.toJSON());

describe('createOffloadedSession', () => {
  it('scores on a worker thread, answering runs in the order they were sent', async () => {
    const session = await createOffloadedSession(bytes, { threads: 1, input: ONNX_INPUT, output: 'value' });
    expect(session.alive).toBe(true);
    const expected = model.predict(X);
    const runs = [0, 1, 2].map(() => session.run(rowMajor(X), n, 2));
    for (const values of await Promise.all(runs)) {
      expect(values).toHaveLength(n);
      for (let i = 0; i < n; i++) expect(Math.abs(values[i] - expected[i])).toBeLessThan(1e-9);
    }
    await session.release();
    expect(session.alive).toBe(false);
    await expect(session.run(rowMajor(X), n, 2)).rejects.toThrow(/released/);
  });

  it('rejects with onnxruntime\'s reason when the bytes are not a model', async () => {
    await expect(createOffloadedSession(new Uint8Array([1, 2, 3]), { threads: 1, input: ONNX_INPUT, output: 'value' })).rejects.toThrow(/protobuf parsing failed/);
  });
});
