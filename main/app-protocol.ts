// Serves dist/renderer on app://tourney/ (registered as a privileged, secure, standard scheme in
// electron-main.ts). A custom protocol instead of file:// so every response can carry the CSP
// and the COOP/COEP pair; requests can never leave the renderer folder.
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { responseHeaders } from './window-options';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ipynb': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export type AppRequestResolution =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'error'; status: number; message: string };

/** Maps an app:// request to a file under `root`, or to the error status it deserves. */
export function resolveAppRequest(root: string, method: string, url: string): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405, message: `method ${method} not allowed` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', status: 400, message: 'bad URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) {
    return { kind: 'error', status: 403, message: `not an app URL: ${parsed.protocol}//${parsed.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'error', status: 400, message: 'bad percent-encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'error', status: 400, message: 'bad path' };
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const base = normalize(root);
  const path = normalize(join(base, pathname));
  if (!path.startsWith(base.endsWith(sep) ? base : base + sep)) return { kind: 'error', status: 403, message: 'outside the app' };
  return { kind: 'file', path, contentType: MIME[extname(path).toLowerCase()] ?? 'application/octet-stream' };
}

/** The protocol.handle callback: a fetch-style handler over `readFile`. */
export function createAppProtocolHandler(
  root: string,
  readFile: (path: string) => Promise<Uint8Array<ArrayBuffer>>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const resolved = resolveAppRequest(root, request.method, request.url);
    if (resolved.kind === 'error') {
      return new Response(resolved.message, { status: resolved.status, headers: responseHeaders('text/plain; charset=utf-8') });
    }
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(resolved.path);
    } catch {
      return new Response('not found', { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
    }
    const headers = responseHeaders(resolved.contentType);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
