import { describe, expect, it } from 'vitest';
import { queryKey } from '../../shared/data/query-key';
import { TableStore } from './table-store';
import { peopleTable } from '../../test/fixtures/tables';

describe('TableStore', () => {
  it('summarizes a table with types and missing counts', () => {
    const store = new TableStore();
    const summary = store.add(peopleTable(), { source: 'people.csv', sourceBytes: 120 });
    expect(summary.rowCount).toBe(6);
    expect(summary.columns.map((c) => [c.name, c.type, c.missing])).toEqual([
      ['name', 'categorical', 1],
      ['age', 'integer', 1],
      ['score', 'number', 1],
      ['member', 'boolean', 1],
      ['joined', 'date', 2],
    ]);
  });

  it('returns windows of formatted rows of the filtered, sorted view', () => {
    const store = new TableStore();
    store.add(peopleTable(), { source: 'people.csv' });
    const window = store.rows('people', { sort: { column: 'age', descending: true }, filters: [{ column: 'member', kind: 'equals', value: 'Yes' }] }, 0, 10);
    expect(window.viewRowCount).toBe(3);
    expect(window.tableRowCount).toBe(6);
    expect(window.rowNumbers).toEqual([0, 5, 2]);
    expect(window.cells[0]).toEqual(['bob', '30', '0.5', 'Yes', '2020-01-05']);
    expect(window.cells[2][1]).toBeNull();
  });

  it('clamps windows to the view', () => {
    const store = new TableStore();
    store.add(peopleTable(), { source: 'people.csv' });
    const window = store.rows('people', {}, 4, 100);
    expect(window.start).toBe(4);
    expect(window.rowNumbers).toEqual([4, 5]);
    expect(store.rows('people', {}, 50, 10).cells).toEqual([]);
  });

  it('replaces a table of the same name and bumps its version', () => {
    const store = new TableStore();
    const first = store.add(peopleTable(), { source: 'a.csv' });
    const second = store.add(peopleTable(), { source: 'b.csv' });
    expect(store.list()).toHaveLength(1);
    expect(second.version).toBeGreaterThan(first.version);
    expect(store.summary('people').source).toBe('b.csv');
  });

  it('names the known tables when asked for an unknown one', () => {
    const store = new TableStore();
    store.add(peopleTable(), { source: 'a.csv' });
    expect(() => store.rows('nope', {}, 0, 1)).toThrow(/no table named "nope" \(tables: people\)/);
  });

  it('keys queries independently of filter order', () => {
    const a = queryKey({ filters: [{ column: 'x', kind: 'contains', text: 'a' }, { column: 'y', kind: 'range', min: 1 }] });
    const b = queryKey({ filters: [{ column: 'y', kind: 'range', min: 1 }, { column: 'x', kind: 'contains', text: 'a' }] });
    expect(a).toBe(b);
  });
});
