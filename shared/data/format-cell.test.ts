import { describe, expect, it } from 'vitest';
import { cellFormatter, formatDateTime, formatNumber } from './format-cell';
import { peopleTable } from '../../test/fixtures/tables';

describe('formatNumber', () => {
  it('keeps integers exact and rounds others to 6 significant digits', () => {
    expect(formatNumber(1889)).toBe('1889');
    expect(formatNumber(29.85)).toBe('29.85');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(1.5e-7)).toBe('1.5000e-7');
  });
});

describe('cellFormatter', () => {
  const table = peopleTable();
  const column = (name: string) => table.columns.find((c) => c.name === name)!;

  it('shows missing cells as null', () => {
    expect(cellFormatter(column('name'))(2)).toBeNull();
    expect(cellFormatter(column('age'))(2)).toBeNull();
  });

  it('uses boolean labels and ISO dates', () => {
    expect(cellFormatter(column('member'))(0)).toBe('Yes');
    expect(cellFormatter(column('member'))(1)).toBe('No');
    expect(cellFormatter(column('joined'))(0)).toBe('2020-01-05');
    expect(formatDateTime(Date.UTC(2020, 0, 5, 13, 4, 5))).toBe('2020-01-05 13:04:05');
  });
});
