// Runs a scorer as a process: configuration from flags and environment, one JSON line when it
// listens, SIGTERM/SIGINT drain in-flight requests and then exit 0. Shared by the bundle's
// server.js (main.ts) and `tourney serve`.
import { availableParallelism } from 'node:os';
import { startScorer, type RunningScorer, type ScorerOptions } from './app';

/** Environment variables the scorer reads (documented in scorer/README.md and the bundle README). */
export function optionsFromEnv(env: NodeJS.ProcessEnv): Omit<ScorerOptions, 'files'> {
  const int = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${v}"`);
    return n;
  };
  const logDir = env.TOURNEY_PREDICTION_LOG;
  return {
    ...(env.HOST ? { host: env.HOST } : {}),
    ...(env.PORT ? { port: int('PORT') } : {}),
    ...(env.TOURNEY_API_KEY ? { apiKey: env.TOURNEY_API_KEY } : {}),
    corsOrigins: (env.TOURNEY_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    accessLog: !/^(0|off|false|no)$/i.test(env.TOURNEY_ACCESS_LOG ?? 'on'),
    ...(logDir ? { predictionLog: { dir: logDir, maxFileBytes: int('TOURNEY_PREDICTION_LOG_FILE_BYTES'), maxTotalBytes: int('TOURNEY_PREDICTION_LOG_TOTAL_BYTES'), summaryFlushSeconds: int('TOURNEY_SUMMARY_FLUSH_SECONDS') } } : {}),
    ...(/^(0|off|false|no)$/i.test(env.TOURNEY_MONITORING ?? 'on') ? { monitoring: false as const }
      : { monitoring: { windowSeconds: int('TOURNEY_MONITORING_WINDOW_SECONDS') || undefined, bucketSeconds: int('TOURNEY_MONITORING_BUCKET_SECONDS') || undefined } }),
    maxBodyBytes: int('TOURNEY_MAX_BODY_BYTES'),
    maxRows: int('TOURNEY_MAX_ROWS'),
    maxBatchRows: int('TOURNEY_MAX_BATCH_ROWS'),
    requestTimeoutMs: int('TOURNEY_REQUEST_TIMEOUT_MS'),
    headersTimeoutMs: int('TOURNEY_HEADERS_TIMEOUT_MS'),
    // Big requests on every core the process sees, unless told (the Kubernetes Deployment says 1,
    // its CPU limit: a container sees the node's cores, not its quota).
    threads: int('TOURNEY_SCORER_THREADS') || availableParallelism(),
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Starts the scorer and resolves when it has drained after SIGTERM/SIGINT. */
export async function runScorer(options: ScorerOptions, onStarted?: (s: RunningScorer) => void): Promise<void> {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ScorerOptions;
  const scorer = await startScorer(defined);
  await serveUntilSignal(scorer, { url: scorer.url, model: scorer.model.name, version: scorer.model.version, engine: scorer.engine.kind }, () => onStarted?.(scorer));
}

/** One JSON lifecycle line on stdout (`listening`, `ready`, `draining`, `stopped`). */
export function lifecycleLine(msg: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg, ...extra })}\n`);
}

/**
 * A started server's life as a process: `listening` (with `listening`'s facts), `ready` once warm,
 * then SIGTERM/SIGINT drain it; resolves when it has stopped. The single-model and the
 * multi-model (scorer/fleet) servers share it.
 */
export async function serveUntilSignal(server: { ready: Promise<void>; drain(): Promise<void> }, listening: Record<string, unknown>, onStarted?: () => void): Promise<void> {
  lifecycleLine('listening', listening);
  onStarted?.();
  await server.ready;
  lifecycleLine('ready');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      lifecycleLine('draining', { signal });
      void server.drain().then(() => { lifecycleLine('stopped'); resolve(); });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
