import { describe, expect, it } from 'vitest';
import { fitTableToMatrix } from '../learn/table-to-matrix';
import { prepareTarget } from '../tournament/target';
import type { Column, DataTable } from '../table/types';
import { checkClassCounts, foldLabelSpellings, MIN_CLASS_ROWS } from './target-checks';

describe('target checks', () => {
  it('merges labels differing only by case or spaces into the most frequent spelling, naming them', () => {
    const folded = foldLabelSpellings('churn', ['no', 'No', 'NO', 'no', 'yes', ' yes', null, '  ']);
    expect(folded.texts).toEqual(['no', 'no', 'no', 'no', 'yes', 'yes', null, null]);
    expect(folded.warnings).toEqual(['target column "churn": labels that differ only by case or spaces are one class "no": "no" (2), "No" (1), "NO" (1)']);
  });

  it('refuses an identifier-like target and suggests regression for numbers', () => {
    const ids = new Map(Array.from({ length: 200 }, (_, i) => [String(i), 1] as [string, number]));
    expect(() => checkClassCounts('id', ids, true)).toThrow(/200 distinct values in 200 rows, 200 of them on a single row.*--task regression/);
    const words = new Map(Array.from({ length: 30 }, (_, i) => [`w${i}`, 1] as [string, number]));
    expect(() => checkClassCounts('name', words, false)).toThrow(/identifier or free text/);
  });

  it('refuses a class below the minimum and warns above it', () => {
    expect(() => checkClassCounts('y', new Map([['0', 9997], ['1', 3]]), true)).toThrow(`class "1" of target column "y" has only 3 of 10000 rows; every class needs at least ${MIN_CLASS_ROWS}`);
    expect(checkClassCounts('y', new Map([['0', 9970], ['1', 30]]), true)).toEqual([expect.stringMatching(/class "1" has only 30 of 10000 rows/)]);
    expect(checkClassCounts('y', new Map([['0', 9997], ['1', 3]]), true, { refuseBelow: 0 })).toHaveLength(1);
  });

  it('train --fixed (fitTableToMatrix) merges, counts dropped rows and reports warnings', () => {
    const n = 200;
    const labels = Array.from({ length: n }, (_, i) => (i === 0 ? null : i % 10 === 0 ? 'Yes' : i % 2 ? 'yes' : 'no'));
    const table: DataTable = {
      name: 't', rowCount: n,
      columns: [
        { name: 'x', type: 'number', storage: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i) },
        { name: 'y', type: 'categorical', storage: 'string', values: labels } as Column,
      ],
    };
    const fit = fitTableToMatrix(table, 'y');
    expect(fit.state.classes).toEqual(['no', 'yes']);
    expect(fit.rows).toBe(199);
    expect(fit.warnings).toEqual([
      expect.stringMatching(/labels that differ only by case or spaces are one class "yes": "yes" \(100\), "Yes" \(19\)/),
      'target column "y": 1 of 200 rows have no value and are left out',
    ]);
  });

  it('the tournament merges spellings in the table it learns from, and a positive class in another spelling names the merged class', () => {
    const n = 300;
    const labels = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'Yes' : i % 3 === 1 ? 'no' : i % 2 ? 'YES' : 'yes'));
    const table: DataTable = {
      name: 't', rowCount: n,
      columns: [
        { name: 'x', type: 'number', storage: 'numeric', values: Float64Array.from({ length: n }, (_, i) => i) },
        { name: 'y', type: 'categorical', storage: 'string', values: labels } as Column,
      ],
    };
    const prepared = prepareTarget(table, 'y', { positiveClass: 'yes', minRows: 5 });
    expect(prepared.classes).toEqual(['no', 'Yes']);
    expect(prepared.positiveClass).toBe('Yes');
    expect(new Set(prepared.table.columns[1].values as (string | null)[])).toEqual(new Set(['Yes', 'no']));
    expect(prepared.warnings).toEqual([expect.stringMatching(/one class "Yes": "Yes" \(100\), "yes" \(50\), "YES" \(50\)/)]);
  });
});
