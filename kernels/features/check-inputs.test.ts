import { describe, expect, it } from 'vitest';
import { fitTableToMatrix } from '../learn/table-to-matrix';
import { stringColumn } from '../table/infer-type';
import type { Column, DataTable } from '../table/types';
import { checkInputs, pipelineColumns } from './check-inputs';
import { fitFeaturePipeline } from './fit-pipeline';

const n = 120;
const num = (name: string, f: (i: number) => number): Column => ({ name, type: 'number', storage: 'numeric', values: Float64Array.from({ length: n }, (_, i) => f(i)) });
const text = (name: string, values: (string | null)[]): Column => ({ name, type: 'categorical', storage: 'string', values });
const training: DataTable = {
  name: 'train', rowCount: n,
  columns: [
    num('Age', (i) => 20 + (i % 50)),
    num('income', (i) => 1000 + ((i * 37) % 900)),
    text('plan', Array.from({ length: n }, (_, i) => ['basic', 'pro', 'team'][i % 3])),
    text('churn', Array.from({ length: n }, (_, i) => ((i * 7) % 10 < 4 ? 'yes' : 'no'))),
  ],
};
const table = (columns: Column[], rows = 3): DataTable => ({ name: 'score', rowCount: rows, columns });
const spec = fitFeaturePipeline(training, 'churn', { task: 'binary' }).spec;
const state = fitTableToMatrix(training, 'churn').state;

describe('checkInputs', () => {
  it('lists the raw columns each pipeline kind reads, numbers marked', () => {
    for (const doc of [spec, state]) {
      const { columns, target } = pipelineColumns(doc);
      expect(target).toBe('churn');
      expect(columns.map((c) => c.name).sort()).toEqual(['Age', 'income', 'plan']);
      expect(columns.find((c) => c.name === 'income')?.numberType).toBeDefined();
      expect(columns.find((c) => c.name === 'plan')?.numberType).toBeUndefined();
    }
  });

  it('refuses a table holding none of the model columns (only the target)', () => {
    for (const doc of [spec, state]) {
      const check = checkInputs(doc, table([text('churn', ['yes', 'no', 'yes'])]));
      expect(check.present).toBe(0);
      expect(check.error).toMatch(/none of the 3 columns the model reads is present/);
    }
  });

  it('warns about missing columns and text in number columns, with counts', () => {
    for (const doc of [spec, state]) {
      const income = stringColumn('income', ['1200', 'n/a', 'lots']);
      const check = checkInputs(doc, table([income, text('plan', ['pro', 'basic', 'team']), text('note', ['a', 'b', 'c'])]));
      expect(check.error).toBeUndefined();
      expect(check.missing).toEqual(['Age']);
      // "n/a" is a missing-value token, not text: only "lots" is reported.
      expect(check.notNumbers).toEqual([{ column: 'income', count: 1, example: 'lots', expected: 'number' }]);
      expect(check.extra).toEqual(['note']);
      expect(check.warnings).toEqual([
        '1 of 3 columns the model reads are missing (read as missing on every row): "Age"',
        'column "income": 1 of 3 values are not numbers (e.g. "lots") and are read as missing',
        '1 columns the model does not know are ignored: "note"',
      ]);
    }
  });

  it('reads a header differing in case, and refuses two that both could be the column', () => {
    const cols = (names: string[]) => names.map((name) => num(name, (i) => i));
    const renamed = checkInputs(spec, table([...cols(['AGE', 'income']), text('plan', ['a', 'b', 'c'])]));
    expect(renamed.error).toBeUndefined();
    expect(renamed.renamed).toEqual([{ column: 'Age', header: 'AGE' }]);
    const ambiguous = checkInputs(state, table([...cols(['AGE', 'age', 'income']), text('plan', ['a', 'b', 'c'])]));
    expect(ambiguous.ambiguous).toEqual([{ column: 'Age', headers: ['AGE', 'age'] }]);
    expect(ambiguous.error).toMatch(/headers "AGE", "age" all match model column "Age" apart from case\/spaces; rename all but one/);
    const exact = checkInputs(state, table([...cols(['Age', 'age', 'income']), text('plan', ['a', 'b', 'c'])]));
    expect(exact.error).toBeUndefined();
    expect(exact.warnings).toEqual(['header "age" also matches model column "Age" apart from case/spaces; the exact "Age" is read']);
  });
});
