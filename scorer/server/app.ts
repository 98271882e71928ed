// The scorer's HTTP server on Node's own `http` (no framework: six routes, and the hot path —
// a single-row JSON request — should cost a parse, a tiny table, a predict and a string, nothing
// more). Routes, limits and security defaults follow BRIEF §Scorer HTTP API; see scorer/README.md.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { listen, StartupError } from './listen';
import { DataError, type DataTable } from '../../kernels/table/types';
import { createEngine, type ScoringEngine } from '../engine';
import { compileSchema, InputBatch, InputError, tableFromJsonRows, type InputStats } from '../input-table';
import { loadScorerModel, type ScorerModel } from '../load-model';
import { modelCardMarkdown } from '../model-card';
import { DEFAULT_LIMITS } from '../limits';
import { openApiDocument } from '../openapi';
import { alertsForReport, DEFAULT_ALERT_RULES } from '../../kernels/monitor/alert-rules';
import { exposition } from '../../kernels/monitor/gauges';
import type { MonitorRecord } from '../../kernels/monitor/monitor-record';
import { createMetrics, routeLabel } from './metrics';
import { MonitoringWindow, referenceFrom, type MonitoringOptions } from './monitoring';
import { PredictionLog, type PredictionLogOptions } from './prediction-log';
import { SummaryLog } from './summary-log';
import { csvRecords, parsePredictRows, pathOf, readPredictBody } from './predict-input';
import { apiKeyCheck, setPreflightHeaders, startRequest } from './request-gate';
import { predictionWriter, type PredictionsOut } from './predictions-json';
import { ScoreBatcher, type BatchSlice } from './score-batcher';

/** What one scored batch hands each of its requests. */
interface ScoredBatch {
  scores: Float64Array;
  out: PredictionsOut;
}

/** A request's rows from `from` on, being scored (all of them, or one part of a big request). */
interface ScoredPart {
  pending: Promise<BatchSlice<ScoredBatch>>;
  from: number;
  /** Counted in /metrics once the part is answered (a part of a big request). */
  stats?: InputStats;
}

/** Most parts a big request is split into (fewer, bigger model runs above 8 × the offload size). */
const MAX_PARTS = 8;

export interface ScorerOptions {
  /** The model directory's files (name → bytes). */
  files: ReadonlyMap<string, Uint8Array>;
  /** Model name when meta.json has none (e.g. the directory's name). */
  name?: string;
  /** Where the files came from (the folder), named in a refusal: `<source>/meta.json: …`. */
  source?: string;
  /** Default 127.0.0.1; any non-loopback address needs `apiKey`. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** When set, every route but /healthz and /readyz needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Origins allowed to call from a browser (CORS is off when empty). */
  corsOrigins?: string[];
  /** One JSON line per request: true (stdout, the default), false, or a sink. */
  accessLog?: boolean | ((line: string) => void);
  predictionLog?: PredictionLogOptions;
  /** The sliding monitoring window (on when the model has reference-profile.json); false turns it off. */
  monitoring?: MonitoringOptions | false;
  /** Largest request body (default 32 MB): 413 above it. */
  maxBodyBytes?: number;
  /** Most rows in one request (default 100,000): 413 above it. */
  maxRows?: number;
  /** Whole-request deadline for slow clients (default 30 s): 408. */
  requestTimeoutMs?: number;
  /** Deadline for the request headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Most rows the micro-batcher scores in one run when it joins requests (default 1,024). */
  maxBatchRows?: number;
  /** How long SIGTERM waits for in-flight requests before closing connections (default 10 s). */
  drainTimeoutMs?: number;
  /**
   * Threads a big request is scored on, the event loop's included (default 1). With more, a request
   * of 2,048 rows or more is scored in parts on a worker thread while the event loop prepares the
   * next part; smaller runs always stay on the event loop.
   */
  threads?: number;
}

/** The server cannot start as configured (exit 2, one line). */
export { StartupError };

export interface RunningScorer {
  server: Server;
  model: ScorerModel;
  engine: ScoringEngine;
  host: string;
  port: number;
  url: string;
  /** Resolves once the model has scored its warm-up row (/readyz answers 200 from then on). */
  ready: Promise<void>;
  /** Stops accepting, lets in-flight requests finish (up to drainTimeoutMs), closes the logs. */
  drain(): Promise<void>;
}

export { DEFAULT_LIMITS };

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}


export async function startScorer(options: ScorerOptions): Promise<RunningScorer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.apiKey) {
    throw new StartupError(`refusing to listen on ${host} without an API key: set TOURNEY_API_KEY (or bind 127.0.0.1)`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes;
  const maxRows = options.maxRows ?? DEFAULT_LIMITS.maxRows;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  const model = loadScorerModel(options.files, options.name, options.source);
  const engine = await createEngine(options.files, { threads: options.threads });
  const schema = compileSchema(model.inputs);
  const metrics = createMetrics(model);
  const writePredictions = predictionWriter(model);
  // `stats` null: the caller counts the run in /metrics itself (scoreInParts).
  const scoreTable = async (table: DataTable, stats: InputStats | null, onEventLoop = false): Promise<ScoredBatch> => {
    const scores = await engine.score(model.toMatrix(table), { onEventLoop });
    const out = writePredictions(scores, table.rowCount);
    if (stats) metrics.scored(stats, out.predictedClass, out.histogramScores);
    return { scores, out };
  };
  // Every request's rows join the event-loop turn's batch: one pipeline replay, one model run.
  const batcher = new ScoreBatcher<ScoredBatch>(schema, scoreTable, { maxBatchRows: options.maxBatchRows });
  const predictionLog = options.predictionLog ? new PredictionLog(options.predictionLog) : null;
  const reference = options.monitoring === false ? null : referenceFrom(model.reference);
  const monitor = reference ? new MonitoringWindow(reference, options.monitoring || {}) : null;
  const outputOf = monitor ? recordOutput(model) : null;
  // Beside the row lines, the same rows as mergeable summaries (needs the reference, like the window).
  const summaryLog = options.predictionLog && reference ? new SummaryLog(reference, { name: model.name, version: model.version }, options.predictionLog) : null;
  const accessLog = options.accessLog === false ? null
    : typeof options.accessLog === 'function' ? options.accessLog : (line: string) => process.stdout.write(line + '\n');
  const authorized = apiKeyCheck(options.apiKey);
  const cors = new Set(options.corsOrigins ?? []);
  const modelHeader = JSON.stringify({ name: model.name, version: model.version });
  const openapi = JSON.stringify(openApiDocument(model, { maxRows, maxBodyBytes }));
  const modelJson = JSON.stringify({
    name: model.name, version: model.version, task: model.task, target: model.target,
    classes: model.classes, positiveClass: model.positiveClass, engine: engine.kind,
    inputs: model.inputs, dropped: model.dropped, metrics: model.metrics,
    limits: { maxRows, maxBodyBytes }, card: modelCardMarkdown(model),
  });
  let ready = false;
  let draining = false;

  function send(req: IncomingMessage, res: ServerResponse, started: number, status: number, body: string, type = 'application/json', rows = 0): void {
    const headers: Record<string, string> = { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'x-request-id': res.getHeader('x-request-id') as string };
    if (draining) headers.connection = 'close';
    res.writeHead(status, headers);
    res.end(body);
    const route = routeLabel(pathOf(req));
    const seconds = (performance.now() - started) / 1000;
    metrics.request(route, status, seconds);
    accessLog?.(JSON.stringify({
      time: new Date().toISOString(), requestId: headers['x-request-id'], method: req.method, path: route,
      status, ms: Math.round(seconds * 1e5) / 100, ...(rows ? { rows } : {}),
    }));
  }

  const sendError = (req: IncomingMessage, res: ServerResponse, started: number, status: number, message: string) => send(req, res, started, status, JSON.stringify({ error: message }));

  async function predict(req: IncomingMessage, res: ServerResponse, started: number, requestId: string): Promise<void> {
    const parsed = parsePredictRows(await readPredictBody(req, maxBodyBytes), maxRows);
    let records: unknown[] | undefined;
    const total = parsed.count;
    // Rows [from, to) of the request into an input batch (validated: 400 naming row and field).
    let append: (batch: InputBatch, from: number, to: number) => void;
    if (parsed.kind === 'csv') {
      const { csv } = parsed;
      append = (batch, from, to) => batch.appendCsvTable(csv, from, to);
      if (predictionLog || monitor) records = csvRecords(csv);
    } else {
      const { rows } = parsed;
      append = (batch, from, to) => batch.appendJsonRows(rows, from, to);
      records = rows;
    }
    const parts: ScoredPart[] = engine.offloadRows && total >= 2 * engine.offloadRows ? scoreInParts(total, engine.offloadRows, append)
      : [{ pending: batcher.submit(total, (batch) => append(batch, 0, total)), from: 0 }];
    const items: string[] = [];
    // Each part's rows are monitored, logged and written as soon as its scores are back, while the
    // model scores the next part.
    for (const { pending, from, stats } of parts) {
      const { result: { scores, out }, offset, count } = await pending;
      if (stats) metrics.scored(stats, out.predictedClass, out.histogramScores);
      const now = Date.now();
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      if (monitor && outputOf && records) {
        const builder = monitor.builderAt(now);
        // One scratch record for the whole part: the builder reads it and keeps nothing.
        const record: MonitorRecord = { time: now, id: null, input: {}, output: null, latencyMs };
        for (let i = 0; i < count; i++) {
          record.input = records[from + i] as MonitorRecord['input'];
          record.output = outputOf(scores, out.predictedClass, offset + i);
          monitor.add(record, builder);
          summaryLog?.add(record);
        }
      }
      if (predictionLog && records) {
        try {
          predictionLog.write(predictionLogLines(requestId, modelHeader, records, from, total, out.items, offset, count, now, latencyMs));
        } catch (err) {
          // A full or broken log disk must not stop scoring; the error goes to stderr.
          process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', requestId, msg: `prediction log: ${(err as Error).message}` })}\n`);
        }
      }
      items.push(count === 1 ? out.items[offset] : out.items.slice(offset, offset + count).join(','));
    }
    send(req, res, started, 200, `{"model":${modelHeader},"predictions":[${items.join(',')}]}`, 'application/json', total);
  }

  /**
   * A big request scored in parts of at least the engine's offload size: each part is validated,
   * replayed through the pipeline and handed to the model (off the event loop) in turn, so the model
   * scores one part while the next is prepared. A bad field is still a 400 for the whole request;
   * parts already scored then are not counted in /metrics (they are counted as each is answered).
   */
  function scoreInParts(total: number, partRows: number, append: (batch: InputBatch, from: number, to: number) => void): ScoredPart[] {
    // Parts of at least partRows rows each (so that each may go off the event loop); the last one
    // takes the remainder.
    const count = Math.min(MAX_PARTS, Math.floor(total / partRows));
    const size = Math.floor(total / count);
    const parts: ScoredPart[] = [];
    // The last quarter of the parts is scored on the event loop: once every part is handed over,
    // the loop would only wait for the worker, which then has that much less to do.
    const onLoopFrom = (count - Math.floor(count / 4)) * size;
    try {
      for (let part = 0; part < count; part++) {
        const from = part * size;
        const to = part === count - 1 ? total : from + size;
        const batch = new InputBatch(schema, to - from);
        append(batch, from, to);
        const { table, stats } = batch.finish();
        parts.push({ pending: scoreTable(table, null, from >= onLoopFrom).then((result) => ({ result, offset: 0, count: to - from })), from, stats });
      }
    } finally {
      // Should a part fail (or a later part be refused), the request answers with the first error;
      // the other parts' outcomes must not go unhandled.
      for (const p of parts) p.pending.catch(() => {});
    }
    return parts;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { started, requestId, origin, path } = startRequest(req, res, cors);
    try {
      if (req.method === 'OPTIONS') {
        if (!origin || !cors.has(origin)) return sendError(req, res, started, 403, 'CORS is not enabled for this origin');
        setPreflightHeaders(res);
        return send(req, res, started, 204, '', 'text/plain');
      }
      if (path === '/healthz') return send(req, res, started, 200, '{"status":"ok"}');
      if (path === '/readyz') return ready && !draining ? send(req, res, started, 200, '{"status":"ready"}') : send(req, res, started, 503, `{"status":"${draining ? 'draining' : 'loading'}"}`);
      if (!authorized(req)) {
        res.setHeader('www-authenticate', 'Bearer');
        return sendError(req, res, started, 401, 'missing or wrong API key: send Authorization: Bearer <key>');
      }
      const method = req.method ?? 'GET';
      if (path === '/v1/predict') {
        if (method !== 'POST') return sendError(req, res, started, 405, 'use POST /v1/predict');
        if (!ready) return sendError(req, res, started, 503, 'model is still loading');
        return await predict(req, res, started, requestId);
      }
      if (method !== 'GET' && method !== 'HEAD') return sendError(req, res, started, 405, `use GET ${path}`);
      if (path === '/v1/model') return send(req, res, started, 200, modelJson);
      if (path === '/openapi.json') return send(req, res, started, 200, openapi);
      if (path === '/metrics') {
        const text = await metrics.registry.metrics();
        return send(req, res, started, 200, monitor ? text + exposition(monitor.gauges(model.name)) : text, metrics.registry.contentType);
      }
      if (path === '/v1/monitoring') {
        if (!monitor) return sendError(req, res, started, 404, 'monitoring is off: the model directory has no reference-profile.json (retrain it with this Tourney) or TOURNEY_MONITORING=off');
        const now = Date.now();
        const summary = monitor.summary(now);
        const report = monitor.report(now);
        return send(req, res, started, 200, JSON.stringify({
          model: { name: model.name, version: model.version },
          window: { seconds: monitor.windowMs / 1000, bucketSeconds: monitor.bucketMs / 1000, from: new Date(now - monitor.windowMs).toISOString(), to: new Date(now).toISOString() },
          now: new Date(now).toISOString(), predictions: monitor.total, lastPrediction: monitor.lastTime === null ? null : new Date(monitor.lastTime).toISOString(),
          report, alerts: alertsForReport(report, { ...summary, lastTime: monitor.lastTime }, DEFAULT_ALERT_RULES, now),
        }));
      }
      return sendError(req, res, started, 404, `no route ${path}`);
    } catch (err) {
      if (res.headersSent) return;
      if (err instanceof InputError) {
        if (err.status === 413) res.setHeader('connection', 'close');
        return sendError(req, res, started, err.status, err.message);
      }
      if (err instanceof DataError) return sendError(req, res, started, 400, err.message);
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', requestId, msg: (err as Error).stack ?? String(err) })}\n`);
      return sendError(req, res, started, 500, `internal error (request ${requestId})`);
    }
  }

  const { server, port } = await listen({ host, port: options.port, requestTimeout, headersTimeout, maxBodyBytes }, handle);

  // Warm-up: all-missing rows through the whole scoring path (a one-row batch, then a full one),
  // so the first requests pay no JIT or lazy-initialisation cost. Not counted in /metrics.
  const readyPromise = (async () => {
    for (const n of [1, Math.min(64, batcher.maxBatchRows)]) {
      const warm = tableFromJsonRows(schema, Array.from({ length: n }, () => ({})));
      writePredictions(await engine.score(model.toMatrix(warm.table)), n);
    }
    ready = true;
  })();

  return {
    server, model, engine, host, port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    ready: readyPromise,
    async drain() {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => { timer = setTimeout(() => { server.closeAllConnections(); resolve(); }, options.drainTimeoutMs ?? 10_000); });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      await predictionLog?.close();
      await summaryLog?.close();
      // Release the model's sessions before the process ends: a session still open on the
      // offload thread at exit made onnxruntime abort the process (SIGABRT, exit 134 on a
      // clean SIGTERM).
      await engine.release?.();
    },
  };
}

/**
 * One log line per row in the shape kernels/monitor/prediction-log.ts reads: `id` is the request id
 * (with `:<row>` when the request had several rows), `latencyMs` the request's time to its scores
 * (to its part's, for a big request scored in parts).
 */
function predictionLogLines(requestId: string, modelHeader: string, records: unknown[], from: number, total: number, items: string[], offset: number, count: number, now: number, latencyMs: number): string {
  const time = new Date(now).toISOString();
  const id = JSON.stringify(requestId);
  const single = total === 1;
  const head = `{"time":"${time}","requestId":${id},"model":${modelHeader},"latencyMs":${latencyMs},"row":`;
  let text = '';
  for (let k = 0; k < count; k++) {
    const i = from + k;
    text += `${head}${i},"id":${single ? id : JSON.stringify(`${requestId}:${i}`)},"input":${JSON.stringify(records[i])},"output":${items[offset + k]}}\n`;
  }
  return text;
}

/** A scored row's output as a MonitorRecord carries it (the summary reads P(positive) or the prediction). */
function recordOutput(model: ScorerModel): (scores: Float64Array, predictedClass: Uint32Array | null, i: number) => MonitorRecord['output'] {
  const classes = model.classes ?? [];
  // Reused per row (see the scratch record above): no allocation on the hot path.
  if (model.task === 'binary') {
    const probabilities: Record<string, number> = { [model.positiveClass ?? classes[1] ?? '1']: 0 };
    const positive = Object.keys(probabilities)[0];
    const output = { prediction: null as string | null, probabilities };
    return (scores, predicted, i) => {
      output.prediction = classes[predicted![i]] ?? null;
      probabilities[positive] = scores[i];
      return output;
    };
  }
  const output = { prediction: null as string | number | null };
  if (model.task === 'regression') {
    return (scores, _, i) => {
      output.prediction = scores[i];
      return output;
    };
  }
  return (_, predicted, i) => {
    output.prediction = classes[predicted![i]] ?? null;
    return output;
  };
}
