import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, openApp, differingPixels, hoverLonLat } from './fixtures';

/** Counts straight from the built Parquet, so the expected numbers are never typed in by hand. */
async function facilityCount(where: string): Promise<number> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM 'public/data/establecimientos.parquet' WHERE lon IS NOT NULL AND lat IS NOT NULL AND (${where})`,
  );
  return (r.getRowObjectsJson()[0] as { n: number }).n;
}
const es = (n: number) => new Intl.NumberFormat('es-PE').format(n);

test.describe('map workspace: filters, boundary layers, map tools', () => {
  test('facilities filtered by institution and by age, and the quality-flag rings', async ({ page }) => {
    await openApp(page);
    await page.locator('[data-layer="facilities"] input[type=checkbox]').check();
    const count = page.getByTestId('facility-count');
    await expect(count).toContainText(es(await facilityCount('true')));

    // Only EsSalud: untick every other institution.
    const institutions = page.getByTestId('institution-filter');
    for (const label of await institutions.locator('label').all()) {
      if (!(await label.textContent())!.includes('EsSalud')) await label.locator('input').uncheck();
    }
    await expect(count).toContainText(es(await facilityCount(`institucion = 'ESSALUD'`)));
    for (const label of await institutions.locator('label').all()) await label.locator('input').check();

    // Only the scenario's universe (the GORE preset counts the regional governments' facilities)
    await page.getByTestId('facilities-universe-only').check();
    await expect(count).toContainText(es(await facilityCount(`institucion = 'GOBIERNO REGIONAL'`)));
    await page.getByTestId('facilities-universe-only').uncheck();
    await expect(count).toContainText(es(await facilityCount('true')));

    // 30 years or more at the reference year, without those lacking a start date.
    const age = page.getByTestId('age-filter');
    await age.getByLabel('desde').fill('30');
    await age.getByLabel(/Incluir los que no tienen fecha/).uncheck();
    await expect(count).toContainText(es(await facilityCount('2026 - anio_inicio >= 30')));
    await age.getByLabel('hasta').fill('40');
    await expect(count).toContainText(es(await facilityCount('2026 - anio_inicio BETWEEN 30 AND 40')));
    await age.getByLabel('desde').fill('');
    await age.getByLabel('hasta').fill('');
    await age.getByLabel(/Incluir los que no tienen fecha/).check();

    // Quality flags: the pipeline's «outside the declared province» points, ringed and counted.
    await page.getByLabel(/Resaltar observaciones de calidad/).check();
    await expect(page.getByTestId('flag-count')).toContainText(es(await facilityCount(`ubicacion <> 'ok'`)));
    await expect(page.getByTestId('legend-facilities')).toContainText('Punto fuera de su provincia declarada');
  });

  test('district and province boundaries are layers of their own', async ({ page }) => {
    await openApp(page);
    await page.locator('#scope-select').selectOption('08');
    const map = page.getByTestId('map');
    const box = (await map.boundingBox())!;
    const clip = { x: box.x + 60, y: box.y + 160, width: 300, height: 300 };
    await page.mouse.move(box.x + box.width + 50, box.y + 5); // no hover outline in the shot
    const before = await page.screenshot({ clip });
    await page.locator('[data-layer="distritos"] input[type=checkbox]').check();
    await expect(page.getByTestId('legend-lines')).toContainText('Límites distritales');
    // The district boundaries load on demand, then draw: poll until the lines show.
    await expect.poll(async () => differingPixels(page, before, await page.screenshot({ clip })), { timeout: 20_000 }).toBeGreaterThan(400);
    await page.locator('[data-layer="distritos"] input[type=checkbox]').uncheck();
    await expect(page.getByTestId('legend-lines')).not.toContainText('Límites distritales');
    await expect.poll(async () => differingPixels(page, before, await page.screenshot({ clip }))).toBeLessThan(50);
  });

  test('map tools: pointer coordinates, north up, all of Peru', async ({ page }) => {
    await openApp(page);
    // Lima's Plaza de Armas.
    await hoverLonLat(page, -77.0301, -12.0453);
    const coords = page.getByTestId('pointer-coords');
    await expect(coords).toContainText(/° S, .*° O/);
    const [lat, lon] = [...(await coords.textContent())!.matchAll(/([\d.]+)°/g)].map((m) => Number(m[1]));
    // within two screen pixels at the national zoom (≈ 0.02° each)
    expect(Math.abs(lat - 12.0453)).toBeLessThan(0.05);
    expect(Math.abs(lon - 77.0301)).toBeLessThan(0.05);

    const view = () =>
      page.evaluate(() => {
        const m = (window as unknown as { __territorioMap: { getBearing(): number; getBounds(): { toArray(): number[][] } } }).__territorioMap;
        return { bearing: m.getBearing(), bounds: m.getBounds().toArray() };
      });
    await page.evaluate(() => (window as unknown as { __territorioMap: { setBearing(b: number): void } }).__territorioMap.setBearing(35));
    await expect(page.getByTestId('north-up')).toBeEnabled();
    await page.getByTestId('north-up').click();
    await expect.poll(async () => (await view()).bearing).toBe(0);
    await expect(page.getByTestId('north-up')).toBeDisabled();

    await page.locator('#scope-select').selectOption('08');
    await expect.poll(async () => (await view()).bounds[0][1]).toBeGreaterThan(-16); // zoomed on Cusco
    await page.getByTestId('zoom-peru').click();
    const [[w, s], [e, n]] = (await view()).bounds;
    // Peru spans about 81.3°W–68.7°W and 18.3°S–0.0°
    expect(w).toBeLessThan(-81);
    expect(e).toBeGreaterThan(-68.7);
    expect(s).toBeLessThan(-18.3);
    expect(n).toBeGreaterThan(-0.1);
  });
});
