// The AutoML view on a regression target of the demo leads (historical_spend): the task is
// detected, the metric list switches to regression metrics, and the winner shows residual
// charts and a numeric what-if prediction.
import { test, expect } from '@playwright/test';

test('regression target: residual charts and a numeric what-if prediction', async ({ page }) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('./');
  await expect(page.locator('[data-testid=table-item][data-table=leads]')).toBeVisible({ timeout: 60_000 });
  const view = page.getByTestId('automl-view');
  await view.scrollIntoViewIfNeeded();
  await view.getByTestId('automl-target').selectOption('historical_spend');
  await expect(view.getByTestId('automl-task')).toContainText('regression');
  await expect(view.getByTestId('automl-metric')).toHaveValue('rmse');
  await view.getByTestId('automl-budget').fill('6');
  await view.getByTestId('automl-run').click();
  await expect(view.getByTestId('automl-winner')).toBeVisible({ timeout: 40_000 });
  await expect(view.getByTestId('automl-chart-residuals').locator('svg').first()).toBeVisible();
  await expect(view.getByTestId('automl-chart-residual-histogram').locator('svg').first()).toBeVisible();
  await expect(view.getByTestId('automl-chart-roc')).toHaveCount(0);
  await expect(view.getByTestId('automl-prediction')).toContainText(/\d/);
  await view.getByTestId('automl-charts').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/automl-regression.png' });
  expect(problems).toEqual([]);
});
