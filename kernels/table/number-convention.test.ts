import { describe, expect, it } from 'vitest';
import { detectNumberConvention, looksLocalizedNumber, parseNumberWith } from './parse-number';
import { stringColumn } from './infer-type';
import { readCsv } from '../io/from-csv';

const csv = (text: string) => readCsv(new TextEncoder().encode(text), { fileName: 'n.csv' });

describe('numbers people write', () => {
  it('parses each convention and refuses shapes outside it', () => {
    expect(parseNumberWith('1,037.5', { decimal: '.', group: ',' })).toBe(1037.5);
    expect(parseNumberWith('1,234,567', { decimal: '.', group: ',' })).toBe(1234567);
    expect(parseNumberWith('12,34', { decimal: '.', group: ',' })).toBeUndefined(); // groups are 3 digits
    expect(parseNumberWith('3,5', { decimal: ',', group: null })).toBe(3.5);
    expect(parseNumberWith('1.234,5', { decimal: ',', group: '.' })).toBe(1234.5);
    expect(parseNumberWith('1 234,5', { decimal: ',', group: ' ' })).toBe(1234.5);
    expect(parseNumberWith('1\u00a0234,5', { decimal: ',', group: ' ' })).toBe(1234.5);
    expect(parseNumberWith("1'234.50", { decimal: '.', group: "'" })).toBe(1234.5);
    expect(parseNumberWith('1.5', { decimal: ',', group: null })).toBeUndefined();
    expect(parseNumberWith('-42', { decimal: ',', group: '.' })).toBe(-42);
    expect(looksLocalizedNumber('1,037.5')).toBe(true);
    expect(looksLocalizedNumber('1.5')).toBe(false);
    expect(looksLocalizedNumber('a,b')).toBe(false);
  });

  it('decides the convention from the values that can only mean one thing', () => {
    expect(detectNumberConvention(['1,037.5', '12'])).toMatchObject({ convention: { decimal: '.', group: ',' } });
    expect(detectNumberConvention(['3,5', '1,234'])).toMatchObject({ convention: { decimal: ',', group: null } });
    expect(detectNumberConvention(['1.234.567', '12'])).toMatchObject({ convention: { decimal: ',', group: '.' } });
    expect(detectNumberConvention(['1,234', '12.5'])).toMatchObject({ convention: { decimal: '.', group: ',' } });
    expect(detectNumberConvention(['12', '13.5'])).toBeUndefined();
    expect(detectNumberConvention(['3,5', '1,234.5'])).toMatchObject({ conflict: expect.stringMatching(/decimal comma \("3,5"\) with a decimal point/) });
  });

  it('says when only the delimiter decided an ambiguous "1,234"', () => {
    const semi = detectNumberConvention(['1,234', '2,500'], { delimiter: ';' });
    expect(semi).toMatchObject({ convention: { decimal: ',' }, ambiguity: expect.stringMatching(/';'-delimited/) });
    const comma = detectNumberConvention(['1,234', '2,500'], { delimiter: ',' });
    expect(comma).toMatchObject({ convention: { decimal: '.', group: ',' }, ambiguity: expect.stringMatching(/not ';'-delimited/) });
  });

  it('types quoted thousands and decimal commas as numbers, with a note naming the convention', () => {
    const a = csv('id,price\n1,"1,037.5"\n2,"2,000"\n3,12.5\n4,"1,234,567.25"\n');
    const price = a.columns[1];
    expect(price.type).toBe('number');
    expect(Array.from(price.values as Float64Array)).toEqual([1037.5, 2000, 12.5, 1234567.25]);
    expect(a.notes).toEqual([expect.stringMatching(/column 'price': read as numbers with ',' as thousands separator \("1,037.5"\)/)]);

    const b = csv('x;y\n3,5;a\n4,25;b\n10;c\n-0,5;d\n');
    expect(b.columns[0].type).toBe('number');
    expect(Array.from(b.columns[0].values as Float64Array)).toEqual([3.5, 4.25, 10, -0.5]);
    expect(b.notes?.[0]).toMatch(/column 'x': read as numbers with ',' as the decimal mark/);
  });

  it('leaves a column mixing conventions as text and says why', () => {
    const notes: string[] = [];
    const c = stringColumn('x', ['1,5', '2,500.5', '3'], { notes });
    expect(c.storage).toBe('string');
    expect(notes[0]).toMatch(/column 'x': looks numeric but mixes a decimal comma/);
  });

  it('does not read lists, codes or phone numbers as numbers', () => {
    expect(stringColumn('ids', ['1,2,3', '4,5', '6'], {}).storage).toBe('string');
    expect(stringColumn('zip', ['02134', '1,234', '12'], {}).storage).toBe('string');
    expect(stringColumn('phone', ['+33 612 345 678', '+33 612 345 679', '+44 207 946 0958'], {}).storage).toBe('string');
  });
});
