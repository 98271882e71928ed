import { describe, expect, it } from 'vitest';
import { readTable } from '../io/read-table';
import { profileColumn } from './profile-column';

describe('inf and -inf in a number column', () => {
  it('are counted apart; min, max, mean and std describe the finite values', async () => {
    const table = await readTable(new TextEncoder().encode('x\n1\ninf\n3\n-inf\n5\n'), { fileName: 'inf.csv' });
    const p = profileColumn(table.columns[0]);
    expect(table.columns[0].type).toBe('number');
    expect(p.infinite).toBe(2);
    expect(p).toMatchObject({ min: 1, max: 5, mean: 3, std: 2, p50: 3, missing: 0 });
    expect(JSON.parse(JSON.stringify(p)).std).toBe(2);
  });
});
