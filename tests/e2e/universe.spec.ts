import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, openApp, parseScore, tableRows } from './fixtures';

// Issue 12: the facility universe is part of the scenario; switching it reruns the facility
// indicators' SQL, and the detail panel's counts are those a DuckDB query of the Parquet gives.
const parquet = path.resolve(process.env.E2E_DIST ?? 'dist', 'data', 'establecimientos.parquet');

async function count(where: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const r = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${parquet}') WHERE ${where}`);
    return Number(r.getRowObjects()[0].n);
  } finally {
    c.closeSync();
  }
}

test.describe('facility universe', () => {
  test('switching the universe to MINSA only changes the detail panel\'s facility counts to the Parquet\'s', async ({ page }) => {
    await openApp(page);
    const panel = page.getByTestId('universe-panel');
    await expect(panel.getByTestId('universe-institution-gore')).toBeChecked();
    await expect(panel.getByTestId('universe-institution-minsa')).not.toBeChecked();
    await expect(panel.getByTestId('universe-lima-note')).toContainText('DIRIS');
    await expect(panel.getByTestId('age-boundary')).toContainText('1996');

    // Lima: none of its facilities is the regional government's; it is listed apart
    await page.locator('[data-testid="ranking-table"] tbody tr[data-ubigeo="1501"]').click();
    const counts = page.getByTestId('detail-panel').getByTestId('unit-facility-counts');
    await expect(counts).toHaveAttribute('data-universe', String(await count(`ubigeo_prov = '1501' AND institucion = 'GOBIERNO REGIONAL'`)));
    await expect(counts).toHaveAttribute('data-universe', '0');
    await expect(counts).toHaveAttribute('data-register', String(await count(`ubigeo_prov = '1501'`)));
    await expect(page.getByTestId('detail-panel').getByTestId('unit-missing')).toBeVisible();

    await panel.getByTestId('universe-institution-minsa').check();
    await panel.getByTestId('universe-institution-gore').uncheck();
    await expect(counts).toHaveAttribute('data-universe', String(await count(`ubigeo_prov = '1501' AND institucion = 'MINSA'`)));
    await expect(counts).toHaveAttribute('data-universe', '387');
    await expect(page.getByTestId('detail-panel').getByTestId('unit-definitions')).toContainText('MINSA');
    // the indicator card states the universe for the unit
    const card = page.getByTestId('detail-panel').getByTestId('indicator-card-personas_por_establecimiento');
    await card.locator('summary').click();
    await expect(card.getByTestId('indicator-card-universe')).toContainText('MINSA');

    // another province: Canas (Cusco) has no MINSA facility, 15 of the regional government
    await page.locator('[data-testid="ranking-table"] tbody tr[data-ubigeo="0805"]').click();
    await expect(counts).toHaveAttribute('data-universe', String(await count(`ubigeo_prov = '0805' AND institucion = 'MINSA'`)));
    await panel.getByTestId('universe-institution-gore').check();
    await expect(counts).toHaveAttribute(
      'data-universe',
      String(await count(`ubigeo_prov = '0805' AND institucion IN ('MINSA', 'GOBIERNO REGIONAL')`)),
    );
  });

  test('the facility card flags Ticrapo\'s 1900 start date and Quinuabamba\'s 74,003 attentions, and says what the scenario does with them', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('search-input').fill('ticrapo');
    const post = page.getByRole('listbox').getByRole('option', { name: /TICRAPO/ }).filter({ hasText: 'establecimiento' }).first();
    await post.click();
    const card = page.getByTestId('facility-card');
    await expect(card).toContainText('1900');
    const flag = card.getByTestId('facility-date-flag');
    await expect(flag).toHaveAttribute('data-flag', 'variante_1900');
    await expect(flag).toContainText('no cuenta para la antigüedad');
    await page.getByTestId('universe-panel').getByTestId('universe-dates').selectOption('todas');
    await expect(flag).not.toContainText('no cuenta para la antigüedad');

    // a health post (I-2) reporting more emergencies than the median II-1 hospital
    await page.getByTestId('search-input').fill('quinuabamba');
    await page.getByRole('listbox').getByRole('option', { name: /PUESTO DE SALUD QUINUABAMBA/ }).first().click();
    await expect(card).toContainText('74,003');
    const emergency = card.getByTestId('facility-emergency-flag');
    await expect(emergency).toContainText('11,339');
    await expect(emergency).toContainText('deja esta fila fuera');
    await page.getByTestId('universe-panel').getByTestId('universe-emergency-outliers').selectOption('recortar');
    await expect(emergency).toContainText('las recorta a 11,339');
  });

  test('the previous definitions reproduce the previous ranking (Canas 68.2; Lima 9th)', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('universe-panel').getByTestId('universe-previous').click();
    await expect(page.locator('[data-testid="ranking-table"] tbody tr[data-ubigeo="1501"] td').first()).toHaveText('9');
    const rows = await tableRows(page);
    expect(rows[0].ubigeo).toBe('0805');
    expect(parseScore(rows[0].score)).toBe(68.2);
    await page.getByTestId('universe-panel').getByTestId('universe-preset').click();
    await expect(page.locator('[data-testid="ranking-table"] tbody tr[data-ubigeo="1501"] td').first()).not.toHaveText('9');
  });
});
