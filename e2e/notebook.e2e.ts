// The notebook end to end, in Debian's Chromium against the built app: run code on a loaded
// table, charts, interrupting an endless loop, saving and reopening .ipynb, a broken .ipynb,
// keyboard habits and autosave.
import { readFile } from 'node:fs/promises';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { setSource } from './cell-source';

const SMALL_CSV = 'region,amount,won\nnorth,10,yes\nsouth,20,no\nnorth,30,yes\neast,40,no\nsouth,50,yes\n';

/** Opens the app on a fresh, empty notebook (one code cell). */
async function openEmptyNotebook(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'loading');
  await page.getByTestId('new-notebook').click();
  await expect(page.getByTestId('cell')).toHaveCount(1);
}

async function runCell(cell: Locator): Promise<void> {
  await cell.getByTestId('run-cell').click();
  await expect(cell).toHaveAttribute('data-status', 'idle');
}

function lastCell(page: Page): Locator {
  return page.getByTestId('cell').last();
}

async function addCodeCell(page: Page, source: string): Promise<Locator> {
  await page.getByTestId('add-code-cell').click();
  const cell = lastCell(page);
  await setSource(cell, source);
  return cell;
}

test.describe('notebook', () => {
  test('opens the demo notebook and runs it all under the strict CSP', async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to|unsafe-eval/i.test(message.text())) problems.push(message.text());
    });
    await page.goto('./');
    await expect(page.getByTestId('notebook-name')).toHaveText('demo.ipynb');
    await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible();
    const chartCell = page.locator('[data-testid=cell][data-kind=chart]').first();
    await expect(chartCell.getByTestId('output-chart').locator('svg.marks')).toBeVisible();

    await page.getByTestId('run-all').click();
    const codeCells = page.locator('[data-testid=cell][data-kind=code]');
    const count = await codeCells.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      await expect(codeCells.nth(i).getByTestId('execution-count')).toHaveText(`[${i + 1}]`);
      await expect(codeCells.nth(i).getByTestId('output-error')).toHaveCount(0);
    }
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'idle');
    await page.screenshot({ path: 'test-results/notebook-demo.png', fullPage: false });
    expect(problems).toEqual([]);
  });

  test('Run all clicked as the app opens waits for the demo table, then every cell succeeds', async ({ page, context }) => {
    // Hold leads.csv until Run all has been clicked and says what it waits for, so the click is
    // sure to come before the table is in (the loader fetches it from a worker: route the context).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/leads.csv', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await page.getByTestId('run-all').click();
    await expect(page.getByTestId('waiting-for-tables')).toHaveText('Waiting for table leads to load…');
    const codeCells = page.locator('[data-testid=cell][data-kind=code]');
    await expect(codeCells.first()).toHaveAttribute('data-status', 'queued');
    await expect(codeCells.first().getByTestId('execution-count')).toHaveText('[*]');
    await page.screenshot({ path: 'test-results/notebook-waiting-for-table.png', fullPage: false });
    release();

    await expect(page.getByTestId('waiting-for-tables')).toHaveCount(0);
    const count = await codeCells.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      await expect(codeCells.nth(i).getByTestId('execution-count')).toHaveText(`[${i + 1}]`);
      await expect(codeCells.nth(i).getByTestId('output-error')).toHaveCount(0);
      await expect(codeCells.nth(i).getByTestId('cell-outputs')).toBeVisible();
    }
    const chartCell = page.locator('[data-testid=cell][data-kind=chart]').first();
    await expect(chartCell.getByTestId('output-chart').locator('svg.marks')).toBeVisible();
  });

  test('Interrupt stops a Run all that waits for a table, without restarting the idle kernel', async ({ page, context }) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/leads.csv', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await page.getByTestId('run-all').click();
    await expect(page.getByTestId('waiting-for-tables')).toBeVisible();
    await page.getByTestId('interrupt').click();
    await expect(page.getByTestId('waiting-for-tables')).toHaveCount(0);
    const firstCode = page.locator('[data-testid=cell][data-kind=code]').first();
    await expect(firstCode).toHaveAttribute('data-status', 'idle');
    await expect(page.getByTestId('notebook-notice')).toHaveCount(0);
    release();
    await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible();
    await expect(firstCode.getByTestId('execution-count')).toHaveText('[ ]');
  });

  test('runs code on an uploaded table, keeps variables between cells and shows outputs', async ({ page }) => {
    await openEmptyNotebook(page);
    await page.getByTestId('data-file-input').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(SMALL_CSV) });
    await expect(page.locator('[data-testid=table-item][data-table=deals]')).toBeVisible();

    const first = page.getByTestId('cell').first();
    await setSource(first, "const byRegion = deals.groupby('region').rollup({ total: op.sum('amount') }).orderby('region')\nprint('regions:', byRegion.numRows())\ndisplay(byRegion)");
    await runCell(first);
    await expect(first.getByTestId('output-stream')).toHaveText('regions: 3');
    const table = first.getByTestId('output-html').locator('table.dataframe');
    await expect(table).toContainText('north');
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(first.getByTestId('execution-count')).toHaveText('[1]');

    // A later cell sees the earlier cell's variable; the last expression is the result.
    const second = await addCodeCell(page, "const n: number = byRegion.numRows()\nn * 10");
    await runCell(second);
    await expect(second.getByTestId('output-result')).toHaveText('30');

    // Errors name the line.
    const third = await addCodeCell(page, 'const ok = 1\nundefinedName.foo');
    await runCell(third);
    await expect(third.getByTestId('output-error')).toContainText('ReferenceError');
    await expect(third.getByTestId('output-error')).toContainText('line 2');
    await page.screenshot({ path: 'test-results/notebook-code.png' });
  });

  test('draws vega-lite charts from a code cell and from a chart cell', async ({ page }) => {
    await openEmptyNotebook(page);
    await page.getByTestId('data-file-input').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(SMALL_CSV) });
    await expect(page.locator('[data-testid=table-item][data-table=deals]')).toBeVisible();

    const code = page.getByTestId('cell').first();
    await setSource(
      code,
      "chart({ data: deals, mark: 'bar', encoding: { x: { field: 'region', type: 'nominal' }, y: { field: 'amount', aggregate: 'sum', type: 'quantitative' } } })",
    );
    await runCell(code);
    await expect(code.getByTestId('output-chart').locator('svg.marks')).toBeVisible();
    await expect(code.getByTestId('output-chart').locator('svg .mark-rect path')).toHaveCount(3);

    // A chart cell from the table list, built with the builder.
    await page.locator('[data-testid=table-item][data-table=deals]').getByTestId('table-add-chart-cell').click();
    const chartCell = page.locator('[data-testid=cell][data-kind=chart]');
    await expect(chartCell.getByTestId('output-chart').locator('svg.marks')).toBeVisible();
    await chartCell.getByTestId('chart-mark').selectOption('point');
    await chartCell.getByTestId('chart-aggregate').selectOption('mean');
    await chartCell.getByTestId('chart-y').selectOption('amount');
    await expect(chartCell.getByTestId('output-chart').locator('svg .mark-symbol path')).toHaveCount(3);
    await page.screenshot({ path: 'test-results/notebook-charts.png' });
  });

  test('interrupts a cell blocked outside any loop, restarts the kernel and keeps working', async ({ page }) => {
    await openEmptyNotebook(page);
    const first = page.getByTestId('cell').first();
    // Loops stop at their guard with the variables kept (work-kept.e2e.ts); a blocking wait cannot.
    await setSource(first, 'const before = 1\nprint("looping")\nAtomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)');
    await first.getByTestId('run-cell').click();
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'busy');
    await expect(first.getByTestId('output-stream')).toContainText('looping');

    await page.getByTestId('interrupt').click();
    await expect(page.getByTestId('notebook-notice').filter({ hasText: 'the kernel was restarted: variables are cleared' })).toBeVisible();
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'idle');
    await expect(first).toHaveAttribute('data-status', 'idle');

    // The notebook still works; the old variables are gone with the old kernel.
    const second = await addCodeCell(page, 'typeof before === "undefined" ? "fresh kernel" : "old kernel"');
    await runCell(second);
    await expect(second.getByTestId('output-result')).toHaveText("'fresh kernel'");
    await expect(page.getByTestId('cell')).toHaveCount(2);
    await page.screenshot({ path: 'test-results/notebook-interrupt.png' });
  });

  test('saves an .ipynb with outputs and reopens it intact; a broken file changes nothing', async ({ page }) => {
    await openEmptyNotebook(page);
    const first = page.getByTestId('cell').first();
    await setSource(first, "print('hello from tourney')\n6 * 7");
    await runCell(first);
    await page.getByTestId('add-markdown-cell').click();
    await setSource(lastCell(page), '# Results\n\nThe answer is **42**. <img src=x onerror="document.title=1"> [x](javascript:alert(1))');
    await page.keyboard.press('Escape');
    const rendered = lastCell(page).getByTestId('markdown-rendered');
    await expect(rendered.locator('h1')).toHaveText('Results');
    // Raw HTML in markdown shows as text; script links lose their href.
    await expect(rendered).toContainText('<img src=x onerror="document.title=1">');
    await expect(rendered.locator('img')).toHaveCount(0);
    await expect(rendered.locator('a[href^="javascript"]')).toHaveCount(0);

    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('save-notebook').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.ipynb$/);
    const savedPath = test.info().outputPath('saved.ipynb');
    await download.saveAs(savedPath);
    const saved = JSON.parse(await readFile(savedPath, 'utf8'));
    expect(saved.nbformat).toBe(4);
    expect(saved.cells.map((c: { cell_type: string }) => c.cell_type)).toEqual(['code', 'markdown']);
    expect(saved.cells[0].outputs.map((o: { output_type: string }) => o.output_type)).toEqual(['stream', 'execute_result']);

    // Start over, then reopen the saved file.
    await page.getByTestId('new-notebook').click();
    await expect(page.getByTestId('cell')).toHaveCount(1);
    await page.getByTestId('open-notebook-input').setInputFiles(savedPath);
    await expect(page.getByTestId('cell')).toHaveCount(2);
    const reopened = page.getByTestId('cell').first();
    await expect(reopened.getByTestId('output-stream')).toHaveText('hello from tourney');
    await expect(reopened.getByTestId('output-result')).toHaveText('42');
    await expect(reopened.getByTestId('execution-count')).toHaveText('[1]');
    await expect(reopened.locator('.monaco-editor')).toContainText('6 * 7');
    await expect(page.getByTestId('markdown-rendered').locator('strong')).toHaveText('42');

    // A file that is not valid JSON: a message that names the place; the notebook stays.
    await page.getByTestId('open-notebook-input').setInputFiles({
      name: 'broken.ipynb',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "nbformat": 4,\n  "cells": [,]\n}'),
    });
    const error = page.getByTestId('notebook-error');
    await expect(error).toContainText('broken.ipynb is not valid JSON');
    await expect(error).toContainText('line 3, column 13');
    await expect(error).toContainText('not changed');
    await expect(page.getByTestId('cell')).toHaveCount(2);
    await expect(reopened.getByTestId('output-result')).toHaveText('42');

    // Valid JSON but not nbformat 4.
    await page.getByTestId('open-notebook-input').setInputFiles({ name: 'old.ipynb', mimeType: 'application/json', buffer: Buffer.from('{"nbformat": 3, "worksheets": []}') });
    await expect(page.getByTestId('notebook-error').filter({ hasText: 'old.ipynb is nbformat 3' })).toBeVisible();
    await expect(page.getByTestId('notebook-name')).toHaveText('saved.ipynb');
    await page.screenshot({ path: 'test-results/notebook-invalid-ipynb.png' });
  });

  test('keyboard habits: command mode, insert, delete, change kind, undo and redo; autosave survives a reload', async ({ page }) => {
    await openEmptyNotebook(page);
    const first = page.getByTestId('cell').first();
    await setSource(first, '1 + 1');
    await page.keyboard.press('Shift+Enter');
    await expect(first.getByTestId('output-result')).toHaveText('2');
    // Shift+Enter on the last cell adds a new cell in edit mode; Esc leaves it for command mode.
    await expect(page.getByTestId('cell')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(lastCell(page)).toHaveAttribute('data-active', 'true');

    await page.keyboard.press('b');
    await expect(page.getByTestId('cell')).toHaveCount(3);
    await page.keyboard.press('m');
    await expect(lastCell(page)).toHaveAttribute('data-kind', 'markdown');
    await page.keyboard.press('y');
    await expect(lastCell(page)).toHaveAttribute('data-kind', 'code');
    await page.keyboard.press('a');
    await expect(page.getByTestId('cell')).toHaveCount(4);
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await expect(page.getByTestId('cell')).toHaveCount(3);
    await page.keyboard.press('z');
    await expect(page.getByTestId('cell')).toHaveCount(4);
    await page.keyboard.press('Control+Shift+Z');
    await expect(page.getByTestId('cell')).toHaveCount(3);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('cell')).toHaveCount(4);

    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
    await page.reload();
    await expect(page.getByTestId('cell')).toHaveCount(4);
    await expect(page.getByTestId('cell').first().getByTestId('output-result')).toHaveText('2');
  });
});
