// Keeps the rows that pass every column filter (filters combine with AND). Text comparisons are
// case-insensitive; a range is inclusive and never matches a missing value.
import type { Column, DataTable } from '../../kernels/table/types';
import { cellFormatter } from '../../shared/data/format-cell';
import type { ColumnFilter } from '../../shared/data/protocol';

type RowTest = (row: number) => boolean;

export function filterRows(table: DataTable, filters: readonly ColumnFilter[]): Uint32Array | null {
  if (filters.length === 0) return null;
  const tests = filters.map((filter) => rowTest(columnNamed(table, filter.column), filter));
  const kept = new Uint32Array(table.rowCount);
  let count = 0;
  for (let row = 0; row < table.rowCount; row++) {
    let pass = true;
    for (const test of tests) {
      if (!test(row)) {
        pass = false;
        break;
      }
    }
    if (pass) kept[count++] = row;
  }
  return kept.slice(0, count);
}

export function columnNamed(table: DataTable, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`table "${table.name}" has no column "${name}"`);
  return column;
}

function rowTest(column: Column, filter: ColumnFilter): RowTest {
  switch (filter.kind) {
    case 'range':
      return rangeTest(column, filter.min, filter.max, filter.minExclusive, filter.maxExclusive);
    case 'equals':
      return equalsTest(column, filter.value);
    case 'contains':
      return containsTest(column, filter.text);
  }
}

function rangeTest(column: Column, min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false): RowTest {
  if (column.storage !== 'numeric') {
    throw new Error(`column "${column.name}" is ${column.type}: a range filter needs a numeric, date or boolean column`);
  }
  const values = column.values;
  return (row) => (minExclusive ? values[row] > min : values[row] >= min) && (maxExclusive ? values[row] < max : values[row] <= max);
}

function equalsTest(column: Column, raw: string): RowTest {
  const wanted = raw.trim();
  if (column.storage === 'numeric' && (column.type === 'integer' || column.type === 'number')) {
    const target = Number(wanted);
    if (wanted === '' || Number.isNaN(target)) {
      throw new Error(`column "${column.name}" is ${column.type}: "${raw}" is not a number`);
    }
    const values = column.values;
    return (row) => values[row] === target;
  }
  const lower = wanted.toLowerCase();
  const text = cellFormatter(column);
  if (column.storage === 'numeric' && column.type === 'boolean') {
    const values = column.values;
    const truthy = ['true', '1', 'yes', column.labels?.[1].toLowerCase()].includes(lower);
    const falsy = ['false', '0', 'no', column.labels?.[0].toLowerCase()].includes(lower);
    if (truthy || falsy) return (row) => values[row] === (truthy ? 1 : 0);
  }
  return (row) => text(row)?.toLowerCase() === lower;
}

function containsTest(column: Column, needle: string): RowTest {
  const lower = needle.toLowerCase();
  if (column.storage === 'string') {
    const values = column.values;
    return (row) => {
      const value = values[row];
      return value !== null && value !== undefined && value.toLowerCase().includes(lower);
    };
  }
  const text = cellFormatter(column);
  return (row) => text(row)?.toLowerCase().includes(lower) ?? false;
}
