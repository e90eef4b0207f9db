// Issue 19 in the real app: «Tendencias» (a province's series checked against the Parquet, the
// projection computed by hand and offered only where the data suffice, a single period said as
// such, the before/after caveat) and «Seguimiento» (budget against spending entered and totalled,
// kept after a reload, a CSV loaded, a bad CSV refused in Spanish without losing the entries).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, openApp, runAxe } from './fixtures';

test.use({ bypassCSP: true });

const es = (x: number, digits = 0) => new Intl.NumberFormat('es-PE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);

async function population(ubigeo: string) {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const r = await conn.runAndReadAll(`SELECT pob_2007::DOUBLE p07, pob_2017::DOUBLE p17, pob_2022::DOUBLE p22 FROM 'public/data/provincias.parquet' WHERE ubigeo = '${ubigeo}'`);
  const row = r.getRowObjects()[0] as { p07: number; p17: number; p22: number };
  return { p07: Number(row.p07), p17: Number(row.p17), p22: Number(row.p22) };
}

test('«Tendencias»: a province over its periods, the projection by hand, gated by the data, and the before/after caveat', async ({ page }) => {
  await openApp(page);
  // from a province's detail: the view opens on that province
  await page.click('[data-testid="ranking-table"] tr[data-ubigeo="0801"]'); // Cusco province
  await page.getByTestId('detail-trends').click();
  const view = page.getByTestId('trends-view');
  await expect(view.getByTestId('trends-unit')).toHaveValue('0801');
  await view.getByTestId('trends-compare').selectOption('0802');

  // population: the four vintages, each with its kind, equal to the Parquet's
  const p = await population('0801');
  const pop = view.getByTestId('trend-poblacion');
  await expect(pop.locator('svg polyline')).toHaveCount(3); // the unit, the comparison, the median
  const row = pop.locator('tr[data-row="unit"] td');
  await expect(row).toHaveCount(4);
  await expect(row.nth(0)).toHaveText(es(p.p07));
  await expect(row.nth(1)).toHaveText(es(p.p17));
  await expect(row.nth(3)).toHaveText(es(p.p22));
  await expect(pop.locator('thead')).toContainText('2020proyección INEI');
  // the whole scope as one unit: Peru's 2017 census total (31,237,385, as SOURCES.md states it)
  await view.getByTestId('trends-unit').selectOption('ambito');
  await expect(row.nth(1)).toHaveText(es(31_237_385));
  await view.getByTestId('trends-unit').selectOption('0801');
  // a single period is said, not drawn
  const conflicts = view.getByTestId('trend-conflictos');
  await expect(conflicts.getByTestId('trend-single')).toHaveText(/Un solo periodo \(2024-03\)/);
  await expect(conflicts.locator('svg')).toHaveCount(0);

  // the projection: allowed for Peru's provinces, and the number is P2022 · (P2022/P2017)
  const projection = view.getByTestId('projection');
  await expect(projection).toHaveAttribute('data-allowed', 'true');
  await expect(projection.getByTestId('projection-on')).toContainText('196 de 196');
  const byHand = p.p22 * (p.p22 / p.p17);
  await expect(projection.getByTestId('projection-value').first()).toHaveText(es(byHand));
  // it can feed the ranking, labelled as a projection
  await projection.getByTestId('projection-use').click();
  await expect(projection.getByTestId('projection-in-ranking')).toContainText('10 puntos');
  await expect(projection.getByTestId('projection-in-ranking')).toContainText('proyección');

  // before/after: the scenario's first N with their change, and the caveat that it is not causal
  const evaluation = view.getByTestId('evaluation');
  await expect(evaluation.locator('tbody tr')).toHaveCount(11); // 10 + the median row
  await expect(evaluation.getByTestId('evaluation-caveat')).toContainText('no causal');
  await expect(view.getByText('No se ofrece: los datos no tienen historia del estado')).toBeVisible();
  expect(await runAxe(page)).toEqual([]);

  // the projection ranks: the weights panel gives it the 10 points
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(page.getByTestId('weight-input-poblacion_proyectada_2027')).toHaveValue('10');

  // districts of Ucayali: 17 of 19 have all three periods (89 %) — the rule asks 90 %, so it is off
  await page.getByTestId('level-select').selectOption('distrito');
  await page.getByTestId('scope-select').selectOption('25');
  await expect(page.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('open-trends').click();
  await expect(projection).toHaveAttribute('data-allowed', 'false', { timeout: 60_000 });
  await expect(projection.getByTestId('projection-off')).toHaveText(/^Datos insuficientes: análisis descriptivo\. Solo 17 de 19 unidades \(89\.5 %\) tienen los tres periodos/);
  await expect(projection.getByTestId('projection-value')).toHaveCount(0);
  await expect(projection.getByTestId('projection-in-ranking')).toContainText('no tiene valores');

  // and the districts of Ayacucho (118 of 124, 95 %) have it
  await page.keyboard.press('Escape');
  await page.getByTestId('scope-select').selectOption('05');
  await page.getByTestId('open-trends').click();
  await expect(projection).toHaveAttribute('data-allowed', 'true', { timeout: 60_000 });
  await expect(projection.getByTestId('projection-on')).toContainText('118 de 124');
});

test('«Seguimiento»: budget and spending entered, totalled, kept after a reload, loaded from a CSV, a bad CSV refused', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-monitoring').click();
  const view = page.getByTestId('monitoring-view');
  await expect(view.getByTestId('monitoring-empty')).toBeVisible();

  const enter = async (ubigeo: string, planned: string, executed: string) => {
    await view.getByTestId('monitoring-unit').selectOption(ubigeo);
    await view.getByTestId('monitoring-planned').fill(planned);
    await view.getByTestId('monitoring-executed').fill(executed);
    await view.getByTestId('monitoring-add').click();
  };
  await enter('0801', '1,000,000.50', '250000');
  await view.getByTestId('monitoring-date').fill('2026-06-30');
  await enter('0802', '500000', '600000,25'); // a decimal comma, as Peruvian Excel writes it
  // a wrong amount is named and not saved
  await enter('0803', 'mucho', '');
  await expect(view.getByTestId('monitoring-form-error')).toContainText('«mucho» no es un monto válido');
  await expect(view.locator('tbody tr')).toHaveCount(2);

  const planned = 1_000_000.5 + 500_000;
  const executed = 250_000 + 600_000.25;
  const checkTotals = async () => {
    await expect(view.getByTestId('monitoring-total-planned')).toHaveText(es(planned, 2));
    await expect(view.getByTestId('monitoring-total-executed')).toHaveText(es(executed, 2));
    await expect(view.getByTestId('monitoring-total-share')).toHaveText(`${es((100 * executed) / planned, 1)} %`);
    await expect(view.getByTestId('monitoring-total-gap')).toHaveText(es(planned - executed, 2));
  };
  await checkTotals();
  await expect(view.locator('tr[data-ubigeo="0802"] [data-testid="monitoring-row-share"]')).toHaveText(`${es(120, 1)} %`);
  await expect(view).toContainText('1 unidad gastó más de lo planificado.');
  expect(await runAxe(page)).toEqual([]);

  // an amount edited in the table
  const cell = view.locator('tr[data-ubigeo="0801"] [data-testid="monitoring-row-executed"]');
  await cell.fill('300000');
  await cell.press('Enter');
  await expect(view.getByTestId('monitoring-total-executed')).toHaveText(es(300_000 + 600_000.25, 2));
  await cell.fill('250000');
  await cell.press('Enter');

  // kept with the scenario after a reload
  await page.keyboard.press('Escape');
  await page.reload();
  await openApp(page);
  await page.getByTestId('open-monitoring').click();
  await checkTotals();

  // a CSV as offices write it: «;», decimal commas, PIM / devengado, a zero lost from the UBIGEO, a bad row
  const dir = tmpdir();
  const good = join(dir, 'montos.csv');
  writeFileSync(good, 'UBIGEO;PIM;Devengado;Fecha\n803;2.000.000,00;1.500.000,00;15/07/2026\n9999;1,00;1,00;\n0804;abc;;\n', 'latin1');
  await view.getByTestId('monitoring-file').setInputFiles(good);
  await expect(view.getByTestId('monitoring-file-message')).toContainText('montos.csv: 1 unidad cargada.');
  await expect(view.getByTestId('monitoring-file-message')).toContainText('3 (UBIGEO que la aplicación no conoce), 4 (monto no válido o vacío)');
  await expect(view.locator('tbody tr')).toHaveCount(3);
  await expect(view.getByTestId('monitoring-total-planned')).toHaveText(es(planned + 2_000_000, 2));

  // a file without a UBIGEO column: a precise message, the entries untouched
  const bad = join(dir, 'sin_ubigeo.csv');
  writeFileSync(bad, 'provincia,monto\nCusco,100\n');
  await view.getByTestId('monitoring-file').setInputFiles(bad);
  await expect(view.getByTestId('monitoring-file-message')).toHaveText('El archivo no tiene una columna de UBIGEO (columnas: provincia, monto).');
  await expect(view.locator('tbody tr')).toHaveCount(3);

  // the CSV out has a row per unit and the total
  const [file] = await Promise.all([page.waitForEvent('download'), view.getByTestId('monitoring-download').click()]);
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync((await file.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
  expect(csv[0]).toBe('ubigeo,unidad,planificado,ejecutado,fecha,pct_ejecutado,brecha');
  expect(csv).toHaveLength(5);
  expect(csv[4].startsWith(',TOTAL,3500000.5,')).toBe(true);

  // the printable report carries the same totals
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-monitoring')).toContainText(`Planificado S/ ${es(planned + 2_000_000, 2)}`);
  await expect(page.getByTestId('report-monitoring').locator('tbody tr')).toHaveCount(3);
});
