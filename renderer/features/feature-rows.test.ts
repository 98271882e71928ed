import { describe, expect, it } from 'vitest';
import type { DerivedColumnInfo } from '../../kernels/features/types';
import { columnImportance, formatFeatureValue, formatRawValue, orderColumns, toggleDisabled } from './feature-rows';

const info = (column: string, features: string[], dropped = false): DerivedColumnInfo => ({
  column, type: 'number', role: 'number', roleOverridden: false, missing: 0,
  derivations: [{ kind: 'numeric', key: `${column}:numeric`, description: '', enabled: true, features: features.map((name) => ({ name, kept: true })) }],
  sample: { raw: [], features: {} },
  ...(dropped ? { dropped: { column, kind: 'leak' as const, reason: 'leak' } } : {}),
});

describe('Features view helpers', () => {
  it('formats derived values like the seed tables', () => {
    expect(formatFeatureValue(1)).toBe('1');
    expect(formatFeatureValue(0.123456)).toBe('0.123');
    expect(formatFeatureValue(NaN)).toBe('∅');
  });

  it('shows raw dates as dates, not epoch milliseconds', () => {
    expect(formatRawValue(Date.UTC(2024, 2, 5), 'date')).toBe('2024-03-05');
    expect(formatRawValue(Date.UTC(2024, 2, 5, 14, 30), 'datetime')).toBe('2024-03-05 14:30');
    expect(formatRawValue(1234, 'integer')).toBe('1234');
    expect(formatRawValue(null, 'date')).toBe('∅');
  });

  it('ranks columns by the summed importance of their features, dropped last', () => {
    const cols = [info('a', ['a']), info('b', ['b1', 'b2']), info('leak', ['leak'], true)];
    const imp = { a: 0.2, b1: 0.3, b2: 0.1, leak: 0.4 };
    expect(columnImportance(cols[1], imp)).toBeCloseTo(0.4);
    expect(orderColumns(cols, imp).map((c) => c.column)).toEqual(['b', 'a', 'leak']);
    expect(orderColumns(cols, undefined).map((c) => c.column)).toEqual(['a', 'b', 'leak']);
  });

  it('toggles a derivation key', () => {
    expect(toggleDisabled(['x:text'], 'x:text')).toEqual([]);
    expect(toggleDisabled([], 'x:text')).toEqual(['x:text']);
  });
});
