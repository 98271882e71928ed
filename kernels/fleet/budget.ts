// Time budgets for a fleet: each tenant's tournament gets the template's budget (or --time-budget),
// and a whole-fleet budget, when given, is shared out: a shard gets the share of its tenants, and
// within a shard each tenant gets at most an even split of what is left, so tenants that finish
// early leave their time to the rest and the last tenant is not starved by the first.

/** Below this a tournament cannot fit even one candidate: the tenant waits for the next run. */
export const MIN_TENANT_SECONDS = 0.5;

/** A shard's part of the fleet budget, in proportion to the tenants it owns. */
export function shardBudget(fleetSeconds: number, shardTenants: number, allTenants: number): number {
  if (allTenants <= 0) return 0;
  return (fleetSeconds * shardTenants) / allTenants;
}

/**
 * The next tenant's budget: the per-tenant budget, capped by an even split of the time left among
 * the tenants still to train; null when that is below MIN_TENANT_SECONDS (the budget is spent).
 */
export function nextTenantBudget(perTenant: number, remaining: { seconds: number; tenants: number } | null): number | null {
  if (!remaining) return perTenant;
  if (remaining.tenants <= 0) return null;
  const share = Math.min(perTenant, remaining.seconds / remaining.tenants);
  return share >= MIN_TENANT_SECONDS ? share : null;
}
