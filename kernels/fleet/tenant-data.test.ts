import { describe, expect, it } from 'vitest';
import type { DataTable } from '../table/types';
import { splitByTenant, tableSha256, tenantDataProblem } from './tenant-data';

const table = (target: (string | null)[], tenant?: (string | null)[]): DataTable => ({
  name: 't',
  rowCount: target.length,
  columns: [
    { name: 'x', type: 'number', storage: 'numeric', values: Float64Array.from(target, (_, i) => i) },
    { name: 'y', type: 'categorical', storage: 'string', values: target },
    ...(tenant ? [{ name: 'tenant', type: 'categorical' as const, storage: 'string' as const, values: tenant }] : []),
  ],
});

describe('tenant data', () => {
  it('names what makes a tenant untrainable', () => {
    expect(tenantDataProblem(table(['a', 'b', 'a']), 'nope')).toMatch(/^missing target: .*"nope"/);
    expect(tenantDataProblem(table([null, null]), 'y')).toMatch(/^missing target: every value/);
    expect(tenantDataProblem(table(['a', 'a', 'a']), 'y')).toMatch(/^one class: .*"a"/);
    expect(tenantDataProblem(table(['a', 'b', 'a']), 'y', 30)).toMatch(/^too few rows: 3 /);
    expect(tenantDataProblem(table(['a', 'b', 'a']), 'y', 3)).toBeNull();
  });
  it('splits one table by its tenant column, keeping row order and dropping the column', () => {
    const { tenants, unassignedRows } = splitByTenant(table(['a', 'b', 'c', 'd'], ['t1', 't2', null, 't1']), 'tenant');
    expect(unassignedRows).toBe(1);
    expect([...tenants.keys()]).toEqual(['t1', 't2']);
    const t1 = tenants.get('t1')!;
    expect(t1.columns.map((c) => c.name)).toEqual(['x', 'y']);
    expect(t1.columns[1].values).toEqual(['a', 'd']);
    expect(() => splitByTenant(table(['a']), 'customer')).toThrow(/no tenant column "customer"/);
  });
  it('fingerprints content: equal tables hash equal, one changed cell does not', () => {
    expect(tableSha256(table(['a', 'b']))).toBe(tableSha256(table(['a', 'b'])));
    expect(tableSha256(table(['a', 'b']))).not.toBe(tableSha256(table(['a', 'c'])));
  });
});
