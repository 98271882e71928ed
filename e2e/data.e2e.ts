// Data loading and the data viewer end to end, in Debian's Chromium against the built app
// (its index.html carries the strict CSP, so the profile chart proves vega runs without eval):
// load a CSV, read types and profiles, sort, filter, override a type; a broken file names its
// line and loses nothing; cancel a big load; and no main-thread long task over 100 ms while a
// million-row, 20-column CSV loads and scrolls.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { ensureLargeCsv, LARGE_CSV_ROWS } from './data-large-csv';

const TELCO = fileURLToPath(new URL('../../shared/data/telco_churn.csv', import.meta.url));
const LONG_TASK_LIMIT_MS = 100;

/** Opens the app on a fresh notebook. */
async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'loading');
  // The demo notebook's code cells mount Monaco: its 2.7 MB module evaluates in one main-thread
  // task at start-up. A user sees the editor before loading a file; so does this test, so that the
  // start-up task is not counted as part of the load measured below.
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('new-notebook').click();
  await expect(page.getByTestId('data-open-button')).toBeVisible();
}

async function loadFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('data-file-input').setInputFiles(path);
}

/** Adds a data cell showing `table` (from the sidebar's table list) and returns its viewer. */
async function viewTable(page: Page, table: string): Promise<Locator> {
  const item = page.locator(`[data-testid=table-item][data-table="${table}"]`);
  await expect(item).toBeVisible({ timeout: 60_000 });
  await item.getByTestId('table-add-data-cell').click();
  const view = page.locator(`[data-testid=data-view][data-table="${table}"]`).last();
  await expect(view).toBeVisible();
  return view;
}

function header(view: Locator, column: string): Locator {
  return view.locator(`[data-testid=data-column][data-column="${column}"]`);
}

/** The text of `column` in the view's row at `position` (1-based, in view order). */
async function cellText(view: Locator, column: string, position: number, timeout?: number): Promise<string> {
  const colIndex = await header(view, column).getAttribute('aria-colindex');
  const cell = view.locator(`[data-testid=data-row][aria-rowindex="${position}"] [role=gridcell][aria-colindex="${colIndex}"]`);
  await expect(cell.locator('.td-pending')).toHaveCount(0, { timeout });
  return (await cell.textContent()) ?? '';
}

async function filter(view: Locator, column: string, text: string): Promise<void> {
  const box = header(view, column).getByTestId('data-column-filter');
  await box.fill(text);
  await box.press('Enter');
}

test.describe('data', () => {
  test('loads a CSV and explores it: types, profile chart, sort, filter, type override', async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to|unsafe-eval/i.test(message.text())) problems.push(message.text());
    });
    await openApp(page);
    await loadFile(page, TELCO);
    const view = await viewTable(page, 'telco_churn');
    await expect(view.getByTestId('data-row-count')).toHaveText('7,043 of 7,043 rows');
    await expect(header(view, 'churn').getByTestId('data-type-badge')).toHaveAttribute('data-type', 'categorical');
    await expect(header(view, 'tenure').getByTestId('data-type-badge')).toHaveAttribute('data-type', 'integer');
    await expect(header(view, 'tenure').getByTestId('data-sparkline')).toBeVisible();
    expect(await cellText(view, 'churn', 1)).toBe('No');

    // The full profile, with its vega-lite histogram rendered under the app's CSP.
    await header(view, 'tenure').getByTestId('data-column-info').click();
    const panel = view.getByTestId('data-profile-panel');
    await expect(panel).toHaveAttribute('data-column', 'tenure');
    await expect(panel.getByTestId('data-profile-chart').locator('svg .mark-rect path').first()).toBeVisible();
    await expect(panel.getByTestId('data-profile-stats')).toContainText('Median');
    await expect(panel.getByTestId('data-profile-stats')).toContainText('72');
    await page.screenshot({ path: test.info().outputPath('telco-profile.png') });

    // Sort in the data worker: ascending, then descending.
    await header(view, 'tenure').getByTestId('data-column-sort').click();
    await expect(header(view, 'tenure')).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => cellText(view, 'tenure', 1)).toBe('0');
    await header(view, 'tenure').getByTestId('data-column-sort').click();
    await expect(header(view, 'tenure')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => cellText(view, 'tenure', 1)).toBe('72');

    // Filters combine: churn equals Yes, tenure at least 70 (pandas: 1,869 and 23 rows).
    await filter(view, 'churn', '=Yes');
    await expect(view.getByTestId('data-row-count')).toHaveText('1,869 of 7,043 rows');
    await filter(view, 'tenure', '>=70');
    await expect(view.getByTestId('data-row-count')).toHaveText('23 of 7,043 rows');
    expect(await cellText(view, 'churn', 1)).toBe('Yes');
    await page.screenshot({ path: test.info().outputPath('telco-filtered.png') });
    await view.getByTestId('data-clear-filters').click();
    await expect(view.getByTestId('data-row-count')).toHaveText('7,043 of 7,043 rows');

    // Type override: 0/1 integers become a boolean; text cannot become an integer.
    await header(view, 'senior_citizen').getByTestId('data-column-info').click();
    await expect(panel).toHaveAttribute('data-column', 'senior_citizen');
    await panel.getByTestId('data-type-select').selectOption('boolean');
    await expect(header(view, 'senior_citizen').getByTestId('data-type-badge')).toHaveAttribute('data-type', 'boolean');
    await expect(panel.getByTestId('data-profile-stats')).toContainText('Share true');
    await header(view, 'churn').getByTestId('data-column-info').click();
    await panel.getByTestId('data-type-select').selectOption('integer');
    await expect(panel.getByTestId('data-type-error')).toContainText("cannot make column 'churn' integer");
    await expect(header(view, 'churn').getByTestId('data-type-badge')).toHaveAttribute('data-type', 'categorical');
    expect(problems).toEqual([]);
  });

  test('a broken file gets a message naming its line, and loaded tables stay', async ({ page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'tourney-data-'));
    const ragged = join(dir, 'ragged.csv');
    await writeFile(ragged, 'region,amount,won\nnorth,10,yes\nsouth,20,no,extra\neast,40,no\n');
    await openApp(page);
    await loadFile(page, TELCO);
    const view = await viewTable(page, 'telco_churn');
    await expect(view.getByTestId('data-row-count')).toHaveText('7,043 of 7,043 rows');

    await loadFile(page, ragged);
    const error = page.locator('[data-testid=data-load-error][data-file="ragged.csv"]');
    await expect(error).toContainText('ragged.csv');
    await expect(error).toContainText('line 3');
    await expect(error).toContainText('expected 3 fields');
    await page.screenshot({ path: test.info().outputPath('ragged-error.png') });
    await expect(page.locator('[data-testid=table-item][data-table=ragged]')).toHaveCount(0);
    await expect(page.locator('[data-testid=table-item][data-table=telco_churn]')).toBeVisible();
    await expect(view.getByTestId('data-row-count')).toHaveText('7,043 of 7,043 rows');
    await error.getByTestId('data-load-error-dismiss').click();
    await expect(error).toHaveCount(0);
  });

  test('each kind of bad file is named with its problem, nothing loaded is lost, and a Latin-1 file loads with a note', async ({ page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'tourney-bad-'));
    const files: [string, string | Buffer | null, string][] = [
      ['empty.csv', '', 'empty.csv is empty'],
      ['header.csv', 'a,b,c\n', 'header.csv has a header but no data rows'],
      ['quote.csv', 'a,b\n1,2\n3,"open\n4,5\n', 'quote.csv: line 3: a quoted field opens here but its closing quote is missing'],
      ['image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'image.csv looks like a binary file, not CSV'],
      ['dupes.csv', 'id,x,id\n1,2,3\n', "dupes.csv: line 1: duplicate column name 'id' (columns 1 and 3)"],
      ['blank.csv', 'a,,c\n1,2,3\n', 'blank.csv: line 1: column 2 has a blank name in the header'],
    ];
    await openApp(page);
    await loadFile(page, TELCO);
    await expect(page.locator('[data-testid=table-item][data-table=telco_churn]')).toBeVisible();
    // Over the 1.5 GB memory budget (a sparse file: nothing is written, and the app must refuse it
    // from its size alone, before reading a byte).
    const huge = join(dir, 'huge.csv');
    await writeFile(huge, 'a,b\n');
    await truncate(huge, Math.round(1.6 * 1024 ** 3));
    files.push(['huge.csv', null, 'huge.csv is 1.60 GB, over the memory budget of 1.50 GB; sample it or raise the budget']);
    for (const [name, content, message] of files) {
      const path = join(dir, name);
      if (content !== null) await writeFile(path, content);
      await loadFile(page, path);
      const error = page.locator(`[data-testid=data-load-error][data-file="${name}"]`);
      await expect(error).toContainText(message);
      await expect(page.locator(`[data-testid=table-item][data-table="${name.replace('.csv', '')}"]`)).toHaveCount(0);
    }
    await page.screenshot({ path: test.info().outputPath('bad-files.png') });
    await expect(page.locator('[data-testid=table-item][data-table=telco_churn]')).toContainText('7,043 rows');

    // Latin-1 (windows-1252) bytes are not an error: the table loads, accents intact, and says how it was read.
    const latin = join(dir, 'kunden.csv');
    await writeFile(latin, Buffer.from('name,stadt\nJosé,Zürich\nRenée,Köln\n', 'latin1'));
    await loadFile(page, latin);
    const item = page.locator('[data-testid=table-item][data-table=kunden]');
    await expect(item).toContainText('2 rows');
    await expect(item.getByTestId('table-note')).toContainText('Latin-1');
    const view = await viewTable(page, 'kunden');
    await expect(view).toContainText('Zürich');
    await rm(dir, { recursive: true });
  });

  test('a dropped file loads, and a recent file reopens after a reload (bytes kept in IndexedDB)', async ({ page }) => {
    await openApp(page);
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['city,visits\nOslo,3\nLima,5\nPune,\n'], 'visits.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.getByTestId('data-drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    const view = await viewTable(page, 'visits');
    await expect(view.getByTestId('data-row-count')).toHaveText('3 of 3 rows');
    await expect(header(view, 'visits').getByTestId('data-column-missing')).toHaveText('33% missing');

    // Tables live in the data worker's memory; the recent list survives a reload.
    await page.reload();
    await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'loading');
    await expect(page.locator('[data-testid=table-item][data-table=visits]')).toHaveCount(0);
    const recent = page.getByTestId('data-recent-file').filter({ hasText: 'visits.csv' });
    await expect(recent).toBeVisible();
    await recent.click();
    await expect(page.locator('[data-testid=table-item][data-table=visits]')).toContainText('3 rows');
  });

  test('cancelling a large load stops it and keeps loaded tables', async ({ page }) => {
    test.setTimeout(180_000);
    const large = await ensureLargeCsv();
    await openApp(page);
    await loadFile(page, TELCO);
    await expect(page.locator('[data-testid=table-item][data-table=telco_churn]')).toBeVisible();

    await loadFile(page, large);
    const progress = page.getByTestId('data-load-progress');
    await expect(progress).toBeVisible();
    await expect(progress.getByTestId('data-load-phase')).toHaveText(/Reading|Parsing/);
    await expect(progress.getByTestId('data-load-percent')).toHaveText(/^\d+%$/);
    await page.screenshot({ path: test.info().outputPath('large-progress.png') });
    await progress.getByTestId('data-load-cancel').click();
    await expect(progress).toHaveCount(0);
    await expect(page.locator('[data-testid=data-load-error]')).toHaveCount(0);

    // The loader is gone: loading another file works, and the big table never arrives.
    await loadFile(page, TELCO);
    await expect(page.locator('[data-testid=table-item][data-table=telco_churn]')).toBeVisible();
    await expect(page.getByTestId('data-load-progress')).toHaveCount(0);
    await expect(page.locator('[data-testid=table-item][data-table^="wide-"]')).toHaveCount(0);
  });

  test(`no main-thread long task over ${LONG_TASK_LIMIT_MS} ms while 1,000,000 rows load, sort and scroll`, async ({ page, browser }) => {
    test.setTimeout(240_000);
    const large = await ensureLargeCsv();
    const tableName = large.split('/').pop()!.replace(/\.csv$/, '');
    await openApp(page);

    // Two instruments. The Long Tasks API (what the brief asks for) gives each main-thread task's
    // wall-clock duration; on a 2-core machine shared by several engineers that includes time the
    // OS did not run the renderer at all. A Chromium trace gives each task's CPU time on the main
    // thread — the work our code puts there. The test asserts both: the CPU time says our code
    // never holds the thread, the Long Tasks API says what the user sees. Workers (loader, data)
    // never appear in either.
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __loadStart: number };
      w.__longTasks = [];
      w.__loadStart = performance.now();
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await browser.startTracing(page, { categories: ['toplevel'] });
    const started = Date.now();
    await loadFile(page, large);
    const view = await viewTable(page, tableName);
    await expect(view.getByTestId('data-row-count')).toHaveText('1,000,000 of 1,000,000 rows', { timeout: 120_000 });
    const loadSeconds = (Date.now() - started) / 1000;

    // Scroll: wheel steps, then scrollbar-like jumps across the whole million, then the end.
    const grid = view.getByTestId('data-grid');
    await grid.hover();
    for (let i = 0; i < 25; i++) await page.mouse.wheel(0, 400);
    for (let i = 1; i <= 12; i++) {
      await grid.evaluate((element, fraction) => element.scrollTo({ top: (element.scrollHeight - element.clientHeight) * fraction }), ((i * 7) % 12) / 12);
      await expect(view.locator('[data-testid=data-row] .td-pending')).toHaveCount(0, { timeout: 60_000 });
    }
    await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(view.locator(`[data-testid=data-row][aria-rowindex="${LARGE_CSV_ROWS}"]`)).toBeVisible();
    expect(await cellText(view, 'customer_id', LARGE_CSV_ROWS, 60_000)).toBe(String(LARGE_CSV_ROWS));
    await grid.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    await expect(header(view, 'last_seen')).toBeVisible();

    // Sorting a million rows happens in the data worker.
    await grid.evaluate((element) => element.scrollTo({ left: 0, top: 0 }));
    await header(view, 'score').getByTestId('data-column-sort').click();
    await expect.poll(() => cellText(view, 'score', 1, 60_000), { timeout: 60_000 }).toBe('0');
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    await page.screenshot({ path: test.info().outputPath('million-rows.png') });

    const { longTasks, loadStart } = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __loadStart: number };
      return { longTasks: w.__longTasks, loadStart: w.__loadStart };
    });
    const during = longTasks.filter((task) => task.start >= loadStart);
    const tasks = mainThreadTasks(trace.traceEvents);
    const report = {
      rows: LARGE_CSV_ROWS,
      columns: 20,
      loadSeconds,
      longTasks: during.length,
      maxLongTaskMs: Math.round(Math.max(0, ...during.map((task) => task.duration))),
      longTaskDurationsMs: during.map((task) => Math.round(task.duration)),
      mainThreadTasks: tasks.length,
      maxTaskCpuMs: Math.round(Math.max(0, ...tasks.map((task) => task.cpuMs))),
      maxTaskWallMs: Math.round(Math.max(0, ...tasks.map((task) => task.wallMs))),
    };
    console.log(`data long tasks: ${JSON.stringify(report)}`);
    test.info().annotations.push(
      { type: 'max main-thread long task, wall clock (ms)', description: String(report.maxLongTaskMs) },
      { type: 'max main-thread task, CPU time (ms)', description: String(report.maxTaskCpuMs) },
    );
    await writeFile(test.info().outputPath('long-tasks.json'), JSON.stringify(report, null, 2));
    expect(tasks.length, 'the trace saw the main thread').toBeGreaterThan(100);
    expect(report.maxTaskCpuMs, `main-thread task CPU times over 50 ms: ${tasks.filter((t) => t.cpuMs > 50).map((t) => Math.round(t.cpuMs)).join(', ')}`).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
    expect(report.maxLongTaskMs, `long tasks (wall clock, Long Tasks API): ${report.longTaskDurationsMs.join(', ')} ms; CPU of the longest main-thread task ${report.maxTaskCpuMs} ms`).toBeLessThanOrEqual(LONG_TASK_LIMIT_MS);
  });
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Top-level tasks of the page's main thread (CrRendererMain) with wall and CPU time. */
function mainThreadTasks(events: TraceEvent[]): { wallMs: number; cpuMs: number }[] {
  const threads = new Map<string, string>();
  for (const event of events) if (event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  return events
    .filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain')
    .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? 0) / 1000 }));
}
