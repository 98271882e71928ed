// /metrics of the multi-model scorer (prom-client). Bounded labels only: routes are the API's own
// path templates, tenants are the busiest TOP_TENANT_LABELS plus "other" (top-tenants.ts), cache
// lookups and evictions are fixed words. Request/latency series are the single-model scorer's.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheObserver } from './model-cache';
import { requestMetrics } from '../server/metrics';
import { TopTenants } from './top-tenants';

export const FLEET_ROUTES = ['/v1/tenants/{tenant}/predict', '/v1/tenants/{tenant}/model', '/v1/tenants', '/healthz', '/readyz', '/metrics', '/openapi.json'] as const;

export interface FleetMetrics {
  registry: Registry;
  request(route: string, code: number, seconds: number): void;
  /** One predict request for a known tenant, counted under its label or "other". */
  tenantRequest(tenant: string): void;
  rowsScored(n: number): void;
  cache: CacheObserver;
}

export interface FleetGauges {
  /** Read at scrape time (a registry's catalog may be re-read). */
  tenants(): number;
  limits: { maxModels: number; maxBytes: number };
  /** Read at scrape time. */
  held(): { models: number; bytes: number };
}

export function createFleetMetrics(gauges: FleetGauges, topTenants: number): FleetMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tourney_scorer_' });
  const registers = [registry];
  const top = new TopTenants(topTenants);
  const tenantRequests = new Counter({
    name: 'tourney_tenant_requests_total',
    help: `Predict requests by tenant: the ${topTenants} busiest tenants by their id (counted from when they became one of them), all others as "other"`,
    labelNames: ['tenant'], registers,
  });
  const rows = new Counter({ name: 'tourney_rows_scored_total', help: 'Rows scored, all tenants', registers });
  const lookups = new Counter({ name: 'tourney_model_cache_lookups_total', help: 'Model cache lookups: hit, miss (this request loaded the model) or wait (joined a load already running)', labelNames: ['result'], registers });
  const evictions = new Counter({ name: 'tourney_model_cache_evictions_total', help: 'Models evicted from the cache, by the limit that evicted them (count or bytes)', labelNames: ['reason'], registers });
  const loadFailures = new Counter({ name: 'tourney_model_load_failures_total', help: 'Tenant models that failed to load (the error is on stderr)', registers });
  const loadSeconds = new Histogram({ name: 'tourney_model_load_seconds', help: 'Time to load a tenant model into the cache (read, check, ONNX session)', registers, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
  new Gauge({ name: 'tourney_model_cache_models', help: 'Tenant models held in the cache', registers, collect() { this.set(gauges.held().models); } });
  new Gauge({ name: 'tourney_model_cache_bytes', help: 'Bytes of the model files held in the cache (ONNX graphs and documents)', registers, collect() { this.set(gauges.held().bytes); } });
  new Gauge({ name: 'tourney_model_cache_max_models', help: 'The cache limit on models', registers }).set(gauges.limits.maxModels);
  new Gauge({ name: 'tourney_model_cache_max_bytes', help: 'The cache limit on model bytes', registers }).set(gauges.limits.maxBytes);
  new Gauge({ name: 'tourney_tenants', help: 'Tenants in the catalog', registers, collect() { this.set(gauges.tenants()); } });
  for (const result of ['hit', 'miss', 'wait']) lookups.inc({ result }, 0);
  for (const reason of ['count', 'bytes']) evictions.inc({ reason }, 0);
  return {
    registry,
    request: requestMetrics(registry),
    tenantRequest(tenant) {
      const { label, demoted } = top.record(tenant);
      if (demoted) tenantRequests.remove({ tenant: demoted });
      tenantRequests.inc({ tenant: label });
    },
    rowsScored: (n) => rows.inc(n),
    cache: {
      lookup: (result) => lookups.inc({ result }),
      evicted: (reason) => evictions.inc({ reason }),
      loaded: (seconds) => loadSeconds.observe(seconds),
      loadFailed: () => loadFailures.inc(),
    },
  };
}
