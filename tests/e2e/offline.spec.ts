import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, tableRows } from './fixtures';
import { startPreview, stopPreview } from '../browser/previewServer';

// The service worker is blocked in the other specs (playwright.config.ts); here it is the subject.
test.use({ serviceWorkers: 'allow' });

test.describe('offline workshop (issue 15)', () => {
  test('after one visit the app reloads and ranks with the network cut, the scenario intact', async ({ page, context }) => {
    await openApp(page);
    // the service worker has stored the app, the DuckDB wasm and the data
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('offline-ready')).toContainText('funciona sin conexión');
    // a change of the user's own, to see it survive
    await page.getByTestId('weight-input-pobreza_pct').fill('77');
    await page.getByTestId('weight-input-pobreza_pct').blur();
    const before = (await tableRows(page)).map((r) => r.ubigeo);

    await context.setOffline(true);
    const failed: string[] = [];
    // what the network cut would break (ERR_INTERNET_DISCONNECTED); a request the reload aborts is not one
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${r.failure()?.errorText}`);
    });
    await page.reload();
    await openApp(page);
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('77');
    expect((await tableRows(page)).map((r) => r.ubigeo)).toEqual(before);
    // a lazy load works offline too: the districts
    await page.getByTestId('level-select').selectOption('distrito');
    await expect(page.locator('[data-testid="ranking-table"] tbody tr').first()).toBeVisible({ timeout: 60_000 });
    expect(failed).toEqual([]);
    // the browser's «offline» event brings the notice (headless Chromium keeps navigator.onLine
    // true under Playwright's network emulation, so the event is sent here by hand)
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await expect(page.getByTestId('offline-banner')).toContainText('Sin conexión');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  });

  test('a service worker that cannot be installed is said plainly, and the app goes on', async ({ page, context }) => {
    await context.route('**/sw.js', (route) => route.fulfill({ status: 404, body: 'No encontrado' }));
    await openApp(page);
    await expect(page.getByTestId('offline-failed')).toContainText('No se pudo guardar Territorio para usarlo sin conexión');
    await expect(page.getByTestId('ranking-table').locator('tbody tr').first()).toBeVisible();
  });

  test('the app is installable: a manifest with name, start URL and icons', async ({ page, request }) => {
    await openApp(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await request.get(new URL(href!, page.url()).href)).json()) as { name: string; start_url: string; display: string; icons: { sizes: string }[] };
    expect(manifest.name).toContain('Territorio');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) expect((await request.get(new URL((icon as unknown as { src: string }).src, page.url()).href)).ok()).toBe(true);
  });

  test('a new version waits until the user accepts it, updating keeps the open scenario, and another open tab is told to reload', async ({ page }) => {
    // a copy of the build on its own server, so a «new version» can be published in place
    const dir = mkdtempSync(join(tmpdir(), 'territorio-sw-'));
    cpSync(process.env.E2E_DIST ?? 'dist', dir, { recursive: true });
    let server = await startPreview(dir, 4197);
    try {
      await page.goto(server.url);
      await expect(page.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 120_000 });
      // a second tab of the same app, controlled by the same worker
      const other = await page.context().newPage();
      await other.goto(server.url);
      await expect(other.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
      // its engine ready and its page controlled by the worker (the table comes before both)
      await expect(other.locator('main.workspace')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
      await other.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
      await page.getByTestId('weight-input-pobreza_pct').fill('66');
      await page.getByTestId('weight-input-pobreza_pct').blur();
      // publish: any change of the service worker's bytes is a new version (the server restarts:
      // it reads the folder's file list and sizes once)
      stopPreview(server);
      appendFileSync(join(dir, 'sw.js'), '\n// nueva versión\n');
      server = await startPreview(dir, 4197);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notice = page.getByTestId('app-update');
      await expect(notice).toContainText('Hay una versión nueva', { timeout: 60_000 });
      // nothing changes until the user says so
      await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('66');
      await Promise.all([page.waitForEvent('framenavigated'), page.getByTestId('apply-update').click()]);
      await expect(page.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
      await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('66');
      await expect(page.getByTestId('apply-update')).toHaveCount(0);
      // the other tab runs the old code under the new worker: it says so and offers the reload
      await expect(other.getByTestId('updated-elsewhere')).toContainText('se actualizó desde otra pestaña', { timeout: 30_000 });
      // it did not reload on its own: its own notice of the restored working copy never came
      await expect(other.getByTestId('scenario-notice')).toHaveCount(0);
      await expect(other.getByTestId('apply-update')).toHaveCount(0);
      await Promise.all([other.waitForEvent('framenavigated'), other.getByTestId('reload-updated').click()]);
      await expect(other.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
      await expect(other.getByTestId('updated-elsewhere')).toHaveCount(0);
      await other.close();
    } finally {
      stopPreview(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
