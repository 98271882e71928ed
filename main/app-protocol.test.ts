import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppRequest } from './app-protocol';
import { DOCUMENT_CSP, WORKER_CSP } from './window-options';

describe('resolveAppRequest', () => {
  const root = '/srv/app/dist/renderer';

  it('maps app://tourney paths into the renderer folder', () => {
    expect(resolveAppRequest(root, 'GET', 'app://tourney/')).toEqual({ kind: 'file', path: `${root}/index.html`, contentType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest(root, 'GET', 'app://tourney/assets/runner.worker-1a2b.js?v=3')).toMatchObject({ path: `${root}/assets/runner.worker-1a2b.js`, contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest(root, 'HEAD', 'app://tourney/leads%20copy.csv')).toMatchObject({ path: `${root}/leads copy.csv`, contentType: 'text/csv; charset=utf-8' });
    expect(resolveAppRequest(root, 'GET', 'app://tourney/ort.wasm')).toMatchObject({ contentType: 'application/wasm' });
  });

  it('never leaves the renderer folder', () => {
    for (const url of ['app://tourney/%2e%2e/%2e%2e/etc/passwd', 'app://tourney/..%2f..%2fetc/passwd', 'app://tourney/a/%2e%2e/%2e%2e/%2e%2e/x']) {
      const result = resolveAppRequest(root, 'GET', url);
      if (result.kind === 'file') expect(result.path.startsWith(`${root}/`)).toBe(true);
      else expect(result.status).toBe(403);
    }
    expect(resolveAppRequest(root, 'GET', 'app://tourney/..%5c..%5cx')).toMatchObject({ kind: 'error', status: 400 });
    expect(resolveAppRequest(root, 'GET', 'app://tourney/a%00.html')).toMatchObject({ kind: 'error', status: 400 });
    expect(resolveAppRequest(root, 'GET', 'app://tourney/%E0%A4%A')).toMatchObject({ kind: 'error', status: 400 });
  });

  it('refuses other hosts, schemes and methods', () => {
    expect(resolveAppRequest(root, 'GET', 'app://other/index.html')).toMatchObject({ kind: 'error', status: 403 });
    expect(resolveAppRequest(root, 'GET', 'https://tourney/index.html')).toMatchObject({ kind: 'error', status: 403 });
    expect(resolveAppRequest(root, 'POST', 'app://tourney/index.html')).toMatchObject({ kind: 'error', status: 405 });
    expect(resolveAppRequest(root, 'GET', 'not a url')).toMatchObject({ kind: 'error', status: 400 });
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tourney-app-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tourney</title>');
    writeFileSync(join(root, 'assets', 'runner.worker.js'), 'postMessage(1)');
    writeFileSync(join(root, 'leads.csv'), 'a\n1\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler(root, (path) => readFile(path) as Promise<Uint8Array<ArrayBuffer>>);

  it('serves files with CSP and cross-origin isolation headers', async () => {
    const page = await handler()(new Request('app://tourney/'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Tourney</title>');
    expect(page.headers.get('content-security-policy')).toBe(DOCUMENT_CSP);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const worker = await handler()(new Request('app://tourney/assets/runner.worker.js'));
    expect(worker.headers.get('content-security-policy')).toBe(WORKER_CSP);
    const csv = await handler()(new Request('app://tourney/leads.csv', { method: 'HEAD' }));
    expect(csv.status).toBe(200);
    expect(await csv.text()).toBe('');
  });

  it('answers 404 for missing files and the error status for refused requests', async () => {
    expect((await handler()(new Request('app://tourney/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://tourney/assets'))).status).toBe(404);
    expect((await handler()(new Request('app://elsewhere/index.html'))).status).toBe(403);
    expect((await handler()(new Request('app://tourney/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
