import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { profileColumn } from '../../kernels/profile';
import type { Column } from '../../kernels/table/types';
import { distributionSpec } from './distribution-spec';
import { toProfileView } from './profile-view';

const numbers: Column = { name: 'tenure', type: 'integer', storage: 'numeric', values: Float64Array.from({ length: 200 }, (_, i) => (i % 17 === 0 ? NaN : i % 73)) };
const categories: Column = { name: 'churn', type: 'categorical', storage: 'string', values: Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 'Yes' : i % 9 === 0 ? null : 'No')) };
const dates: Column = { name: 'day', type: 'date', storage: 'numeric', values: Float64Array.from({ length: 50 }, (_, i) => Date.UTC(2020, 0, 1 + i)) };

describe('toProfileView', () => {
  it('lists quantiles and moments of a number column and keeps its bins', () => {
    const view = toProfileView(profileColumn(numbers));
    expect(view.stats.map((s) => s.label)).toEqual(['Min', 'P5', 'P25', 'Median', 'P75', 'P95', 'Max', 'Mean', 'Std dev']);
    expect(view.stats[0].value).toBe('0');
    expect(view.histogram!.length).toBeGreaterThan(3);
    expect(view.sparkline).toEqual(view.histogram!.map((b) => b.count));
  });

  it('shows top values of a categorical column', () => {
    const view = toProfileView(profileColumn(categories));
    expect(view.topValues!.map((v) => v.value)).toEqual(['No', 'Yes']);
    expect(view.distinct).toBe(2);
  });

  it('shows dates as dates', () => {
    const view = toProfileView(profileColumn(dates));
    expect(view.stats.find((s) => s.label === 'Min')!.value).toBe('2020-01-01');
  });
});

describe('distributionSpec', () => {
  it('compiles to vega for bins, dates and top values', () => {
    for (const column of [numbers, categories, dates]) {
      const spec = distributionSpec(toProfileView(profileColumn(column)));
      expect(spec).toBeDefined();
      const { spec: vega } = compile(spec!);
      expect(vega.marks?.length).toBeGreaterThan(0);
    }
  });

  it('draws a skewed column on a log scale when asked, and keeps the linear bins otherwise', () => {
    const values = Float64Array.from({ length: 2000 }, (_, i) => Math.round(5 * Math.exp(((i * 7919) % 2000) / 2000 * 9.5)));
    const view = toProfileView(profileColumn({ name: 'employees', type: 'integer', storage: 'numeric', values }));
    expect(view.logHistogram).toHaveLength(20);
    const log = distributionSpec(view, 280, { log: true }) as { encoding: { x: { scale?: { type: string }; title: string } }; data: { values: unknown[] } };
    expect(log.encoding.x.scale).toEqual({ type: 'symlog' });
    expect(log.encoding.x.title).toBe('employees (log scale)');
    expect(() => compile(log as never)).not.toThrow();
    const linear = distributionSpec(view, 280) as { encoding: { x: { scale?: unknown } } };
    expect(linear.encoding.x.scale).toBeUndefined();
  });
});
