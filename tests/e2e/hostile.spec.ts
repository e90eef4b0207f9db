import { deflateRawSync } from 'node:zlib';
import { test, expect, openApp } from './fixtures';

test.describe('hostile input', () => {
  test('a zip-bomb link is refused in under a second, without freezing the page', async ({ page }) => {
    await openApp(page);
    // 80 MB of zeros deflate to ~78 KB: a link short enough to be read, that inflates far past the cap
    const bomb = deflateRawSync(Buffer.alloc(80 * 1024 * 1024)).toString('base64url');
    const timing = await page.evaluate(async (param) => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const t0 = performance.now();
      window.location.hash = `e=${param}`;
      for (;;) {
        const notice = document.querySelector('[data-testid="scenario-notice"]');
        if (notice?.textContent) break;
        await new Promise((r) => setTimeout(r, 10));
        if (performance.now() - t0 > 20_000) break;
      }
      const elapsed = performance.now() - t0;
      observer.disconnect();
      return { elapsed, longest: Math.max(0, ...longTasks) };
    }, bomb);
    await expect(page.getByTestId('scenario-notice')).toContainText(/enlace|link/i);
    console.log(`zip-bomb link: refused after ${timing.elapsed.toFixed(0)} ms, longest main-thread task ${timing.longest.toFixed(0)} ms`);
    expect(timing.elapsed).toBeLessThan(1000);
    expect(timing.longest).toBeLessThan(200);
    // the app is still there, with its ranking
    await expect(page.getByTestId('ranking-table').locator('tbody tr').first()).toBeVisible();
  });
});
