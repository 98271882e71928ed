import { describe, expect, it } from 'vitest';
import { columnFromValues, inferNumericType, isIdLikeName, stringColumn } from './infer-type';
import type { Column } from './types';

const repeat = <T>(values: T[], n: number): T[] => Array.from({ length: n }, (_, i) => values[i % values.length]);
const typeOf = (name: string, values: (string | null)[]) => stringColumn(name, values).type;

describe('numeric inference', () => {
  it('keeps few-valued integers as integer, and fractions as number', () => {
    expect(inferNumericType('female', Float64Array.from(repeat([0, 1], 100)))).toBe('integer');
    expect(inferNumericType('x', Float64Array.from([1, 2, 3]), true)).toBe('number');
    expect(inferNumericType('x', Float64Array.from([1.5, 2, NaN]))).toBe('number');
  });

  it('finds empty, constant and id columns', () => {
    expect(inferNumericType('x', Float64Array.from([NaN, NaN]))).toBe('empty');
    expect(inferNumericType('x', Float64Array.from([4, NaN, 4]))).toBe('constant');
    const unique = Float64Array.from({ length: 50 }, (_, i) => 1000 + i * 7);
    expect(inferNumericType('customer_id', unique)).toBe('id');
    expect(inferNumericType('amount', unique)).toBe('integer');
    expect(inferNumericType('n', Float64Array.from({ length: 30 }, (_, i) => i + 1))).toBe('id');
  });

  it('recognises id-like names', () => {
    for (const n of ['id', 'ID', 'customer_id', 'customerId', 'userID', 'order-id', 'uuid', 'row_number']) expect([n, isIdLikeName(n)]).toEqual([n, true]);
    for (const n of ['paid', 'VALID', 'idea', 'width', 'tenure']) expect([n, isIdLikeName(n)]).toEqual([n, false]);
  });
});

describe('string inference', () => {
  it('makes true/false words boolean but keeps Yes/No labels categorical', () => {
    const bool = stringColumn('flag', repeat(['TRUE', 'FALSE', null], 30)) as Column & { labels?: [string, string] };
    expect(bool.type).toBe('boolean');
    expect(bool.storage).toBe('numeric');
    expect(bool.labels).toEqual(['FALSE', 'TRUE']);
    expect(Array.from(bool.values as Float64Array).slice(0, 3)).toEqual([1, 0, NaN]);
    expect(typeOf('churn', repeat(['Yes', 'No'], 30))).toBe('categorical');
    expect(typeOf('air', repeat(['Y', 'N'], 30))).toBe('categorical');
  });

  it('finds dates and datetimes in ISO and slashed forms', () => {
    const date = stringColumn('d', ['2024-01-31', '2024-02-29', null, '1999-12-31']);
    expect(date.type).toBe('date');
    expect(Array.from(date.values as Float64Array)).toEqual([Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29), NaN, Date.UTC(1999, 11, 31)]);
    expect(typeOf('t', ['2024-01-31T10:00:00Z', '2024-02-01 08:30', '2024-02-02T00:00:00'])).toBe('datetime');
    const dmy = stringColumn('d', ['31/01/2024', '01/02/2024']);
    expect(dmy.type).toBe('date');
    expect((dmy.values as Float64Array)[1]).toBe(Date.UTC(2024, 1, 1));
    expect(typeOf('d', ['2024-02-30', '2024-01-01'])).toBe('categorical');
  });

  it('finds emails, URLs and phone numbers allowing a few malformed entries', () => {
    const emails = Array.from({ length: 40 }, (_, i) => (i % 10 === 9 ? 'not an email' : `user${i}@example.com`));
    expect(typeOf('contact', emails)).toBe('email');
    expect(typeOf('site', Array.from({ length: 40 }, (_, i) => `https://example.com/page/${i}`))).toBe('url');
    expect(typeOf('tel', Array.from({ length: 40 }, (_, i) => `+1 (555) 010-${String(1000 + i)}`))).toBe('phone');
    expect(typeOf('tel', Array.from({ length: 40 }, (_, i) => `555-01${String(10 + i)}`))).toBe('phone');
  });

  it('finds ids: unique tokens, or near-unique with an id-like name', () => {
    expect(typeOf('product', Array.from({ length: 100 }, (_, i) => `B00${(i * 7919).toString(36).toUpperCase()}X`))).toBe('id');
    const nearly = Array.from({ length: 100 }, (_, i) => `k${i === 5 ? 4 : i}`);
    expect(typeOf('order_id', nearly)).toBe('id');
    expect(typeOf('label', nearly)).toBe('categorical');
    expect(typeOf('code', ['a', 'b', 'c'])).toBe('categorical');
  });

  it('finds free text', () => {
    const words = ['good', 'bad', 'tasty', 'would', 'buy', 'again', 'never', 'the', 'coffee', 'was'];
    const reviews = Array.from({ length: 60 }, (_, i) => Array.from({ length: 6 + (i % 9) }, (_, k) => words[(i * 3 + k * 7) % 10]).join(' ') + ` #${i}`);
    expect(typeOf('review', reviews)).toBe('text');
    expect(typeOf('name', Array.from({ length: 60 }, (_, i) => `Person ${i} Smith`))).toBe('text');
    expect(typeOf('plan', repeat(['Month-to-month', 'One year', 'Two year'], 60))).toBe('categorical');
  });

  it('finds constant and empty columns, treating NA tokens as missing', () => {
    expect(typeOf('c', ['x', 'x', null, 'NA'])).toBe('constant');
    expect(typeOf('e', [null, 'NA', '', '  ', 'null'])).toBe('empty');
  });

  it('reads numeric strings as numbers (JSON with quoted numbers) but keeps codes with digits as text', () => {
    const n = stringColumn('v', ['1.5', '2', null, '-3e2']);
    expect(n.type).toBe('number');
    expect(Array.from(n.values as Float64Array)).toEqual([1.5, 2, NaN, -300]);
    expect(typeOf('v', [...repeat(['1', '2', '3'], 99), '4a'])).toBe('categorical');
  });
});

describe('columnFromValues', () => {
  it('types JavaScript values', () => {
    expect(columnFromValues('a', [1, 2, null]).type).toBe('integer');
    expect(columnFromValues('a', [1.5, 2n, undefined]).type).toBe('number');
    expect(columnFromValues('a', [true, false, null]).type).toBe('boolean');
    expect(columnFromValues('a', [true, true]).type).toBe('constant');
    expect(columnFromValues('a', [new Date(0), new Date(86_400_000)]).type).toBe('date');
    expect(columnFromValues('a', [null, undefined, NaN]).type).toBe('empty');
    expect(columnFromValues('a', ['x', 1, 'y', 2]).type).toBe('categorical');
  });
});

describe('date parsing fast path', () => {
  it('agrees with the general parser on ISO shapes', async () => {
    const { parseDate } = await import('./parse-date');
    expect(parseDate('2024-02-29 23:59')?.ms).toBe(Date.UTC(2024, 1, 29, 23, 59));
    expect(parseDate('2024-02-29T23:59:58Z')?.ms).toBe(Date.UTC(2024, 1, 29, 23, 59, 58));
    expect(parseDate('2023-02-29')).toBeUndefined();
    expect(parseDate('2024-01-01T24:00')).toBeUndefined();
    expect(parseDate('2024-01-01T10:00+02:00')?.ms).toBe(Date.UTC(2024, 0, 1, 8));
    expect(parseDate(' 2024-01-01 ')?.ms).toBe(Date.UTC(2024, 0, 1));
  });
});
