// Does the built workbench run under the headers Electron's app:// protocol sends? Electron
// cannot run on the development machines, so this serves dist/renderer over HTTP with exactly
// the responses of createAppProtocolHandler (page CSP, worker CSP, COOP/COEP), opens it in
// Debian's Chromium, runs the demo notebook and fails on any CSP violation, page error or a
// page that is not cross-origin isolated.
//
//   npx vite build && node --import tsx main/csp-smoke.ts
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { APP_ORIGIN } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';

const ROOT = join(import.meta.dirname, '..', 'dist', 'renderer');

async function main(): Promise<number> {
  const handle = createAppProtocolHandler(ROOT, (path) => readFile(path) as Promise<Uint8Array<ArrayBuffer>>);
  const server = createServer(async (req, res) => {
    const response = await handle(new Request(`${APP_ORIGIN}${req.url ?? '/'}`, { method: req.method }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const problems: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await page.goto(url);
    if (!(await page.evaluate(() => crossOriginIsolated))) problems.push('the page is not cross-origin isolated');
    // The demo notebook loads leads.csv (data worker) before its cells can use `leads`.
    await page.getByText('5,000 rows').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /run all/i }).first().click({ timeout: 30_000 });
    // The code cells display tables of conversion rates and draw a chart (runner worker).
    const done = page.locator('[data-testid="output-html"]', { hasText: 'email_kind' }).or(page.locator('[data-testid="output-error"]'));
    await done.first().waitFor({ timeout: 60_000 });
    for (const error of await page.locator('[data-testid="output-error"]').allInnerTexts()) problems.push(`cell error: ${error.split('\n')[0]}`);
    if ((await page.locator('[data-testid="output-chart"]').count()) < 2) problems.push('expected the chart cell and the chart() code cell to draw');
  } catch (error) {
    problems.push((error as Error).message.split('\n')[0]);
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length > 0) {
    console.error(`csp-smoke: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  console.log('csp-smoke: the workbench loads, is cross-origin isolated and runs the demo notebook under the app:// headers');
  return 0;
}

process.exit(await main());
