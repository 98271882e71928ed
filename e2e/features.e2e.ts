// The Features view end to end: load the sample leads, derive features for `converted`, and see
// per-column types, derived sample values, importance and the sanity checker's removals; then
// switch a derivation off and change a column's type, see both in the rerun, and used by the
// AutoML view's tournament.
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const LEADS = fileURLToPath(new URL('../sample-data/public/leads.csv', import.meta.url));

test('derives features from the sample leads, shows importance, and reruns with a derivation off and a type changed', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('./');
  await expect(page.getByTestId('save-status')).not.toHaveAttribute('data-status', 'loading');
  await page.getByTestId('new-notebook').click();
  await page.getByTestId('data-file-input').setInputFiles(LEADS);
  await expect(page.locator('[data-testid=table-item][data-table="leads"]')).toBeVisible({ timeout: 60_000 });

  const view = page.getByTestId('features-view');
  await view.scrollIntoViewIfNeeded();
  await view.getByTestId('features-table').selectOption('leads');
  await view.getByTestId('features-target').selectOption('converted');
  await view.getByTestId('features-run').click();
  await expect(view.getByTestId('features-summary')).toContainText('binary target converted', { timeout: 60_000 });
  await expect(view.getByTestId('features-dropped')).toContainText('lead_id');
  const title = view.getByTestId('features-column-title');
  await expect(title.locator('select')).toHaveValue('title');
  await expect(title).toContainText('seniority_rank');
  // The categorical-or-text decision is shown with its reason (kernels/features/string-role.ts).
  await expect(view.getByTestId('features-column-name').getByTestId('role-reason')).toContainText('person names');
  const description = view.getByTestId('features-column-description');
  await expect(description).toContainText('word_count');
  // Employees: the supervised buckets read like the seed slide ("10-99", "100-499").
  const employees = view.getByTestId('features-column-employees');
  await expect(employees.locator('td', { hasText: /^\d+-\d+$/ }).first()).toBeVisible();
  if (process.env.FEATURES_SCREENSHOT) {
    await page.screenshot({ path: process.env.FEATURES_SCREENSHOT });
    await employees.screenshot({ path: process.env.FEATURES_SCREENSHOT.replace(/\.png$/, '-employees.png') });
  }

  // Importance from the quick GBDT: a share per column (bar) and per derived feature (header).
  await expect(title.locator('.ft-bar em')).toHaveText(/^\d+\.\d%$/);
  await expect(title.locator('th .ft-imp').first()).toHaveText(/^\d+\.\d%$/);
  const derivedCount = async () => Number(await view.getByTestId('features-summary').locator('b').nth(1).innerText());
  const before = await derivedCount();
  expect(before).toBeGreaterThan(20);

  // A derivation switched off: the rerun derives fewer features.
  await description.getByLabel('text-terms').uncheck();
  await expect(description.getByLabel('text-terms')).not.toBeChecked();
  await expect.poll(derivedCount, { timeout: 60_000 }).toBeLessThan(before);
  const withoutTerms = await derivedCount();

  // A type changed: country as an identifier is removed, says why, and is marked as the user's choice.
  const country = view.getByTestId('features-column-country');
  await country.locator('select').selectOption('id');
  await expect(country).toContainText('(set by you)', { timeout: 60_000 });
  await expect(country.locator('.ft-reason')).toContainText('removed', { timeout: 60_000 });
  await expect.poll(derivedCount, { timeout: 60_000 }).toBeLessThan(withoutTerms);
  await expect(view.getByTestId('features-dropped')).toContainText('country');

  // The AutoML view's tournament uses the same choices and says so.
  await page.getByTestId('view-tab-automl').click();
  const automl = page.getByTestId('automl-view');
  await automl.getByTestId('automl-table').selectOption('leads');
  await automl.getByTestId('automl-target').selectOption('converted');
  await expect(automl.getByTestId('automl-feature-choices')).toContainText('1 derivation off (description:text-terms), 1 type changed (country → id)');
  await automl.getByTestId('automl-budget').fill('4');
  await automl.getByTestId('automl-run').click();
  await expect(automl.getByTestId('automl-winner')).toBeVisible({ timeout: 60_000 });
  await expect(automl.getByTestId('automl-feature-choices')).toBeVisible();
  await automl.getByTestId('automl-feature-choices').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('automl-with-feature-choices.png') });
  expect(problems).toEqual([]);
});
