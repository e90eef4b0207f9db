// Issue 13: a regional office's own files through the real file input — read in the worker,
// joined, reported, turned into a ranking indicator, mapped, kept in IndexedDB across a reload —
// and every bad file with its own Spanish message. Fixtures: tests/fixtures/userData (synthetic).
import path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test, expect, openApp, hoverLonLat, rankingRows, pixelAt, screenOf } from './fixtures';
import { districtInteriorPoints, provinceInteriorPoints } from './geo';
import type { Page } from '@playwright/test';

const FIXTURES = path.resolve('tests/fixtures/userData');
const panel = (page: Page) => page.getByTestId('user-data-panel');

async function load(page: Page, file: string) {
  const p = panel(page);
  if (!(await p.evaluate((d) => (d as HTMLDetailsElement).open))) await p.locator('> summary').click();
  await p.getByTestId('user-file-input').setInputFiles(path.join(FIXTURES, file));
}

test.describe('own data (issue 13)', () => {
  test('a Windows-1252 `;` CSV with decimal commas becomes an indicator: report, ranking, map, reload', async ({ page, requests }) => {
    await openApp(page);
    await load(page, 'prueba_brecha_distritos_w1252.csv');
    const report = page.getByTestId('join-report');
    await expect(report.getByTestId('join-rows')).toHaveText('Filas leídas: 11. Unidas: 10 (90.9 %), por distrito.');
    await expect(report).toContainText('Se restituyeron los ceros iniciales de 10 códigos.');
    await expect(report.getByTestId('join-unmatched')).toContainText('999999');
    await expect(report).toContainText('CSV (windows-1252, «;»)');
    await expect(report.locator('tr[data-column="Índice de brecha"]')).toHaveAttribute('data-kind', 'numerico');
    await expect(report.locator('tr[data-column="Índice de brecha"]')).toContainText('coma decimal');
    await expect(report.locator('tr[data-column="Riesgo"]')).toHaveAttribute('data-kind', 'categorico');
    await expect(page.getByTestId('user-file-warnings')).toContainText('Windows-1252');

    const form = page.getByTestId('new-indicator');
    await form.getByTestId('indicator-column').selectOption('Índice de brecha');
    await form.getByTestId('indicator-stat').selectOption('mean');
    await form.getByTestId('indicator-label').fill('Brecha de prueba');
    await form.getByTestId('indicator-unit').fill('puntos');
    await form.getByTestId('indicator-vintage').fill('2025');
    await form.getByTestId('indicator-add').click();
    const list = page.getByTestId('user-indicators');
    await expect(list).toContainText('Brecha de prueba');
    await expect(list).toContainText('prueba_brecha_distritos_w1252.csv · 11 filas');
    // beside the open-data proxy it replaces: at province level only Chachapoyas has both values
    await list.getByTestId('proxy-details').locator('summary').click();
    await expect(list.getByTestId('proxy-comparison')).toContainText('Solo 1 unidad tiene ambos valores');
    // weight 1000: Chachapoyas (the only province the file covers) tops the ranking
    await list.getByTestId('user-indicator-weight').fill('1000');
    const mean = '43.75 puntos'; // mean of the ten districts' values
    await expect(rankingRows(page).first()).toContainText('Chachapoyas');
    await rankingRows(page).first().click();
    await expect(page.getByTestId('detail-panel')).toContainText('Brecha de prueba');
    await expect(page.getByTestId('detail-panel')).toContainText(mean);
    // on the map: the tooltip over Chachapoyas names the indicator and its value
    const [lon, lat] = provinceInteriorPoints().get('0101')!;
    await page.mouse.move(5, 5);
    await hoverLonLat(page, lon, lat);
    await expect(page.getByTestId('map-tooltip')).toContainText(`Brecha de prueba: ${mean}`);

    // a reload reopens the working scenario with the file, read again from IndexedDB
    await page.reload();
    await openApp(page);
    await expect(rankingRows(page).first()).toContainText('Chachapoyas', { timeout: 30_000 });
    await panel(page).locator('> summary').click();
    await expect(page.getByTestId('user-indicators')).toContainText('Brecha de prueba');
    await expect(page.getByTestId('user-file-missing')).toHaveCount(0);
    await rankingRows(page).first().click();
    await expect(page.getByTestId('detail-panel')).toContainText(mean);
    // nothing left the page's origin: the file was read, kept and reopened locally
    const origin = new URL(page.url()).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  test('a user indicator gets a map of its own: its values in quantiles, a legend in its unit, back to the score', async ({ page }) => {
    await openApp(page);
    await load(page, 'prueba_brecha_distritos_w1252.csv');
    const form = page.getByTestId('new-indicator');
    await form.getByTestId('indicator-column').selectOption('Índice de brecha');
    await form.getByTestId('indicator-stat').selectOption('mean');
    await form.getByTestId('indicator-label').fill('Brecha de prueba');
    await form.getByTestId('indicator-unit').fill('puntos');
    await form.getByTestId('indicator-add').click();
    // the districts of Chachapoyas: the file covers ten of them (10.0 … 77.5, step 7.5)
    await page.getByTestId('level-select').selectOption('distrito');
    await page.getByTestId('scope-select').selectOption({ label: 'Amazonas' });
    await page.getByTestId('province-select').selectOption({ value: '0101' });
    await page.locator('[data-layer="labels"] input[type=checkbox]').uncheck();
    const legend = page.getByTestId('legend-choropleth');
    await expect(legend).toContainText('Puntaje de prioridad');
    await page.getByTestId('user-indicators').getByTestId('user-indicator-map').click();
    await expect(legend.locator('h2')).toHaveText('Brecha de prueba (cuantiles)');
    await expect(page.getByTestId('legend-indicator-note')).toContainText('más oscuro = valores más altos');
    // five classes of two values each, darkest first, bounded by values the districts have
    const rows = legend.locator('ul > li');
    await expect(rows.nth(0)).toHaveText(/^70[.,]0+ puntos – 77[.,]50? puntos \(mayor prioridad\)$/);
    await expect(rows.nth(4)).toHaveText(/^10[.,]0+ puntos – 17[.,]50? puntos \(menor prioridad\)$/);
    // on screen: the highest value (010110) in the darkest red, the lowest (010101) in the palest yellow
    const points = districtInteriorPoints();
    const at = async (ubigeo: string) => {
      const [lon, lat] = points.get(ubigeo)!;
      const p = await screenOf(page, lon, lat);
      return pixelAt(page, p.x, p.y);
    };
    await expect.poll(async () => (await at('010110'))[1], { timeout: 15_000 }).toBeLessThan(90);
    expect((await at('010101'))[1]).toBeGreaterThan(200);
    // the tooltip names the mapped indicator first
    const [lon, lat] = points.get('010110')!;
    await page.mouse.move(5, 5);
    await hoverLonLat(page, lon, lat);
    await expect(page.getByTestId('tooltip-mapped')).toContainText(/Brecha de prueba: 77[.,]50? puntos \(en el mapa\)/);
    // the legend's own control shows it too, and turning back gives the score's legend
    await page.getByText('Clases y destacados').click();
    await expect(page.getByTestId('class-mode')).toHaveValue('indicator');
    await expect(page.getByTestId('class-indicator')).toHaveValue(/^u_/);
    await page.getByTestId('user-indicators').getByTestId('user-indicator-map').click();
    await expect(legend.locator('h2')).toHaveText('Puntaje de prioridad');
    await expect(page.getByTestId('class-mode')).toHaveValue('equal');
  });

  test('the facility-condition template (XLSX) gives MINSA’s gap and replaces the age proxy', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('weight-input-antiguedad_mediana')).not.toHaveValue('0');
    await load(page, 'prueba_condicion_establecimientos.xlsx');
    await expect(page.getByTestId('user-file-sheet')).toHaveValue('establecimientos');
    await expect(page.getByTestId('join-rows')).toHaveText('Filas leídas: 12. Unidas: 12 (100.0 %), por establecimiento.');
    await expect(page.getByTestId('join-report')).toContainText('XLSX («establecimientos»)');
    await page.getByTestId('use-minsa').click();
    await expect(page.getByTestId('user-indicators')).toContainText('Establecimientos del primer nivel con capacidad instalada inadecuada');
    // the age indicators are switched off (their weight inputs go away) and the ranking uses the declared condition
    await expect(page.getByTestId('weight-input-antiguedad_mediana')).toHaveCount(0);
    await expect(page.getByTestId('weight-input-pct_antiguos')).toHaveCount(0);
    await expect(page.getByTestId('user-indicator-weight')).toHaveValue('45');
    // the facility card shows what the file says about the facility (4839, TAQUIA), as text
    await page.getByTestId('search-input').fill('taquia');
    await page.getByRole('listbox').getByRole('option', { name: /TAQUIA/ }).first().click();
    const card = page.getByTestId('facility-card');
    await expect(card.getByTestId('facility-user-data')).toContainText('prueba_condicion_establecimientos.xlsx');
    await expect(card.getByTestId('facility-user-data')).toContainText('estado_infraestructura');
    await expect(card.getByTestId('facility-user-data')).toContainText('bueno');
    // the other sheet can be picked
    await load(page, 'prueba_condicion_establecimientos.xlsx');
    await page.getByTestId('user-file-sheet').selectOption('notas');
    await expect(page.getByTestId('key-kind')).toHaveValue('');
  });

  test('an inventory whose header takes two rows (merged cells) is read with joined names and gives a share indicator', async ({ page }) => {
    await openApp(page);
    await load(page, 'prueba_encabezado_dos_filas.xlsx');
    await expect(page.getByTestId('user-file-warnings')).toContainText('El encabezado ocupa dos filas (3 y 4, celdas combinadas)');
    await expect(page.getByTestId('join-rows')).toHaveText('Filas leídas: 3. Unidas: 3 (100.0 %), por establecimiento.');
    const column = 'Estado de conservación – Infraestructura';
    await expect(page.getByTestId('join-report').locator(`tr[data-column="${column}"]`)).toHaveAttribute('data-kind', 'categorico');
    const form = page.getByTestId('new-indicator');
    await form.getByTestId('indicator-column').selectOption(column);
    await form.getByTestId('indicator-stat').selectOption('share');
    await form.getByTestId('indicator-categories').getByLabel(/^\s*malo \(/i).check();
    await form.getByTestId('indicator-label').fill('Infraestructura en mal estado');
    await form.getByTestId('indicator-add').click();
    await expect(page.getByTestId('user-indicators')).toContainText('Infraestructura en mal estado');
    // Chachapoyas: its two facilities in the file (4839, 4840) are both «Malo»
    await page.locator('tr[data-ubigeo="0101"]').click();
    await expect(page.getByTestId('detail-panel')).toContainText(/Infraestructura en mal estado\D*100/);
  });

  test('Parquet (province codes as integers) and GeoJSON points are joined and reported', async ({ page }) => {
    await openApp(page);
    await load(page, 'prueba_provincias.parquet');
    await expect(page.getByTestId('join-rows')).toHaveText('Filas leídas: 4. Unidas: 3 (75.0 %), por provincia.');
    await expect(page.getByTestId('join-unmatched')).toContainText('9999');
    await load(page, 'prueba_puntos.geojson');
    await expect(page.getByTestId('join-rows')).toHaveText('Filas leídas: 4. Unidas: 3 (75.0 %), por punto (coordenadas).');
    await expect(page.getByTestId('join-report').locator('tr[data-column="estado"]')).toHaveAttribute('data-kind', 'categorico');
  });

  test('each bad file gets its own Spanish message, and the app and earlier work stay', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('weight-input-pobreza_pct').fill('40');
    const error = page.getByTestId('user-file-error');
    const cases: [string, RegExp][] = [
      ['prueba_vacio.csv', /El archivo «prueba_vacio.csv» está vacío/],
      ['prueba_binario.csv', /es un archivo binario, no un texto/],
      ['prueba_pagina.csv', /es una página web \(HTML\), no una tabla/],
      ['prueba_irregular.csv', /2 filas no tienen 2 campos como el encabezado: fila 3 \(3\), fila 4 \(1\)/],
      ['prueba_truncado.xlsx', /No se pudo leer el libro de Excel «prueba_truncado.xlsx»: está dañado o incompleto/],
      ['prueba_truncado.parquet', /No se pudo leer el archivo Parquet/],
      ['prueba_personal.csv', /datos personales: «dni» \(documento de identidad\)/],
    ];
    for (const [file, message] of cases) {
      await load(page, file);
      await expect(error).toContainText(message);
    }
    // personal data: drop the column and continue
    await page.getByTestId('drop-personal').click();
    await expect(page.getByTestId('join-rows')).toContainText('Filas leídas: 2. Unidas: 2');
    await expect(page.getByTestId('user-file-read')).toContainText('Se quitaron las columnas «dni»');
    // no key column: the user is asked for one
    await load(page, 'prueba_sin_clave.csv');
    await expect(page.getByTestId('user-file-read')).toContainText('No se reconoció una columna clave');
    // a key column that is not there
    await page.getByTestId('key-kind').selectOption('ubigeo');
    await expect(page.getByTestId('join-rows')).toContainText('Unidas: 0');
    await expect(page.getByTestId('join-none')).toContainText('Ningún código del archivo coincide con distrito');
    await load(page, 'prueba_sin_coincidencias.csv');
    await expect(page.getByTestId('join-none')).toContainText('999901');
    await expect(page.getByTestId('new-indicator')).toHaveCount(0);
    await load(page, 'prueba_texto_en_numeros.csv');
    await expect(page.getByTestId('not-numbers')).toContainText('1 valor no numérico: «no sabe» (3)');
    // file text is text: a formula-looking cell shows as written, never as markup or a formula
    await load(page, 'prueba_formulas.csv');
    await expect(page.getByTestId('join-report').locator('tr[data-column="nota"]')).toBeVisible();
    // a file over the limit is refused before it is read (the tab never freezes)
    const big = path.join(tmpdir(), 'territorio_prueba_grande.csv');
    writeFileSync(big, Buffer.alloc(200 * 1024 * 1024, 0x61));
    try {
      await panel(page).getByTestId('user-file-input').setInputFiles(big);
      await expect(error).toContainText(/«territorio_prueba_grande.csv» pesa 200[.,]0 MB; el máximo es 50[.,]0 MB/);
    } finally {
      rmSync(big, { force: true });
    }
    // the earlier work is intact
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('40');
    await expect(page.getByTestId('ranking-table')).toBeVisible();
  });
});
