import { describe, expect, it } from 'vitest';
import type { Cell, NotebookDoc } from '../notebook/model';
import { tablesUsedBy } from './restore-tables';

const cell = (kind: Cell['kind'], source: string, table?: string): Cell => ({ id: `${kind}-${source}-${table}`, kind, source, outputs: [], ...(table ? { tourney: { table } } : {}) }) as Cell;

describe('tablesUsedBy', () => {
  it('finds tables shown by data and chart cells and named in code, and no others', () => {
    const doc: NotebookDoc = {
      metadata: {},
      cells: [
        cell('data', '', 'loans'),
        cell('chart', '{}', 'leads 2024'),
        cell('code', "const big = accounts.filter(d => d.size > 10)\nprint(tables['q3 sales'].numRows())"),
        cell('markdown', 'customers and notes are mentioned here only'),
        cell('code', 'const x = my_accounts_table.numRows() + other.accountsTotal'),
      ],
    };
    expect(tablesUsedBy(doc, ['loans', 'leads 2024', 'accounts', 'q3 sales', 'customers', 'notes', 'unused'])).toEqual(['loans', 'leads 2024', 'accounts', 'q3 sales']);
  });

  it('matches a table by the variable name code cells get (leads 2024 -> leads_2024)', () => {
    const doc: NotebookDoc = { metadata: {}, cells: [cell('code', 'leads_2024.numRows()')] };
    expect(tablesUsedBy(doc, ['leads 2024', 'leads'])).toEqual(['leads 2024']);
  });
});
