// Issue 15: a 700,000-row upload (about 30 MB) never blocks the page. The rows are read, joined
// and summarised in the user-file worker; the page gets a summary. The same file given as
// conflict events is refused in the worker with its own message. A long-task observer watches
// the main thread from the file input to the ranking that uses the file.
import path from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Page } from '@playwright/test';
import { test, expect, openApp, rankingRows } from './fixtures';

const ROWS = 700_000;

/** The built district codes, a numeric value with a decimal comma, a category and free text. */
function bigCsv(dir: string): { file: string; districts: string[] } {
  const topo = JSON.parse(readFileSync('public/data/limites_distritos.topojson', 'utf8')) as Topology;
  const districts = (topo.objects.distritos as GeometryCollection<{ ubigeo: string }>).geometries.map((g) => (g.properties as { ubigeo: string }).ubigeo);
  const lines = ['ubigeo;valor;estado;observacion'];
  for (let i = 0; i < ROWS; i++) {
    const d = districts[i % districts.length];
    lines.push(`${d};${i % 997},${i % 10};${['bueno', 'regular', 'malo'][i % 3]};revisión de campo número ${i}`);
  }
  const file = path.join(dir, 'inventario_grande.csv');
  writeFileSync(file, lines.join('\n'));
  return { file, districts };
}

/**
 * The longest main-thread task (long-task observer) while `act` runs and until `done` holds. The
 * wait is a cheap in-page predicate: Playwright's own locator polling (actionability checks, aria
 * snapshots) runs on the page's main thread and would be counted as the app's.
 */
async function longestTask(page: Page, act: () => Promise<unknown>, done: () => boolean): Promise<number> {
  // the app's own start-up work is over first: a full second with no long task
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        const obs = new PerformanceObserver(() => (last = performance.now()));
        obs.observe({ type: 'longtask', buffered: false });
        const check = () => (performance.now() - last > 1000 ? (obs.disconnect(), resolve()) : setTimeout(check, 100));
        check();
      }),
  );
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __obs?: PerformanceObserver };
    w.__long = [];
    w.__obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration)));
    w.__obs.observe({ type: 'longtask', buffered: false });
  });
  await act();
  await page.waitForFunction(done, null, { polling: 200, timeout: 120_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __obs?: PerformanceObserver };
    w.__obs?.disconnect();
    return Math.max(0, ...w.__long);
  });
}

test.describe('a 700,000-row upload (issue 15)', () => {
  let dir = '';
  let csv: { file: string; districts: string[] };
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'territorio-grande-'));
    csv = bigCsv(dir);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('as own data: read, joined and ranked with no main-thread task over 100 ms', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    // the app's own start-up work (the first stability run) is over: what is measured is the file
    await expect(page.locator('[data-testid="stability-note"] [data-testid="stability-status"]')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    const panel = page.getByTestId('user-data-panel');
    await panel.locator('> summary').click();
    // opening the panel loads the districts and the register the join needs; then the file is given
    await expect(panel).toHaveAttribute('data-territorio', 'listo', { timeout: 60_000 });
    const t0 = Date.now();
    const reading = await longestTask(
      page,
      () => panel.getByTestId('user-file-input').setInputFiles(csv.file),
      () => !!document.querySelector('[data-testid="join-rows"]')?.textContent?.includes('Unidas'),
    );
    const readMs = Date.now() - t0;
    const report = page.getByTestId('join-report');
    await expect(report.getByTestId('join-rows')).toHaveText(`Filas leídas: 700,000. Unidas: 700,000 (100.0 %), por distrito.`);
    await expect(report.locator('tr[data-column="valor"]')).toHaveAttribute('data-kind', 'numerico');
    await expect(report.locator('tr[data-column="estado"]')).toHaveAttribute('data-kind', 'categorico');
    const form = page.getByTestId('new-indicator');
    await form.getByTestId('indicator-column').selectOption('estado');
    await form.getByTestId('indicator-stat').selectOption('share');
    await form.getByTestId('indicator-categories').locator('label').filter({ hasText: 'malo' }).locator('input').check();
    await form.getByTestId('indicator-label').fill('Ambientes en mal estado');
    // adding it: the file kept in IndexedDB, the summary committed, the ranking and a stability run
    const adding = await longestTask(
      page,
      () => page.evaluate(() => (document.querySelector('[data-testid="indicator-add"]') as HTMLButtonElement).click()),
      () =>
        !!document.querySelector('[data-testid="user-indicators"]')?.textContent?.includes('700,000 filas') &&
        document.querySelector('[data-testid="stability-note"] [data-testid="stability-status"]')?.getAttribute('data-status') === 'ready',
    );
    const list = page.getByTestId('user-indicators');
    await expect(list).toContainText('inventario_grande.csv · 700,000 filas');
    await list.getByTestId('user-indicator-weight').fill('1000');
    await rankingRows(page).first().click();
    await expect(page.getByTestId('detail-panel')).toContainText('Ambientes en mal estado');
    // a third of the rows are «malo» in every district: the share the detail shows
    await expect(page.getByTestId('detail-panel')).toContainText(/33[.,]\d/);
    console.log(`700,000-row own-data file: report after ${readMs} ms; longest main-thread task ${reading.toFixed(0)} ms reading, ${adding.toFixed(0)} ms adding`);
    // the file's own work (read, profile, join, summary) never holds the page for 100 ms
    expect(reading).toBeLessThan(100);
    // adding the indicator re-ranks and re-renders like any weight change, whatever the file's size
    // (a weight change alone measures 70–120 ms on this 2-core machine with software WebGL: issue 16)
    expect(adding).toBeLessThan(250);
  });

  test('as conflict events: refused in the worker with the limit named, nothing loaded before is lost', async ({ page }) => {
    test.setTimeout(180_000);
    await openApp(page);
    await expect(page.locator('[data-testid="stability-note"] [data-testid="stability-status"]')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    const counts = page.getByTestId('conflict-counts');
    const before = await counts.textContent();
    const big = readFileSync(csv.file, 'utf8').replace('ubigeo;valor;estado;observacion', 'ubigeo;fecha;estado;caso').replace(/;(\d+),(\d);/g, ';2024-03;');
    const file = path.join(dir, 'eventos_grande.csv');
    writeFileSync(file, big);
    const max = await longestTask(
      page,
      () => page.getByTestId('conflict-upload').locator('input[type=file]').setInputFiles(file),
      () => !!document.querySelector('[data-testid="upload-error"]'),
    );
    await expect(page.getByTestId('upload-error')).toContainText('El archivo tiene 700,000 filas y una capa de conflictos admite hasta 50,000 eventos');
    expect(await counts.textContent()).toBe(before);
    console.log(`700,000-row conflict file: refused; longest main-thread task ${max.toFixed(0)} ms`);
    expect(max).toBeLessThan(100);
  });
});
