// One line per tenant, for `fleet train` progress and `fleet status`.
import type { TenantStatus } from '../../kernels/fleet';

export function formatTenantLine(t: TenantStatus): string {
  if (t.state !== 'done') return `${t.tenant}: ${t.state} — ${t.reason ?? 'no reason recorded'}`;
  const test = t.testScore !== null ? `, test ${t.testScore.toFixed(4)}` : '';
  const chance = t.aboveChance ? (t.aboveChance.above ? 'above chance' : 'NOT above chance') : 'chance not tested';
  return `${t.tenant}: done — ${t.winner?.family ?? '?'}, cv ${t.metric} ${t.cvScore?.toFixed(4) ?? '?'}${test}, ${chance}, ${t.rows} rows, ${t.seconds.toFixed(1)} s, v${t.registeredVersion}`;
}
