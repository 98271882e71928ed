import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { formatCell, formatValue, tableBundle } from './format';
import { variableName } from '../../shared/runner/variable-name';

describe('formatValue', () => {
  it('formats nested values readably and survives cycles', () => {
    const cyclic: Record<string, unknown> = { a: [1, 'two', null], m: new Map([['k', 1]]) };
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe("{ a: [ 1, 'two', null ], m: Map(1) { 'k' => 1 }, self: [Circular] }");
    expect(formatValue('text', true)).toBe('text');
    expect(formatValue(new Float64Array([1.5]))).toBe('Float64Array(1) [ 1.5 ]');
    expect(formatValue(() => 1)).toBe('[Function (anonymous)]');
  });

  it('shortens long arrays', () => {
    expect(formatValue(Array.from({ length: 150 }, (_, i) => i))).toContain('… 50 more');
  });
});

describe('formatCell', () => {
  it('shows missing values as null and trims float noise', () => {
    expect(formatCell(NaN)).toBeNull();
    expect(formatCell(null)).toBeNull();
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02');
  });
});

describe('tableBundle', () => {
  it('limits rows and says how many there are', () => {
    const bundle = tableBundle(aq.table({ n: Array.from({ length: 30 }, (_, i) => i) }), 5);
    expect(bundle['text/html']?.match(/<tr>/g)).toHaveLength(6);
    expect(bundle['text/plain']).toContain('30 rows × 1 columns (first 5 shown)');
  });
});

describe('variableName', () => {
  it('makes identifiers from table names', () => {
    expect(variableName('leads 2024.csv')).toBe('leads_2024_csv');
    expect(variableName('2020')).toBe('_2020');
    expect(variableName('class')).toBe('class_table');
    expect(variableName('print', new Set(['print']))).toBe('print_table');
  });
});
