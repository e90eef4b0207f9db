import { readFileSync } from 'node:fs';
import { test, expect, openApp, tableRows, rankingRows, parseScore, pixelAt, screenOf, hoverLonLat, dragSliderToEnd } from './fixtures';
import { provinceInteriorPoints } from './geo';

interface PresetJson {
  id: string;
  indicators: { id: string; weight: number }[];
}
const presets = JSON.parse(readFileSync('src/domain/presets/presets.json', 'utf8')) as PresetJson[];
const gore = presets.find((p) => p.id === 'mantenimiento_gore')!;

test.describe('prioritisation engine', () => {
  test('dragging a weight re-ranks the table and recolours the map', async ({ page }) => {
    await openApp(page);
    const before = await tableRows(page);
    const points = provinceInteriorPoints();
    const watched = before.slice(0, 20).map((r) => r.ubigeo);
    const coloursBefore: [number, number, number][] = [];
    for (const u of watched) {
      const [lon, lat] = points.get(u)!;
      const p = await screenOf(page, lon, lat);
      coloursBefore.push(await pixelAt(page, p.x, p.y));
    }
    // drag the poverty slider from its preset weight to the far right (100 points)
    await dragSliderToEnd(page, 'weight-slider-pobreza_pct', gore.indicators.find((i) => i.id === 'pobreza_pct')!.weight / 100);
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('100');
    const after = await tableRows(page);
    expect(after.map((r) => r.ubigeo)).not.toEqual(before.map((r) => r.ubigeo));
    // the map follows: some of the watched provinces changed colour
    await page.waitForTimeout(500);
    let changed = 0;
    for (let k = 0; k < watched.length; k++) {
      const [lon, lat] = points.get(watched[k])!;
      const p = await screenOf(page, lon, lat);
      const c = await pixelAt(page, p.x, p.y);
      if (c.some((v, j) => Math.abs(v - coloursBefore[k][j]) > 8)) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    // the weight reads normalised to 100 %
    await expect(page.locator('[data-indicator="pobreza_pct"] .pct')).toHaveText(/\d+[.,]\d %$/);
  });

  test('an analyst rebuilds the default preset from scratch and gets the same ranking', async ({ page }) => {
    await openApp(page);
    const original = (await tableRows(page)).map((r) => `${r.ubigeo}:${r.score}`);
    await page.getByTestId('clear-indicators').click();
    await expect(page.getByText('No hay indicadores activos')).toBeVisible();
    for (const ind of gore.indicators) {
      await page.locator(`[data-indicator="${ind.id}"] input[type=checkbox]`).first().check();
      await page.getByTestId(`weight-input-${ind.id}`).fill(String(ind.weight));
    }
    const rebuilt = (await tableRows(page)).map((r) => `${r.ubigeo}:${r.score}`);
    expect(rebuilt).toEqual(original);
    // and the reset button gives the preset back after any change
    await page.getByTestId('weight-input-pobreza_pct').fill('90');
    expect((await tableRows(page)).map((r) => `${r.ubigeo}:${r.score}`)).not.toEqual(original);
    await page.getByTestId('reset-preset').click();
    expect((await tableRows(page)).map((r) => `${r.ubigeo}:${r.score}`)).toEqual(original);
  });

  test('«¿Por qué este puesto?»: contributions add up to the score shown in table and tooltip', async ({ page }) => {
    await openApp(page);
    const top = (await tableRows(page))[0];
    // the tooltip shows the same score as the table
    const [lon, lat] = provinceInteriorPoints().get(top.ubigeo)!;
    await hoverLonLat(page, lon, lat);
    await expect(page.getByTestId('map-tooltip')).toContainText(`Puntaje: ${top.score}`);
    await rankingRows(page).first().click();
    const detail = page.getByTestId('detail-panel');
    await expect(detail).toContainText(top.name);
    await expect(detail.getByTestId('detail-summary')).toContainText(`Puesto 1 de`);
    await expect(detail.getByTestId('detail-score')).toHaveText(top.score);
    const contributions = await detail.locator('[data-testid="detail-table"] tbody tr td:nth-child(6)').allTextContents();
    // weight-0 indicators (the conflict rate) are offered but take no part in the score
    expect(contributions.length).toBe(gore.indicators.filter((i) => i.weight > 0).length);
    // an indicator missing for the unit («—») contributes nothing: its weight went to the others
    const sum = contributions.filter((c) => c.trim() !== '—').map(parseScore).reduce((a, b) => a + b, 0);
    // each contribution is rounded to 0.1, so the sum may be off by 0.05 per indicator
    expect(Math.abs(sum - parseScore(top.score))).toBeLessThanOrEqual(0.05 * contributions.length + 1e-9);
    // raw values come with their dataset and vintage, and the scope median
    await expect(detail).toContainText('MINSA');
    await expect(detail).toContainText('Mediana del ámbito');
  });

  test('another preset, district level and rank-quantile classes', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('preset-select').selectOption('vulnerabilidad_social');
    await expect(page.getByRole('radio', { name: /geométrica/ })).toBeChecked();
    const rows = await tableRows(page);
    expect(rows).toHaveLength(196);
    // districts of one province: Cusco › Urubamba has 7 districts
    await page.getByTestId('level-select').selectOption('distrito');
    await page.getByTestId('scope-select').selectOption({ label: 'Cusco' });
    await page.getByTestId('province-select').selectOption({ label: 'Urubamba (7 distritos)' });
    await expect(rankingRows(page)).toHaveCount(7);
    const districts = await tableRows(page);
    expect(districts.every((r) => r.ubigeo.startsWith('0813'))).toBe(true);
    await page.getByText('Clases y destacados').click();
    await page.getByLabel('Clases', { exact: true }).selectOption('quantile');
    await expect(page.getByTestId('legend')).toContainText('puestos 1–');
  });

  test('the ranking table is sortable by score both ways and keeps the top N highlighted', async ({ page }) => {
    await openApp(page);
    // first click: highest score first
    await page.getByRole('button', { name: /^Puntaje/ }).click();
    const desc0 = (await tableRows(page)).map((r) => parseScore(r.score)).filter((x) => !Number.isNaN(x));
    for (let i = 1; i < desc0.length; i++) expect(desc0[i]).toBeLessThanOrEqual(desc0[i - 1]);
    await page.getByRole('button', { name: /^Puntaje/ }).click();
    const asc = (await tableRows(page)).map((r) => parseScore(r.score)).filter((x) => !Number.isNaN(x));
    for (let i = 1; i < asc.length; i++) expect(asc[i]).toBeGreaterThanOrEqual(asc[i - 1]);
    await page.getByText('Clases y destacados').click();
    await page.getByLabel('Destacar primeros').fill('5');
    await expect(page.locator('[data-testid="ranking-table"] tbody tr.top')).toHaveCount(5);
  });
});
