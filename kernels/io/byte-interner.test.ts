import { describe, expect, it } from 'vitest';
import { readCsv } from './from-csv';

describe('CSV string interning', () => {
  it('keeps every cell exact across short (packed) and long (hashed) values, with many collisions to resolve', () => {
    let seed = 3;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'b', 'é', 'ß', 'Z', '0', ' '];
    const pool = Array.from({ length: 3000 }, () => {
      const length = 1 + Math.floor(rand() * 14);
      let text = 'x';
      while (text.length < length) text += alphabet[Math.floor(rand() * alphabet.length)];
      return text.trim() || 'x';
    });
    const cells = Array.from({ length: 40000 }, () => pool[Math.floor(rand() * pool.length)]);
    const csv = 'v,n\n' + cells.map((c, i) => `${i % 3 === 0 ? `"${c}"` : c},${i}`).join('\n');
    const table = readCsv(new TextEncoder().encode(csv), { fileName: 'i.csv' });
    const values = table.columns[0].values as string[];
    expect(values).toEqual(cells);
    expect(new Set(values).size).toBe(new Set(cells).size);
  });

  it('treats a value seen plainly and with "" escapes as one value', () => {
    const table = readCsv(new TextEncoder().encode('v\nab"c\n"ab""c"\nab"c\nother\n'), { fileName: 'q.csv' });
    expect(table.columns[0].values).toEqual(['ab"c', 'ab"c', 'ab"c', 'other']);
  });
});
