// The multi-model scorer: one process serving every tenant of a registry (or fleet bundle), each
// request routed to its tenant's champion. Models load on first use into an LRU bounded by count
// and bytes (model-cache.ts), so a thousand tenants fit in the memory of the hundred in use.
// Same request handling, limits and safety defaults as the single-model server (scorer/server):
// loopback by default, API key for anything else, body and row limits, 400 naming row and field.
// Routes: POST /v1/tenants/{tenant}/predict, GET /v1/tenants, GET /v1/tenants/{tenant}/model,
// /healthz, /readyz, /metrics, /openapi.json.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { DataError } from '../../kernels/table/types';
import { InputError } from '../input-table';
import { modelCardMarkdown } from '../model-card';
import { loadOnnxRuntime } from '../onnx-engine';
import { DEFAULT_LIMITS, isLoopback } from '../server/app';
import { listen, StartupError } from '../server/listen';
import { parsePredictBody, readPredictBody } from '../server/predict-input';
import { apiKeyCheck, setPreflightHeaders, startRequest } from '../server/request-gate';
import { createFleetMetrics, FLEET_ROUTES } from './fleet-metrics';
import { fleetOpenApiDocument } from './fleet-openapi';
import { ModelCache, type CacheLimits } from './model-cache';
import type { TenantCatalog, TenantEntry } from './tenant-catalog';
import { loadTenantModel, type TenantModel } from './tenant-model';

export const DEFAULT_CACHE: CacheLimits = { maxModels: 100, maxBytes: 512 * 1024 * 1024 };
export const DEFAULT_TOP_TENANTS = 20;

export interface FleetScorerOptions {
  catalog: TenantCatalog;
  /** Default 127.0.0.1; any non-loopback address needs `apiKey`. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** When set, every route but /healthz and /readyz needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  corsOrigins?: string[];
  /** One JSON line per request: true (stdout, the default), false, or a sink. */
  accessLog?: boolean | ((line: string) => void);
  maxBodyBytes?: number;
  maxRows?: number;
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  drainTimeoutMs?: number;
  /** The model cache's limits (default 100 models, 512 MiB of model files). */
  cache?: Partial<CacheLimits>;
  /** Tenants with their own label in /metrics; the rest count as "other" (default 20). */
  topTenants?: number;
  /** How often a registry's catalog is re-read, so a moved champion is served (default 30 s; 0: never). */
  refreshSeconds?: number;
}

export interface RunningFleetScorer {
  server: Server;
  catalog: TenantCatalog;
  cache: ModelCache<TenantModel>;
  host: string;
  port: number;
  url: string;
  /** Resolves once the ONNX runtime is loaded (/readyz answers 200 from then on). */
  ready: Promise<void>;
  drain(): Promise<void>;
}

const TENANT_ROUTE = /^\/v1\/tenants\/([^/]+)\/(predict|model)$/;

export async function startFleetScorer(options: FleetScorerOptions): Promise<RunningFleetScorer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.apiKey) {
    throw new StartupError(`refusing to listen on ${host} without an API key: set TOURNEY_API_KEY (or bind 127.0.0.1)`);
  }
  const { catalog } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes;
  const maxRows = options.maxRows ?? DEFAULT_LIMITS.maxRows;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  const limits: CacheLimits = { ...DEFAULT_CACHE, ...options.cache };
  if (!Number.isInteger(limits.maxModels) || limits.maxModels < 1) throw new StartupError(`the model cache must hold at least 1 model, got ${limits.maxModels}`);
  if (!Number.isFinite(limits.maxBytes) || limits.maxBytes < 1) throw new StartupError(`the model cache needs a positive byte limit, got ${limits.maxBytes}`);
  let cache: ModelCache<TenantModel> | undefined;
  const metrics = createFleetMetrics({
    tenants: () => catalog.tenants.size,
    limits,
    held: () => ({ models: cache?.size ?? 0, bytes: cache?.bytes ?? 0 }),
  }, options.topTenants ?? DEFAULT_TOP_TENANTS);
  // Keyed by tenant AND version: after the champion moves, the next request loads the new version
  // and the old one ages out of the LRU like any other.
  const loaded = cache = new ModelCache<TenantModel>(limits, async (key) => {
    const at = key.lastIndexOf('@');
    const [id, version] = [key.slice(0, at), Number(key.slice(at + 1))];
    const { files, source } = await catalog.versionFiles(id, version);
    const model = await loadTenantModel(id, version, files, source);
    return { value: model, bytes: model.bytes };
  }, (model) => { void model.engine.release?.(); }, metrics.cache);
  const cacheKey = (tenant: TenantEntry) => `${tenant.id}@${tenant.champion}`;
  const accessLog = options.accessLog === false ? null
    : typeof options.accessLog === 'function' ? options.accessLog : (line: string) => process.stdout.write(line + '\n');
  const authorized = apiKeyCheck(options.apiKey);
  const cors = new Set(options.corsOrigins ?? []);
  const openapi = JSON.stringify(fleetOpenApiDocument([...catalog.tenants.keys()], { maxRows, maxBodyBytes }));
  let ready = false;
  let draining = false;

  function send(req: IncomingMessage, res: ServerResponse, started: number, route: string, status: number, body: string, extra: { tenant?: string; rows?: number; type?: string } = {}): void {
    const headers: Record<string, string> = { 'content-type': extra.type ?? 'application/json', 'content-length': String(Buffer.byteLength(body)), 'x-request-id': res.getHeader('x-request-id') as string };
    if (draining) headers.connection = 'close';
    res.writeHead(status, headers);
    res.end(body);
    const seconds = (performance.now() - started) / 1000;
    metrics.request(route, status, seconds);
    accessLog?.(JSON.stringify({
      time: new Date().toISOString(), requestId: headers['x-request-id'], method: req.method, path: route,
      ...(extra.tenant ? { tenant: extra.tenant } : {}), status, ms: Math.round(seconds * 1e5) / 100, ...(extra.rows ? { rows: extra.rows } : {}),
    }));
  }

  /** The tenant's model, loaded if cold; a model that cannot load is the server's problem (500), logged. */
  async function acquire(tenant: TenantEntry, requestId: string) {
    try {
      return await loaded.acquire(cacheKey(tenant));
    } catch (err) {
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', requestId, tenant: tenant.id, msg: `cannot load the model: ${(err as Error).message}` })}\n`);
      throw new InputError(`the model of tenant "${tenant.id}" cannot be loaded (request ${requestId}): see the server log`, 500);
    }
  }

  function tenantOf(id: string): TenantEntry {
    const tenant = catalog.tenants.get(id);
    if (!tenant) throw new InputError(`unknown tenant "${id.length > 100 ? `${id.slice(0, 97)}...` : id}": GET /v1/tenants lists the tenants`, 404);
    if (tenant.champion === null) throw new InputError(`tenant "${id}" has no champion version to serve: set one with \`tourney registry alias ${id} champion <version>\``, 404);
    return tenant;
  }

  async function predict(tenant: TenantEntry, req: IncomingMessage, res: ServerResponse, started: number, route: string, requestId: string): Promise<void> {
    metrics.tenantRequest(tenant.id);
    // Body limits and content type first: a refused request never loads a model.
    const body = await readPredictBody(req, maxBodyBytes);
    const lease = await acquire(tenant, requestId);
    try {
      const m = lease.value;
      const input = parsePredictBody(body, m.schema, maxRows);
      const scores = await m.engine.score(m.model.toMatrix(input.table));
      const out = m.writePredictions(scores, input.table.rowCount);
      send(req, res, started, route, 200, `{"model":${m.header},"predictions":[${out.items.join(',')}]}`, { tenant: tenant.id, rows: input.table.rowCount });
      metrics.rowsScored(input.table.rowCount);
    } finally {
      lease.release();
    }
  }

  async function tenantModel(tenant: TenantEntry, req: IncomingMessage, res: ServerResponse, started: number, route: string, requestId: string): Promise<void> {
    const lease = await acquire(tenant, requestId);
    try {
      const { model, engine } = lease.value;
      send(req, res, started, route, 200, JSON.stringify({
        tenant: tenant.id, registryVersion: tenant.champion, name: model.name, version: model.version, task: model.task, target: model.target,
        classes: model.classes, positiveClass: model.positiveClass, engine: engine.kind, inputs: model.inputs, dropped: model.dropped,
        metrics: model.metrics, limits: { maxRows, maxBodyBytes }, card: modelCardMarkdown(model),
      }), { tenant: tenant.id });
    } finally {
      lease.release();
    }
  }

  function tenantsJson(): string {
    return JSON.stringify({
      count: catalog.tenants.size,
      cache: { models: loaded.size, bytes: loaded.bytes, maxModels: limits.maxModels, maxBytes: limits.maxBytes },
      tenants: [...catalog.tenants.values()].map((t) => ({ tenant: t.id, champion: t.champion, versions: t.versions, aliases: t.aliases, loaded: loaded.has(cacheKey(t)) })),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { started, requestId, origin, path } = startRequest(req, res, cors);
    const tenantRoute = TENANT_ROUTE.exec(path);
    const route = tenantRoute ? `/v1/tenants/{tenant}/${tenantRoute[2]}` : (FLEET_ROUTES as readonly string[]).includes(path) ? path : 'other';
    const sendError = (status: number, message: string, tenant?: string) => send(req, res, started, route, status, JSON.stringify({ error: message }), tenant ? { tenant } : {});
    try {
      if (req.method === 'OPTIONS') {
        if (!origin || !cors.has(origin)) return sendError(403, 'CORS is not enabled for this origin');
        setPreflightHeaders(res);
        return send(req, res, started, route, 204, '', { type: 'text/plain' });
      }
      if (path === '/healthz') return send(req, res, started, route, 200, '{"status":"ok"}');
      if (path === '/readyz') return ready && !draining ? send(req, res, started, route, 200, '{"status":"ready"}') : send(req, res, started, route, 503, `{"status":"${draining ? 'draining' : 'loading'}"}`);
      if (!authorized(req)) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendError(401, 'missing or wrong API key: send Authorization: Bearer <key>');
      }
      const method = req.method ?? 'GET';
      if (tenantRoute) {
        const [, rawId, action] = tenantRoute;
        let id: string;
        try {
          id = decodeURIComponent(rawId);
        } catch {
          id = rawId;
        }
        const tenant = tenantOf(id);
        if (action === 'predict') {
          if (method !== 'POST') return sendError(405, `use POST /v1/tenants/${id}/predict`, id);
          if (!ready) return sendError(503, 'the server is still starting', id);
          return await predict(tenant, req, res, started, route, requestId);
        }
        if (method !== 'GET' && method !== 'HEAD') return sendError(405, `use GET ${path}`, id);
        return await tenantModel(tenant, req, res, started, route, requestId);
      }
      if (path === '/v1/predict') return sendError(404, 'this is a multi-model scorer: POST /v1/tenants/{tenant}/predict (GET /v1/tenants lists the tenants)');
      if (method !== 'GET' && method !== 'HEAD') return sendError(405, `use GET ${path}`);
      if (path === '/v1/tenants') return send(req, res, started, route, 200, tenantsJson());
      if (path === '/openapi.json') return send(req, res, started, route, 200, openapi);
      if (path === '/metrics') return send(req, res, started, route, 200, await metrics.registry.metrics(), { type: metrics.registry.contentType });
      return sendError(404, `no route ${path}`);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof InputError) {
        if (err.status === 413) res.setHeader('connection', 'close');
        return sendError(err.status, err.message, tenantRoute?.[1]);
      }
      if (err instanceof DataError) return sendError(400, err.message, tenantRoute?.[1]);
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', requestId, msg: (err as Error).stack ?? String(err) })}\n`);
      return sendError(500, `internal error (request ${requestId})`);
    }
  }

  const { server, port } = await listen({ host, port: options.port, requestTimeout, headersTimeout, maxBodyBytes }, handle);
  // Ready once the ONNX runtime loads: every tenant scores through it.
  const readyPromise = loadOnnxRuntime().then(() => { ready = true; });
  const refreshMs = (options.refreshSeconds ?? 30) * 1000;
  let reloading = false;
  const refresher = catalog.reload && refreshMs > 0 ? setInterval(() => {
    if (reloading) return;
    reloading = true;
    // A catalog that cannot be re-read keeps serving the one it has; the reason goes to stderr.
    catalog.reload!().catch((err: Error) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: `re-reading ${catalog.root}: ${err.message}` })}\n`))
      .finally(() => { reloading = false; });
  }, refreshMs) : undefined;
  refresher?.unref();

  return {
    server, catalog, cache: loaded, host, port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    ready: readyPromise,
    async drain() {
      draining = true;
      clearInterval(refresher);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => { timer = setTimeout(() => { server.closeAllConnections(); resolve(); }, options.drainTimeoutMs ?? 10_000); });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      loaded.close();
    },
  };
}
