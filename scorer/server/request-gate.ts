// What every scorer (single-model, scorer/server/app.ts; multi-model, scorer/fleet/fleet-app.ts)
// does first with a request: a request id (the caller's when well formed), the CORS answer for an
// allowed origin, the preflight headers, and the API-key check in constant time.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathOf } from './predict-input';

export interface RequestStart {
  /** performance.now() when the request arrived (for the latency histogram and the access log). */
  started: number;
  requestId: string;
  /** The Origin header, when the browser sent one. */
  origin: string | undefined;
  /** The path without its query string. */
  path: string;
}

/** Sets x-request-id and, for an allowed origin, the CORS headers. */
export function startRequest(req: IncomingMessage, res: ServerResponse, cors: ReadonlySet<string>): RequestStart {
  const started = performance.now();
  const given = req.headers['x-request-id'];
  const requestId = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', requestId);
  const origin = req.headers.origin;
  if (origin && cors.has(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  return { started, requestId, origin, path: pathOf(req) };
}

/** The headers of a CORS preflight answer (the caller checked the origin and sends the 204). */
export function setPreflightHeaders(res: ServerResponse): void {
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id');
  res.setHeader('access-control-max-age', '600');
}

const sha = (s: string) => createHash('sha256').update(s).digest();

/** `authorized(req)`: true without a key; with one, `Authorization: Bearer <key>` compared in constant time. */
export function apiKeyCheck(apiKey: string | undefined): (req: IncomingMessage) => boolean {
  if (!apiKey) return () => true;
  const keyHash = sha(apiKey);
  return (req) => {
    const header = req.headers.authorization ?? '';
    return timingSafeEqual(sha(header.startsWith('Bearer ') ? header.slice(7) : ''), keyHash);
  };
}
