import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, openApp, differingPixels, screenOf } from './fixtures';
import type { Page } from '@playwright/test';

/** Rows straight from the built Parquet: expected values are never typed in by hand. */
async function conflicts(where = 'true') {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const r = await conn.runAndReadAll(`SELECT * FROM 'public/data/conflictos.parquet' WHERE ${where} ORDER BY id`);
  return r.getRowObjectsJson() as Record<string, string | number | boolean | null>[];
}

async function mapClip(page: Page, lon: number, lat: number, half = 40) {
  const p = await screenOf(page, lon, lat);
  return { x: p.x - half, y: p.y - half, width: 2 * half, height: 2 * half };
}

const layer = (page: Page, key: string) => page.locator(`[data-layer="${key}"] input[type=checkbox]`);
const es = (n: number) => new Intl.NumberFormat('es-PE').format(n);

test.describe('socio-environmental conflicts', () => {
  test('the heatmap sits where the cases are, and the time window moves the counts', async ({ page }) => {
    const all = await conflicts();
    await openApp(page);
    const counts = page.getByTestId('conflict-counts');
    await expect(counts).toContainText(`${es(all.length)} casos`);
    await expect(page.getByTestId('conflict-coverage')).toContainText('2024-03');

    // Cotabambas (Apurímac) has the most cases: the heatmap must change the map there.
    const cotabambas = all.find((r) => r.provincia === 'Cotabambas')!;
    await page.mouse.move(5, 5);
    const clip = await mapClip(page, Number(cotabambas.lon), Number(cotabambas.lat));
    const before = await page.screenshot({ clip });
    await layer(page, 'conflictHeatmap').check();
    await expect(page.getByTestId('legend-heat')).toBeVisible();
    await expect.poll(async () => differingPixels(page, before, await page.screenshot({ clip })), { timeout: 20_000 }).toBeGreaterThan(500);
    // …and not in the middle of the Amazon, where there are none (Purús, Ucayali).
    const purus = await mapClip(page, -70.7, -10.2, 15);
    const heatless = await page.screenshot({ clip: purus });
    await layer(page, 'conflictHeatmap').uncheck();
    expect(await differingPixels(page, heatless, await page.screenshot({ clip: purus }))).toBeLessThan(20);
    await layer(page, 'conflictHeatmap').check();

    // A month: the data's last month, March 2024 → every case; the month before → none.
    const window = page.getByTestId('time-window');
    await window.getByLabel('Periodo').selectOption('mes');
    await expect(page.getByTestId('window-label')).toContainText('1 mar. 2024');
    await expect(counts).toContainText(`${es(all.length)} casos`);
    await window.getByRole('button', { name: 'Mes anterior' }).click();
    await expect(page.getByTestId('window-label')).toContainText('1 feb. 2024');
    await expect(counts).toContainText('0 casos');
    // The heatmap follows the window: nothing left at Cotabambas.
    await expect.poll(async () => differingPixels(page, before, await page.screenshot({ clip })), { timeout: 20_000 }).toBeLessThan(50);
    // A week at the end of March still holds the monthly cases (the report covers the whole month).
    await window.getByLabel('Periodo').selectOption('semana');
    await expect(counts).toContainText(`${es(all.length)} casos`);
    await expect(page.getByTestId('conflict-coverage')).toContainText('mensual');
  });

  test('the conflict rate is a ranking indicator (weight 0 by default) and follows the window', async ({ page }) => {
    const cot = await conflicts(`provincia = 'Cotabambas' AND estado IN ('activo', 'latente')`);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const pop = Number(
      ((await conn.runAndReadAll(`SELECT pob_2017 FROM 'public/data/provincias.parquet' WHERE ubigeo = '0305'`)).getRowObjectsJson()[0] as { pob_2017: number }).pob_2017,
    );
    await openApp(page);
    await expect(page.getByTestId('weight-input-conflictos_por_100k')).toHaveValue('0');
    await page.getByTestId('weight-input-conflictos_por_100k').fill('20');
    await page.locator('tr[data-ubigeo="0305"]').click(); // Cotabambas
    const row = page.getByTestId('detail-panel').locator('tr[data-indicator="conflictos_por_100k"]');
    const rate = new Intl.NumberFormat('es-PE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format((cot.length * 100000) / pop);
    await expect(row.locator('td').first()).toHaveText(`${rate} por 100 000 hab.`);
    const window = page.getByTestId('time-window');
    await window.getByLabel('Periodo').selectOption('mes');
    await window.getByRole('button', { name: 'Mes anterior' }).click();
    await expect(row.locator('td').first()).toHaveText('0.00 por 100 000 hab.');
  });

  test('a click on a case opens its card: case, company, status, phase, source', async ({ page }) => {
    const [rio] = await conflicts(`caso LIKE 'Río Blanco%'`);
    await openApp(page);
    await expect(page.getByTestId('conflict-counts')).toContainText('casos'); // events loaded
    await page.mouse.move(5, 5);
    const clip = await mapClip(page, Number(rio.lon), Number(rio.lat), 10);
    const before = await page.screenshot({ clip });
    await layer(page, 'conflictPoints').check();
    await expect(page.getByTestId('legend-conflicts')).toBeVisible();
    // Click only once the point is drawn: a click on the province below would open its detail.
    await expect.poll(async () => differingPixels(page, before, await page.screenshot({ clip }))).toBeGreaterThan(20);
    const p = await screenOf(page, Number(rio.lon), Number(rio.lat));
    await page.mouse.click(p.x, p.y);
    const card = page.getByTestId('conflict-card');
    await expect(card).toContainText(String(rio.caso));
    await expect(card).toContainText(String(rio.empresa));
    await expect(card).toContainText('Latente');
    await expect(card).toContainText(String(rio.fase));
    await expect(card).toContainText('Defensoría del Pueblo');
  });

  test('hot spots: local Moran classes on the map with a legend and a stated seed', async ({ page }) => {
    await openApp(page);
    await layer(page, 'hotspots').check();
    await expect(page.getByTestId('legend-hotspots')).toContainText('Alto-alto');
    const summary = page.getByTestId('hotspot-summary');
    await expect(summary).toContainText('Alto-alto (punto caliente)');
    const hh = Number((await summary.locator('li', { hasText: 'Alto-alto' }).textContent())!.match(/(\d+)\s*$/)![1]);
    expect(hh).toBeGreaterThan(0);
    await expect(page.getByTestId('hotspot-params')).toContainText('semilla 20240301');
  });

  test('a user file of events adds its points; a bad file is refused and loses nothing', async ({ page }) => {
    const all = await conflicts();
    await openApp(page);
    await layer(page, 'conflictPoints').check();
    const counts = page.getByTestId('conflict-counts');
    await expect(counts).toContainText(`${es(all.length)} casos`);
    const upload = page.getByTestId('conflict-upload');
    // Excel-style: semicolons, Latin-1, one row that cannot be placed.
    const csv = [
      'fecha;departamento;provincia;distrito;estado;caso;lat;lon',
      '15/03/2024;Tumbes;Zarumilla;Aguas Verdes;activo;Derrame en el Zarumilla;-3,48;-80,25',
      '2024-03-20;Ucayali;Coronel Portillo;Callería;latente;Tala ilegal;;',
      '2024-03-21;Ucayali;Provincia Inventada;;activo;Sin lugar;;',
    ].join('\r\n');
    await upload.locator('input[type=file]').setInputFiles({ name: 'eventos.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
    const result = page.getByTestId('upload-result');
    await expect(result).toContainText('se añadieron 2 eventos');
    await expect(page.getByTestId('upload-rejected')).toContainText('fila 4');
    await expect(page.getByTestId('upload-rejected')).toContainText('Provincia Inventada');
    await expect(page.getByTestId('upload-warnings')).toContainText(/Windows-1252|Latin-1|latin/i);
    await expect(counts).toContainText(`${es(all.length + 2)} casos`);
    // the layer's source line names the user's file beside the published report (issue 17)
    await expect(page.locator('[data-layer="conflictPoints"] .layer-source')).toContainText('Defensoría del Pueblo');
    await expect(page.locator('[data-layer="conflictPoints"] .layer-source')).toContainText('+ 2 eventos de archivos propios («eventos.csv»');
    // The Aguas Verdes point (its own decimal-comma coordinates) is drawn and opens its card.
    await page.mouse.move(5, 5);
    const clip = await mapClip(page, -80.25, -3.48, 10);
    await layer(page, 'conflictPoints').uncheck();
    const before = await page.screenshot({ clip });
    await layer(page, 'conflictPoints').check();
    await expect.poll(async () => differingPixels(page, before, await page.screenshot({ clip }))).toBeGreaterThan(20);
    const point = await screenOf(page, -80.25, -3.48);
    await page.mouse.click(point.x, point.y);
    await expect(page.getByTestId('conflict-card')).toContainText('Derrame en el Zarumilla');

    // A file with personal data is refused with a precise message; the earlier file stays.
    const personal = 'fecha,ubigeo,estado,dni\n2024-03-01,030501,activo,45678912\n';
    await upload.locator('input[type=file]').setInputFiles({ name: 'personas.csv', mimeType: 'text/csv', buffer: Buffer.from(personal) });
    await expect(page.getByTestId('upload-error')).toContainText('datos personales');
    await expect(page.getByTestId('user-files')).toContainText('eventos.csv');
    await expect(counts).toContainText(`${es(all.length + 2)} casos`);
    // An empty file too.
    await upload.locator('input[type=file]').setInputFiles({ name: 'vacio.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect(page.getByTestId('upload-error')).toContainText('está vacío');
    await expect(counts).toContainText(`${es(all.length + 2)} casos`);

    // The file travels with the scenario in this browser: a reload reads it again from IndexedDB.
    await expect(page.getByTestId('user-files')).toContainText('eventos.csv');
    await page.reload();
    await openApp(page);
    await layer(page, 'conflictPoints').check();
    await expect(counts).toContainText(`${es(all.length + 2)} casos`, { timeout: 30_000 });
    await expect(page.getByTestId('user-files')).toContainText('eventos.csv');
    await expect(page.getByTestId('conflict-file-missing')).toHaveCount(0);
    // removed, its events stop counting; undone, they count again
    await page.getByTestId('user-files').getByRole('button', { name: 'quitar «eventos.csv»' }).click();
    await expect(counts).toContainText(`${es(all.length)} casos`);
    await page.getByRole('button', { name: 'Deshacer' }).click();
    await expect(counts).toContainText(`${es(all.length + 2)} casos`);
  });
});

test('a shared link made with uploaded events names the file before it is copied and when it is opened, and the ranking says it is without them', async ({ page, browser }) => {
  await openApp(page);
  const csv = ['fecha;departamento;provincia;distrito;estado;caso', '15/03/2024;Tumbes;Zarumilla;Aguas Verdes;activo;Derrame en el Zarumilla', '16/03/2024;Tumbes;Zarumilla;Aguas Verdes;activo;Otro derrame'].join('\r\n');
  await page.getByTestId('conflict-upload').locator('input[type=file]').setInputFiles({ name: 'eventos-mesa.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
  await expect(page.getByTestId('upload-result')).toContainText('se añadieron 2 eventos');
  await page.getByTestId('weight-input-conflictos_por_100k').fill('40');
  const rankOf = async (p: Page, ubigeo: string) => (await p.locator(`[data-testid="ranking-table"] tr[data-ubigeo="${ubigeo}"] td`).first().textContent())?.trim();
  const withEvents = await rankOf(page, '2403'); // Zarumilla (Tumbes)

  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('scenario-share').click();
  const link = await page.getByTestId('scenario-link').inputValue();
  // said before the link is copied
  await expect(page.getByTestId('scenario-link-files')).toContainText('«eventos-mesa.csv» (SHA-256');
  await expect(page.getByTestId('scenario-link-files')).toContainText('calculado sin ellos');

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    const notice = other.getByTestId('scenario-notice');
    await expect(notice).toContainText('no viajan en el enlace: «eventos-mesa.csv»', { timeout: 60_000 });
    await expect(notice).not.toContainText(/eventos (propios )?restaurados/);
    await expect(other.getByTestId('ranking-without-files')).toContainText('Calculado sin los archivos propios del enlace: «eventos-mesa.csv»');
    // and it is: the conflict weight came with the link, the events did not, so Zarumilla ranks lower
    await expect(other.getByTestId('weight-input-conflictos_por_100k')).toHaveValue('40');
    await expect(other.locator('[data-testid="ranking-table"] tr[data-ubigeo="2403"]')).toBeAttached({ timeout: 60_000 });
    expect(Number(await rankOf(other, '2403'))).toBeGreaterThan(Number(withEvents));
  } finally {
    await fresh.close();
  }
});
