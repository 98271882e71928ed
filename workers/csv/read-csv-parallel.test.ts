// The parallel reader and profiler on real worker threads give exactly what one pass gives.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../kernels/io/from-csv';
import { readTable } from '../../kernels/io/read-table';
import { profileTable } from '../../kernels/profile';
import { createNodeCsvPool } from './node-csv-pool';
import { profileTableParallel } from './profile-parallel';
import { readCsvParallel } from './read-csv-parallel';
import { loadAndProfile } from './load-and-profile';
import { WorkerPool } from '../pool/pool';
import type { CsvWorkerApi } from '../csv-chunk.worker';

const pool = createNodeCsvPool(2);
afterAll(() => pool.close());

const encode = (text: string) => new TextEncoder().encode(text);

describe('readCsvParallel + profileTableParallel', () => {
  it('reads and profiles shared data sets exactly as one pass does', async () => {
    for (const file of ['telco_churn.csv', 'lending_club.csv']) {
      const bytes = readFileSync(`../shared/data/${file}`);
      const expected = readCsv(bytes, { fileName: file });
      const table = await readTable(bytes, { fileName: file, csvReader: (b, o) => readCsvParallel(b, o, pool, { minBytes: 0 }) });
      expect(table).toEqual(expected);
      expect(await profileTableParallel(table, pool, 0)).toEqual(profileTable(expected));
    }
  });

  it('resolves a column that is numbers in one chunk and text in the other', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i},${i < 1500 ? i % 7 : 'n/a-' + (i % 3)},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    const bytes = encode(['id,code,day', ...rows].join('\r\n'));
    const table = await readCsvParallel(bytes, { fileName: 'mixed.csv' }, pool, { minBytes: 0 });
    expect(table).toEqual(readCsv(bytes, { fileName: 'mixed.csv' }));
    expect(table.columns.map((c) => c.type)).toEqual(['id', 'categorical', 'date']);
  });

  it('reads in one pass when the workers cannot start', async () => {
    const broken = new WorkerPool<CsvWorkerApi>({ size: 2, spawn: () => { throw new Error('no workers here'); } });
    const bytes = encode(['a,b', ...Array.from({ length: 500 }, (_, i) => `${i},x${i % 4}`)].join('\n'));
    try {
      expect(await readCsvParallel(bytes, { fileName: 'f.csv' }, broken, { minBytes: 0 })).toEqual(readCsv(bytes, { fileName: 'f.csv' }));
    } finally {
      broken.close();
    }
  });

  it('names the line of a ragged row in the second chunk', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => (i === 2500 ? '1' : `${i},"x\ny"`));
    const bytes = encode(['a,b', ...rows].join('\n'));
    await expect(readCsvParallel(bytes, { fileName: 'r.csv' }, pool, { minBytes: 0 })).rejects.toThrow('r.csv: line 5002: expected 2 fields (as in the header), found 1');
  });

  it('loads and profiles a 100k-row file in shared memory exactly as readTable + profileTable', async () => {
    const plans = ['basic', 'plus', 'pro'];
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      1000 + i, i % 97, ((i * 7919) % 10007) / 100, plans[i % 3], i % 11 === 0 ? '' : `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      i % 5 === 0 ? `"note, ${i % 13}"` : `w${i % 400}`, i % 2 ? 'true' : 'false', i > 90_000 ? 'x' : String(i % 9),
    ].join(','));
    const text = ['customer_id,count,price,plan,day,note,flag,late_text', ...rows].join('\n') + '\n';
    const encoded = encode(text);
    const shared = new Uint8Array(new SharedArrayBuffer(encoded.length));
    shared.set(encoded);
    expect(shared.length).toBeGreaterThan(4 * 1024 * 1024);
    const expected = await readTable(encoded, { fileName: 'big.csv' });
    const { table, profile } = await loadAndProfile(shared, 'big.csv', pool);
    expect(table).toEqual(expected);
    expect(profile).toEqual(profileTable(expected));
    expect(table.columns.map((c) => c.type)).toEqual(['id', 'integer', 'number', 'categorical', 'date', 'categorical', 'boolean', 'categorical']);
  });
});
