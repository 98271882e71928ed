// Secure defaults for the app window and the headers every app:// response carries. Pure values
// so tests can assert them (Electron cannot run here).
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The page's Content-Security-Policy. Scripts only from the app itself — no inline script, no
 * eval in the page ('wasm-unsafe-eval' lets onnxruntime-web compile its WebAssembly). Styles
 * allow 'unsafe-inline' because Monaco and vega-embed inject <style> elements. Network access
 * is limited to the app and loopback (a scorer the user runs locally); no plugins, frames,
 * forms or <base> rewriting.
 */
export const DOCUMENT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: http://127.0.0.1:* http://localhost:*",
  "media-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy of a dedicated worker comes from its script's own response (Chromium's
 * PlzDedicatedWorker), not from the page. Workers run code cells and arquero expressions, which
 * compile with `new Function` — by design, since a notebook runs the user's code — so they get
 * 'unsafe-eval'. They have no DOM, and the page itself stays eval-free.
 */
export const WORKER_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data: http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Cross-origin isolation: SharedArrayBuffer across workers, threaded onnxruntime-web. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Headers for one app:// response: HTML gets the page policy, scripts the worker policy. */
export function responseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    ...ISOLATION_HEADERS,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = DOCUMENT_CSP;
  else if (contentType.startsWith('text/javascript')) headers['Content-Security-Policy'] = WORKER_CSP;
  return headers;
}

export function browserWindowOptions(preloadPath: string, platform: string = process.platform): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Tourney',
    // Shown on 'ready-to-show', so the window never flashes empty.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(platform === 'darwin' ? { titleBarStyle: 'default' as const } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
