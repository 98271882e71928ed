// Reading a running scorer's monitoring (GET /v1/monitoring) from the app. A browser reaches it
// only when the scorer allows the app's origin (TOURNEY_CORS_ORIGINS); every failure becomes one
// sentence that says what to do.
import type { Alert } from '../../kernels/monitor/alert-rules';
import type { MonitorReport } from '../../kernels/monitor/monitor-report';

export interface ScorerMonitoring {
  model: { name: string; version: string };
  window: { seconds: number; bucketSeconds: number; from: string; to: string };
  now: string;
  predictions: number;
  lastPrediction: string | null;
  report: MonitorReport;
  /** The scorer's own alerts under the default rules (the view re-evaluates with the model's rules). */
  alerts: Alert[];
}

/** The scorer's base URL from what was typed ("127.0.0.1:8080", a trailing slash, a pasted /v1/… path). */
export function scorerBaseUrl(typed: string): string {
  let text = typed.trim();
  if (!text) throw new Error('type the scorer\'s URL, e.g. http://127.0.0.1:8080');
  if (!/^https?:\/\//i.test(text)) text = `http://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${typed}" is not a URL`);
  }
  const path = url.pathname.replace(/\/(v1\/.*|metrics|healthz|readyz)?$/, '');
  return `${url.origin}${path}`;
}

export async function fetchMonitoring(base: string, apiKey: string, signal?: AbortSignal): Promise<ScorerMonitoring> {
  let response: Response;
  try {
    response = await fetch(`${base}/v1/monitoring`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, signal, cache: 'no-store' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new Error(`cannot reach ${base}: is the scorer running, and does it allow this app (start it with TOURNEY_CORS_ORIGINS=${globalThis.location?.origin ?? '<this app\'s origin>'})?`, { cause: err });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${base}/v1/monitoring answered ${response.status} with something other than JSON: is this a Tourney scorer?`);
  }
  const message = (body as { error?: { message?: string } | string })?.error;
  const said = typeof message === 'string' ? message : message?.message;
  if (response.status === 401) throw new Error(`the scorer refused the API key (${said ?? '401'})`);
  if (!response.ok) throw new Error(`the scorer answered ${response.status}: ${said ?? text.slice(0, 200)}`);
  const m = body as Partial<ScorerMonitoring>;
  if (!m.report || !Array.isArray(m.report.features) || !m.model) throw new Error(`${base}/v1/monitoring is not a Tourney monitoring report`);
  return m as ScorerMonitoring;
}
