// Shared by the end-to-end tests that measure the main thread: wait for the app to finish starting.
import type { Page } from '@playwright/test';

/**
 * Waits until the page has had no long task for `quietMs` (at most `maxMs`): the notebook's
 * editors finish their start-up work, so what is measured afterwards is the view under test.
 */
export async function waitForQuiet(page: Page, quietMs = 1500, maxMs = 20_000): Promise<void> {
  await page.evaluate(({ quietMs, maxMs }) => new Promise<void>((resolve) => {
    let last = performance.now();
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) last = Math.max(last, entry.startTime + entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const started = performance.now();
    const check = () => {
      const now = performance.now();
      if (now - last >= quietMs || now - started >= maxMs) {
        observer.disconnect();
        resolve();
      } else setTimeout(check, 100);
    };
    check();
  }), { quietMs, maxMs });
}
