import { describe, expect, it } from 'vitest';
import { DOCUMENT_CSP, WORKER_CSP, browserWindowOptions, responseHeaders } from './window-options';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('browserWindowOptions', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = browserWindowOptions('/app/dist/main/preload.cjs', 'linux').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
  });

  it('never turns a secure default off on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const prefs = browserWindowOptions('/p.cjs', platform).webPreferences!;
      expect([prefs.contextIsolation, prefs.sandbox, prefs.webSecurity, prefs.nodeIntegration]).toEqual([true, true, true, false]);
    }
  });
});

describe('content security policy', () => {
  it('keeps the page free of inline script, eval, plugins and framing', () => {
    const csp = directives(DOCUMENT_CSP);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(DOCUMENT_CSP).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    // Network: the app itself and loopback only.
    for (const source of csp.get('connect-src')!) {
      expect(source).toMatch(/^('self'|blob:|data:|http:\/\/(127\.0\.0\.1|localhost):\*)$/);
    }
  });

  it('lets workers (code cells, arquero) compile code but not load remote script', () => {
    const csp = directives(WORKER_CSP);
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", 'blob:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});

describe('responseHeaders', () => {
  it('sends the page policy with HTML and cross-origin isolation with everything', () => {
    const html = responseHeaders('text/html; charset=utf-8');
    expect(html['Content-Security-Policy']).toBe(DOCUMENT_CSP);
    expect(html['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(html['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(html['X-Content-Type-Options']).toBe('nosniff');
    expect(responseHeaders('text/javascript; charset=utf-8')['Content-Security-Policy']).toBe(WORKER_CSP);
    const csv = responseHeaders('text/csv; charset=utf-8');
    expect(csv['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(csv['Cross-Origin-Resource-Policy']).toBe('same-origin');
  });
});
