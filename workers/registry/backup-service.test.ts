import { describe, expect, it } from 'vitest';
import { snapshotFixture } from '../../kernels/registry/testing/registry-fixture';
import { unzipBackup, zipBackup } from './backup-service';

describe('backup service (the worker\'s work)', () => {
  it('zips and reads back a registry whole, telling progress sparingly and always the end', () => {
    const snapshot = snapshotFixture(3, 3);
    const written: [number, number][] = [];
    const bytes = zipBackup(snapshot, '2026-12-04T12:00:00.000Z', (done, total) => written.push([done, total]));
    const total = written.at(-1)![1];
    expect(written.at(-1)).toEqual([total, total]);
    // 3 × 3 versions of 7 files and their documents: far more files than progress messages.
    expect(total).toBeGreaterThan(70);
    expect(written.length).toBeLessThan(total);
    const read: [number, number][] = [];
    expect(unzipBackup(bytes, 'b.tourney-registry', (done, all) => read.push([done, all]))).toEqual(snapshot);
    expect(read.at(-1)).toEqual([total, total]);
  });

  it('refuses a damaged backup with the file named', () => {
    const bytes = zipBackup(snapshotFixture(1, 1), '2026-12-04T12:00:00.000Z');
    expect(() => unzipBackup(bytes.subarray(0, bytes.length - 30), 'cut.tourney-registry')).toThrow(/^cut\.tourney-registry is truncated or damaged/);
  });
});
