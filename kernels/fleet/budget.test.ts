import { describe, expect, it } from 'vitest';
import { MIN_TENANT_SECONDS, nextTenantBudget, shardBudget } from './budget';

describe('fleet budgets', () => {
  it('gives a shard the share of its tenants', () => {
    expect(shardBudget(600, 50, 200)).toBe(150);
    expect(shardBudget(600, 0, 0)).toBe(0);
  });
  it('caps a tenant by an even split of the time left, and stops when it is spent', () => {
    expect(nextTenantBudget(10, null)).toBe(10);
    expect(nextTenantBudget(10, { seconds: 100, tenants: 4 })).toBe(10);
    expect(nextTenantBudget(10, { seconds: 12, tenants: 4 })).toBe(3);
    expect(nextTenantBudget(10, { seconds: MIN_TENANT_SECONDS * 3.9, tenants: 4 })).toBeNull();
  });
});
