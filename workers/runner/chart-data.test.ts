import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { fieldsUsed, materializeChart } from './chart-data';

const table = aq.table({
  region: ['n', 's', 'n', 's', 'n'],
  amount: [10, 20, 30, 40, 50],
  won: [true, false, true, true, false],
});

describe('materializeChart', () => {
  it('aggregates in the runner and rewrites the encoding to the computed field', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'region', type: 'nominal' }, y: { field: 'amount', aggregate: 'mean', type: 'quantitative' } } };
    const { spec: out, note } = materializeChart(spec, table);
    const values = (out.data as { values: Record<string, unknown>[] }).values;
    expect(values).toEqual(expect.arrayContaining([{ region: 'n', __mean_amount: 30 }, { region: 's', __mean_amount: 30 }]));
    expect((out.encoding as Record<string, Record<string, unknown>>).y).toEqual({ field: '__mean_amount', type: 'quantitative', title: 'Mean of amount' });
    expect(note).toBeUndefined();
  });

  it('groups by every unaggregated channel (x and color)', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'region' }, color: { field: 'won' }, y: { aggregate: 'sum', field: 'amount' } } };
    const values = (materializeChart(spec, table).spec.data as { values: unknown[] }).values;
    expect(values).toHaveLength(4);
    expect(values).toContainEqual({ region: 'n', won: false, __sum_amount: 50 });
  });

  it('sends raw used fields, capped, when the spec has no aggregate', () => {
    const spec = { mark: 'point', encoding: { x: { field: 'amount' }, y: { field: 'region' } } };
    const { spec: out, note } = materializeChart(spec, table, 3);
    expect((out.data as { values: unknown[] }).values).toEqual([
      { amount: 10, region: 'n' },
      { amount: 20, region: 's' },
      { amount: 30, region: 'n' },
    ]);
    expect(note).toBe('Showing the first 3 of 5 rows');
  });

  it('leaves binned or transformed specs to vega', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'amount', bin: true }, y: { aggregate: 'count' } } };
    const out = materializeChart(spec, table).spec;
    expect(out.encoding).toBe(spec.encoding);
    expect((out.data as { values: unknown[] }).values).toHaveLength(5);
  });
});

describe('fieldsUsed', () => {
  it('finds fields in encodings and transforms but not in data', () => {
    const spec = { data: { values: [{ field: 'no' }] }, transform: [{ fold: ['a'], groupby: ['g'] }], encoding: { x: { field: 'x' } } };
    expect([...fieldsUsed(spec)].sort()).toEqual(['g', 'x']);
  });
});
