import { test, expect } from './fixtures';

// Tests share one browser context (fixtures.ts, for CI time): what one test stores must be gone
// in the next, or a saved scenario or a stored file would leak from test to test.
test.describe.configure({ mode: 'serial' });

test.describe('the shared test context starts each test as a first visit', () => {
  test('a test stores data in every place the app uses', async ({ page, context }) => {
    await page.goto('./icon-192.png');
    await page.evaluate(async () => {
      localStorage.setItem('territorio-test', '1');
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('territorio-test', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('s');
        r.onsuccess = () => {
          r.result.close();
          resolve();
        };
        r.onerror = () => reject(r.error);
      });
      await (await caches.open('territorio-test')).put('/x', new Response('x'));
    });
    await context.setOffline(true);
    expect(await page.evaluate(() => localStorage.getItem('territorio-test'))).toBe('1');
  });

  test('the next test finds none of it, and is online', async ({ page }) => {
    await page.goto('./icon-192.png');
    const left = await page.evaluate(async () => ({
      local: localStorage.getItem('territorio-test'),
      idb: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    expect(left).toEqual({ local: null, idb: [], caches: [] });
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  });
});
