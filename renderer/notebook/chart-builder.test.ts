import { describe, expect, it } from 'vitest';
import { builderSpec, defaultBuilder, encodingType } from './chart-builder';

const columns = [
  { name: 'lead_id', type: 'id' },
  { name: 'source', type: 'categorical' },
  { name: 'spend', type: 'number' },
  { name: 'created', type: 'date' },
];

describe('chart builder', () => {
  it('maps column types to vega-lite types', () => {
    expect(encodingType('integer')).toBe('quantitative');
    expect(encodingType('datetime')).toBe('temporal');
    expect(encodingType('boolean')).toBe('nominal');
  });

  it('starts with a count of the first categorical column', () => {
    expect(defaultBuilder(columns)).toEqual({ mark: 'bar', x: 'source', aggregate: 'count' });
  });

  it('builds count, aggregate and raw encodings', () => {
    expect(builderSpec({ mark: 'bar', x: 'source', aggregate: 'count' }, columns)).toEqual({
      width: 'container',
      height: 280,
      mark: { type: 'bar', tooltip: true },
      encoding: { x: { field: 'source', type: 'nominal', sort: '-y' }, y: { aggregate: 'count', type: 'quantitative', title: 'Count' } },
    });
    expect(builderSpec({ mark: 'line', x: 'created', y: 'spend', aggregate: 'mean', color: 'source' }, columns).encoding).toEqual({
      x: { field: 'created', type: 'temporal' },
      y: { field: 'spend', aggregate: 'mean', type: 'quantitative' },
      color: { field: 'source', type: 'nominal' },
    });
    expect(builderSpec({ mark: 'point', x: 'spend', y: 'created' }, columns).encoding).toEqual({
      x: { field: 'spend', type: 'quantitative' },
      y: { field: 'created', type: 'temporal' },
    });
  });
});
