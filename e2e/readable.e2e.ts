// Answers a person can read (issue 16), seen in Chromium: the column filter takes >1000 and says
// inline why it rejects a filter; a skewed column's histogram opens on a log scale; the Features
// view's controls look like the rest of the app, with an empty state that says what to do.
import { test, expect, type Locator, type Page } from '@playwright/test';

/** Companies: most small, a long tail of large ones (like leads.csv's employees). */
function companiesCsv(): string {
  const lines = ['company,employees,founded,customer'];
  for (let i = 0; i < 600; i++) {
    const employees = Math.round(5 * Math.exp((((i * 7919) % 600) / 600) * 9.5));
    lines.push(`c${i},${employees},${2000 + (i % 20)}-0${1 + (i % 9)}-1${i % 10},${employees > 300 || i % 5 === 0 ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

function header(view: Locator, column: string): Locator {
  return view.locator(`[data-testid=data-column][data-column="${column}"]`);
}

async function openCompanies(page: Page): Promise<Locator> {
  await page.goto('./');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'loading');
  await page.getByTestId('new-notebook').click();
  await page.getByTestId('data-file-input').setInputFiles({ name: 'companies.csv', mimeType: 'text/csv', buffer: Buffer.from(companiesCsv()) });
  const item = page.locator('[data-testid=table-item][data-table=companies]');
  await expect(item).toBeVisible();
  await item.getByTestId('table-add-data-cell').click();
  return page.locator('[data-testid=data-view][data-table=companies]');
}

test('the column filter takes >1000 and <5, and shows why it rejects one; a skewed histogram opens on a log scale', async ({ page }) => {
  const view = await openCompanies(page);
  await expect(view.getByTestId('data-row-count')).toHaveText('600 of 600 rows');
  const box = header(view, 'employees').getByTestId('data-column-filter');
  await box.fill('>1000');
  await box.press('Enter');
  await expect(view.getByTestId('data-row-count')).not.toHaveText('600 of 600 rows');
  const over = Number((await view.getByTestId('data-row-count').innerText()).split(' ')[0].replace(/,/g, ''));
  await box.fill('<=1000');
  await box.press('Enter');
  await expect(view.getByTestId('data-row-count')).toHaveText(`${600 - over} of 600 rows`);
  await box.fill('>lots');
  await box.press('Enter');
  await expect(view.getByTestId('data-filter-errors')).toContainText('Filter on employees not applied: "lots" is not a number');
  await view.getByTestId('data-filter-errors').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/readable-filter.png' });
  await box.fill('');
  await box.press('Enter');

  await header(view, 'employees').getByTestId('data-column-info').click();
  const panel = view.getByTestId('data-profile-panel');
  await expect(panel.getByTestId('data-profile-log')).toBeChecked();
  await expect(panel.getByTestId('data-profile-chart')).toContainText('employees (log scale)');
  // Most log bins hold rows (on a linear axis nearly all fall in the first bar).
  const filled = panel.getByTestId('data-profile-chart').locator('svg .mark-rect path:not([aria-label$="rows: 0"])');
  await expect(filled.first()).toBeVisible();
  expect(await filled.count()).toBeGreaterThan(10);
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/readable-log-histogram.png' });
});

test('the Features view says what to do before a run, and shows dates as dates after it', async ({ page }) => {
  await openCompanies(page);
  await page.getByTestId('view-tab-features').click();
  const view = page.getByTestId('features-view');
  await view.getByTestId('features-table').selectOption('companies');
  await expect(view.getByTestId('features-empty')).toContainText('Pick the target and press Derive features');
  await view.getByTestId('features-target').selectOption('customer');
  await view.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/readable-features-empty.png' });
  await view.getByTestId('features-run').click();
  await expect(view.getByTestId('features-summary')).toContainText('training rows', { timeout: 60_000 });
  await expect(view.getByTestId('features-summary')).toContainText('held out');
  const founded = view.getByTestId('features-column-founded');
  await expect(founded.locator('.ft-raw').first()).toHaveText(/^20\d\d-\d\d-\d\d$/);
  await founded.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/readable-features.png' });
});
