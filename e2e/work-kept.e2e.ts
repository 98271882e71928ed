// What a newcomer must be able to trust (issue 16), end to end in Chromium against the built app:
// Cancel keeps the candidates that finished and a reload brings them back; a table the user loaded
// comes back after a reload; the AutoML view never shows one table's results under another; and
// Interrupt stops a runaway `for` loop with the kernel's variables kept (terminating the worker
// only when the cell cannot be stopped, and saying which happened).
import { test, expect, type Locator, type Page } from '@playwright/test';
import { setSource } from './cell-source';

/** 400 rows of a small learnable table (units grow with size, bought when big enough). */
function accountsCsv(): string {
  const lines = ['account,size,region,bought'];
  for (let i = 0; i < 400; i++) {
    const size = (i * 37) % 100;
    lines.push(`a${i},${size},${['north', 'south', 'east'][i % 3]},${size + (i % 7) * 3 > 60 ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'loading');
}

async function openAutoML(page: Page): Promise<Locator> {
  const view = page.getByTestId('automl-view');
  // As a person would: click again if the page above was still growing under the first scroll
  // (after a reload the Features view restores its last result while the page settles).
  await expect(async () => {
    await page.getByTestId('view-tab-automl').click();
    await expect(view).toBeInViewport({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  return view;
}

/** Starts a tournament on `table` → `target` and cancels it once `rows` candidates have finished. */
async function runAndCancel(view: Locator, table: string, target: string, rows: number): Promise<void> {
  await view.getByTestId('automl-table').selectOption(table);
  await view.getByTestId('automl-target').selectOption(target);
  await expect(view.getByTestId('automl-task')).toContainText('binary');
  await view.getByTestId('automl-budget').fill('120');
  await view.getByTestId('automl-run').click();
  await expect(view.getByTestId('automl-leaderboard-row').nth(rows - 1)).toBeVisible({ timeout: 90_000 });
  await view.getByTestId('automl-cancel').click();
  await expect(view.getByTestId('automl-run')).toBeEnabled();
}

test.describe('work is kept and the screen tells the truth', () => {
  test('Cancel keeps the candidates that finished (marked cancelled) and a reload restores them', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
    const view = await openAutoML(page);
    await runAndCancel(view, 'leads', 'converted', 2);

    const context = view.getByTestId('automl-result-context');
    await expect(context).toHaveAttribute('data-status', 'cancelled');
    await expect(context).toContainText('leads → converted');
    await expect(view.getByTestId('automl-cancelled')).toContainText('best so far');
    const kept = await view.getByTestId('automl-leaderboard-row').count();
    expect(kept).toBeGreaterThanOrEqual(2);
    // The progress line is gone with the run: nothing says "Searching… 1 running" any more.
    await expect(view.getByTestId('automl-progress')).toHaveCount(0);
    await expect(view).not.toContainText('running');
    await context.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/work-kept-cancelled.png' });

    await page.reload();
    await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
    const again = await openAutoML(page);
    await expect(again.getByTestId('automl-result-context')).toHaveAttribute('data-status', 'cancelled');
    await expect(again.getByTestId('automl-result-context')).toContainText('leads → converted');
    await expect(again.getByTestId('automl-leaderboard-row')).toHaveCount(kept);
    await again.getByTestId('automl-result-context').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/work-kept-after-reload.png' });
  });

  test('a table the user loaded comes back after a reload, in its data cell and in code', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('new-notebook').click();
    await expect(page.getByTestId('cell')).toHaveCount(1);
    await page.getByTestId('data-file-input').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(accountsCsv()) });
    const item = page.locator('[data-testid=table-item][data-table=accounts]');
    await expect(item).toBeVisible();
    await item.getByTestId('table-add-data-cell').click();
    await expect(page.locator('[data-testid=cell][data-kind=data]')).toHaveCount(1);
    const code = page.getByTestId('cell').first();
    await setSource(code, 'accounts.numRows()');
    await code.getByTestId('run-cell').click();
    await expect(code.getByTestId('output-result')).toHaveText('400');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

    await page.reload();
    await expect(page.locator('[data-testid=table-item][data-table=accounts]')).toBeVisible({ timeout: 30_000 });
    const dataCell = page.locator('[data-testid=cell][data-kind=data]');
    await expect(dataCell.getByTestId('data-cell-empty')).toHaveCount(0);
    await expect(dataCell).toContainText('region');
    const rerun = page.getByTestId('cell').first();
    await rerun.getByTestId('run-cell').click();
    await expect(rerun.getByTestId('output-result')).toHaveText('400');
    await dataCell.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/work-kept-table-reloaded.png' });
  });

  test('switching the AutoML table never shows another table’s results; another target marks them', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('data-file-input').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(accountsCsv()) });
    await expect(page.locator('[data-testid=table-item][data-table=accounts]')).toBeVisible();
    const view = await openAutoML(page);
    await runAndCancel(view, 'leads', 'converted', 1);
    await expect(view.getByTestId('automl-result-context')).toHaveAttribute('data-table', 'leads');

    // Another table: none of leads' results, not its leaderboard, not its curve.
    await view.getByTestId('automl-table').selectOption('accounts');
    await expect(view.getByTestId('automl-result-context')).toHaveCount(0);
    await expect(view.getByTestId('automl-leaderboard-row')).toHaveCount(0);
    await expect(view.getByTestId('automl-best-so-far')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/work-kept-switched-table.png' });

    // A run on accounts shows accounts' own results; back on leads, leads' come back, and a
    // different target marks them out of date.
    await runAndCancel(view, 'accounts', 'bought', 1);
    await expect(view.getByTestId('automl-result-context')).toHaveAttribute('data-table', 'accounts');
    await view.getByTestId('automl-table').selectOption('leads');
    await expect(view.getByTestId('automl-result-context')).toHaveAttribute('data-table', 'leads');
    await view.getByTestId('automl-target').selectOption('country');
    await expect(view.getByTestId('automl-stale')).toContainText('for target “converted”');
    await view.getByTestId('automl-result-context').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/work-kept-stale-target.png' });
  });

  test('New says where the previous notebook went, and Undo brings it back with its name', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('notebook-name')).toHaveText('demo.ipynb');
    const cells = await page.getByTestId('cell').count();
    await page.getByTestId('new-notebook').click();
    await expect(page.getByTestId('notebook-name')).toHaveText('Untitled.ipynb');
    await expect(page.getByTestId('notebook-notice').filter({ hasText: 'demo.ipynb was replaced' })).toBeVisible();
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('notebook-name')).toHaveText('demo.ipynb');
    await expect(page.getByTestId('cell')).toHaveCount(cells);
  });

  test('Interrupt stops a runaway for loop and keeps the variables; a cell that cannot stop restarts the kernel', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('new-notebook').click();
    const first = page.getByTestId('cell').first();
    await setSource(first, 'const kept = "still here"\nlet turns = 0\nfor (let i = 0; ; i++) {\n  turns = i\n}');
    await first.getByTestId('run-cell').click();
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'busy');
    await page.getByTestId('interrupt').click();
    await expect(page.getByTestId('notebook-notice').filter({ hasText: 'Variables are kept' })).toBeVisible();
    await expect(first.getByTestId('output-error')).toContainText('Interrupted');
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'idle');

    await page.getByTestId('add-code-cell').click();
    const second = page.getByTestId('cell').last();
    await setSource(second, '`${kept}, ${turns > 1000 ? "many" : "few"} turns`');
    await second.getByTestId('run-cell').click();
    await expect(second.getByTestId('output-result')).toHaveText("'still here, many turns'");
    await page.screenshot({ path: 'test-results/work-kept-interrupt.png' });

    // A cell blocked outside any loop cannot see the flag: the worker is replaced, and the notice says so.
    await page.getByTestId('add-code-cell').click();
    const third = page.getByTestId('cell').last();
    await setSource(third, 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)');
    await third.getByTestId('run-cell').click();
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'busy');
    await page.getByTestId('interrupt').click();
    await expect(page.getByTestId('notebook-notice').filter({ hasText: 'kernel was restarted: variables are cleared' })).toBeVisible();
    await expect(page.getByTestId('kernel-status')).toHaveAttribute('data-status', 'idle');
  });
});
