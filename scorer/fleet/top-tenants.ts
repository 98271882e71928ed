// Which tenants get their own label in /metrics: at most `size` of them, the busiest, and the rest
// share "other" — so a thousand tenants (or an attacker's made-up ids, which never reach here:
// unknown tenants are refused before counting) cannot blow up Prometheus's series count.
// Exact counts are kept per known tenant (bounded by the catalog); a tenant joins the labelled set
// while it has room, or by passing the quietest labelled tenant by a margin (so two tenants near
// the boundary do not swap on every request). A labelled series counts from when its tenant joined;
// a tenant that leaves has its series removed and counts under "other" from then on, so no series
// ever goes down.

export const OTHER_TENANTS = 'other';

export class TopTenants {
  private readonly counts = new Map<string, number>();
  private readonly labelled = new Set<string>();

  constructor(readonly size: number) {}

  /**
   * Counts one request; returns the label to count it under and, when the set changed, the tenant
   * that left it (its series is to be removed).
   */
  record(tenant: string): { label: string; demoted?: string } {
    const count = (this.counts.get(tenant) ?? 0) + 1;
    this.counts.set(tenant, count);
    if (this.labelled.has(tenant)) return { label: tenant };
    if (this.labelled.size < this.size) {
      this.labelled.add(tenant);
      return { label: tenant };
    }
    let quietest: string | undefined;
    let least = Infinity;
    for (const t of this.labelled) {
      const c = this.counts.get(t)!;
      if (c < least) { least = c; quietest = t; }
    }
    if (quietest === undefined || count <= least + Math.max(10, least / 10)) return { label: OTHER_TENANTS };
    this.labelled.delete(quietest);
    this.labelled.add(tenant);
    return { label: tenant, demoted: quietest };
  }

  labels(): string[] {
    return [...this.labelled];
  }
}
