import { describe, expect, it } from 'vitest';
import { makeTable } from '../../kernels/features/testing/make-table';
import { toPortTable } from '../data-port';
import { planRows } from '../../kernels/tournament/row-plan';
import { resolveSettings } from '../../kernels/tournament/settings';
import { prepareTarget } from '../../kernels/tournament/target';
import { fitFeatures, fromPortTable, tournamentTrainingRows } from './features-service';

describe('features service', () => {
  it('fits the pipeline on a table received over the data port and ranks the features', () => {
    const n = 300;
    const x = Array.from({ length: n }, (_, i) => (i * 37) % 100);
    const table = makeTable({
      x: { type: 'number', values: x },
      title: { type: 'categorical', values: x.map((v) => (v > 50 ? 'VP Sales' : 'Sales Rep')) },
      id: { type: 'id', values: x.map((_, i) => `r${i}`) },
      y: { type: 'categorical', values: x.map((v, i) => ((v + (i % 7) * 9) > 60 ? 'Yes' : 'No')) },
    });
    const received = fromPortTable('leads', structuredClone(toPortTable(table)));
    expect(received.columns.map((c) => c.storage)).toEqual(['numeric', 'string', 'string', 'string']);
    const result = fitFeatures(received, { table: 'leads', target: 'y', importance: true });
    expect(result.task).toBe('binary');
    expect(result.dropped.map((d) => d.column)).toContain('id');
    expect(result.derived.find((d) => d.column === 'title')?.role).toBe('title');
    const total = Object.values(result.importance!).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(result.importance!.x).toBeGreaterThan(0);
    // Results cross the worker boundary: they must survive structured cloning.
    expect(structuredClone(result).derived.length).toBe(result.derived.length);
  });

  it("fits on the tournament's training rows only, never the rows it holds out for the test score", () => {
    const n = 300;
    const x = Array.from({ length: n }, (_, i) => (i * 37) % 100);
    const table = makeTable({
      x: { type: 'number', values: x },
      y: { type: 'categorical', values: x.map((v, i) => ((v + (i % 7) * 9) > 60 ? 'Yes' : 'No')) },
    });
    const result = fitFeatures(table, { table: 't', target: 'y', importance: true });
    // The tournament's own plan, with the AutoML view's settings (seed 0, default test share).
    const encoded = prepareTarget(table, 'y', { task: 'auto', minRows: 5 });
    const { plan } = planRows(encoded.labels.y, encoded.task, 2, resolveSettings({ target: 'y', seed: 0 }));
    expect(plan.test.length).toBeGreaterThan(0);
    expect(result.rows).toBe(plan.train.length);
    expect(result.heldOutRows).toBe(plan.test.length);
    const training = new Set(tournamentTrainingRows(table, 'y').rows);
    for (const r of plan.test) expect(training.has(encoded.rows[r])).toBe(false);
  });
});
