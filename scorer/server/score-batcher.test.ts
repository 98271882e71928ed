import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../kernels/table/types';
import { compileSchema, InputError, type InputStats } from '../input-table';
import type { InputField } from '../load-model';
import { ScoreBatcher } from './score-batcher';

const fields: InputField[] = [
  { name: 'x', type: 'number', storage: 'numeric' },
  { name: 'plan', type: 'categorical', storage: 'string', categories: ['basic', 'pro'] },
];
const schema = compileSchema(fields);

/** A batcher whose run records each table it scores and "scores" a row as x * 10. */
function recording(options: { maxBatchRows?: number; failWhen?: (table: DataTable) => boolean } = {}) {
  const runs: { rows: number; stats: InputStats }[] = [];
  const batcher = new ScoreBatcher(schema, async (table, stats) => {
    runs.push({ rows: table.rowCount, stats });
    if (options.failWhen?.(table)) throw new Error('model failed');
    return Float64Array.from(table.columns[0].values as Float64Array, (v) => v * 10);
  }, options);
  const score = async (rows: Record<string, unknown>[]) => {
    const { result, offset, count } = await batcher.submit(rows.length, (b) => b.appendJsonRows(rows));
    return Array.from(result.subarray(offset, offset + count));
  };
  return { batcher, runs, score };
}

describe('ScoreBatcher', () => {
  it('scores the requests of one event-loop turn in one run, each getting its own rows back', async () => {
    const { batcher, runs, score } = recording();
    const answers = await Promise.all([score([{ x: 1 }]), score([{ x: 2 }, { x: 3 }]), score([{ x: 4, extra: true }])]);
    expect(answers).toEqual([[10], [20, 30], [40]]);
    expect(runs).toHaveLength(1);
    expect(runs[0].rows).toBe(4);
    expect(runs[0].stats).toMatchObject({ rows: 4, rowsWithMissing: 4, unknownFields: 1 });
    expect([batcher.batches, batcher.rows]).toEqual([1, 4]);
    // A later turn starts a new batch.
    expect(await score([{ x: 5, plan: 'pro' }])).toEqual([50]);
    expect(runs.map((r) => r.rows)).toEqual([4, 1]);
  });

  it('never lets a batch of several requests grow past maxBatchRows; a bigger request runs alone', async () => {
    const { runs, score } = recording({ maxBatchRows: 4 });
    const row = (x: number) => ({ x });
    const answers = await Promise.all([score([row(1), row(2)]), score([row(3)]), score([row(4), row(5)]), score([6, 7, 8, 9, 10].map(row)), score([row(11)])]);
    expect(answers).toEqual([[10, 20], [30], [40, 50], [60, 70, 80, 90, 100], [110]]);
    expect(runs.map((r) => r.rows)).toEqual([3, 2, 5, 1]);
  });

  it('refuses a request with a bad field on its own, leaving its neighbours in the batch untouched', async () => {
    const { runs, score } = recording();
    const good = score([{ x: 1 }]);
    const bad = score([{ x: 2 }, { x: 'two' }]);
    const after = score([{ x: 3 }]);
    await expect(bad).rejects.toThrow(new InputError('row 2, field "x": expected a number, got "two"'));
    expect(await Promise.all([good, after])).toEqual([[10], [30]]);
    expect(runs.map((r) => r.rows)).toEqual([2]);
  });

  it('scores each request of a failed batch again on its own, so only the failing one fails', async () => {
    const { runs, score } = recording({ failWhen: (t) => (t.columns[0].values as Float64Array).includes(13) });
    const answers = await Promise.allSettled([score([{ x: 1 }]), score([{ x: 13 }]), score([{ x: 2, unknown: 0 }])]);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([[10], 'model failed', [20]]);
    expect(runs.map((r) => r.rows)).toEqual([3, 1, 1, 1]);
    expect(runs[3].stats.unknownFields).toBe(1);
  });
});
