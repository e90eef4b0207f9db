import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, openApp, layerAt } from './fixtures';
import { AccessModel, categoryRank } from '../../src/domain/access';

/**
 * The expected values are computed here, in Node, with the same pure module the worker runs, on
 * the built Parquet: the test checks that the browser shows what the method gives, not a number
 * typed in by hand.
 */
async function expectedShareBeyond(province: string, thresholdKm: number, onlyRegionalGovernment = false): Promise<number> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  const places = await rows(`SELECT lon::DOUBLE AS lon, lat::DOUBLE AS lat, coalesce(ubigeo, '') AS ubigeo FROM 'public/data/centros_poblados.parquet' WHERE lon IS NOT NULL`);
  const fac = await rows(`SELECT lon, lat, coalesce(categoria, '') AS categoria FROM 'public/data/establecimientos.parquet' WHERE lon IS NOT NULL AND lat IS NOT NULL${onlyRegionalGovernment ? ` AND upper(institucion) = 'GOBIERNO REGIONAL'` : ''}`);
  const dist = await rows(`SELECT ubigeo, ubigeo_prov, pob_2017::DOUBLE AS pob FROM 'public/data/distritos.parquet' ORDER BY ubigeo`);
  const provs = (await rows(`SELECT ubigeo FROM 'public/data/provincias.parquet' ORDER BY ubigeo`)).map((r) => String(r.ubigeo));
  const dIndex = new Map(dist.map((d, i) => [String(d.ubigeo), i]));
  const pIndex = new Map(provs.map((p, i) => [p, i]));
  const model = new AccessModel(
    { lon: Float64Array.from(places, (p) => Number(p.lon)), lat: Float64Array.from(places, (p) => Number(p.lat)) },
    { lon: Float64Array.from(fac, (f) => Number(f.lon)), lat: Float64Array.from(fac, (f) => Number(f.lat)), rank: Uint8Array.from(fac, (f) => categoryRank(String(f.categoria))) },
    {
      placeDistrict: Int32Array.from(places, (p) => dIndex.get(String(p.ubigeo)) ?? -1),
      districtCount: dist.length,
      districtProvince: Int32Array.from(dist, (d) => pIndex.get(String(d.ubigeo_prov)) ?? -1),
      provinceCount: provs.length,
      districtPopulation: Float64Array.from(dist, (d) => Number(d.pob)),
    },
  );
  return 100 * model.aggregate('any', thresholdKm, 'provincia').shareBeyond[pIndex.get(province)!];
}

const pct = (x: number) => `${new Intl.NumberFormat('es-PE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x)} %`;
/** The value cell starts with the number; an outlier flag («atípico») may follow it. */
const cellOf = (x: number) => new RegExp(`^${pct(x).replace(/[.]/g, '\\.')}`);

test.describe('access gaps computed in the browser', () => {
  test('moving the threshold changes the province values, as the method says, within a second', async ({ page }) => {
    // Datem del Marañón (Loreto): Amazonian, far from facilities.
    const [at30, at10] = [await expectedShareBeyond('1607', 30), await expectedShareBeyond('1607', 10)];
    expect(at10).toBeGreaterThan(at30);
    await openApp(page);
    await page.getByLabel('Escenario base').selectOption('brecha_acceso');
    await expect(page.getByTestId('access-timing')).toBeVisible({ timeout: 60_000 });
    await page.locator('tr[data-ubigeo="1607"]').click();
    const share = page.getByTestId('detail-panel').locator('tr[data-indicator="acceso_pct_lejos"] td').first();
    await expect(share).toHaveText(cellOf(at30));
    await page.getByTestId('access-threshold').fill('10');
    await expect(page.getByTestId('access-panel')).toContainText('Umbral: 10 km');
    await expect(share).toHaveText(cellOf(at10));
    const ms = Number((await page.getByTestId('access-timing').textContent())!.match(/en ([\d,.]+) ms/)![1].replace(/,/g, ''));
    expect(ms).toBeLessThan(1000);
    // the scenario's facility universe: only the regional government's facilities are searched
    // (Lima province: none of its facilities is the regional government's)
    const [lima10, limaGore10] = [await expectedShareBeyond('1501', 10), await expectedShareBeyond('1501', 10, true)];
    expect(limaGore10).toBeGreaterThan(lima10 + 1);
    await page.locator('tr[data-ubigeo="1501"]').click();
    await expect(share).toHaveText(cellOf(lima10));
    const universe = page.getByTestId('universe-panel');
    for (const g of ['minsa', 'essalud', 'privado', 'ffaa_pnp', 'municipal', 'otra']) await universe.getByTestId(`universe-institution-${g}`).uncheck();
    await expect(share).toHaveText(cellOf(limaGore10));
    // the method and its caveats are on screen
    await expect(page.getByTestId('access-panel')).toContainText('no tiempo de viaje');
    await expect(page.getByTestId('access-panel')).toContainText('2017');
  });

  test('populated places on the map; a click shows the nearest facility and its distance', async ({ page }) => {
    await openApp(page);
    await page.locator('[data-layer="places"] input[type=checkbox]').check();
    await expect(page.getByTestId('legend-places')).toContainText('a más de 30 km');
    await expect(page.getByTestId('access-status')).toContainText('centros poblados', { timeout: 60_000 });
    await expect(page.getByTestId('access-status')).toContainText('%');
    // Zoom on a remote corner of Loreto where places are sparse, then click the first place drawn.
    await page.evaluate(() => (window as unknown as { __territorioMap: { jumpTo(o: object): void } }).__territorioMap.jumpTo({ center: [-75.6, -4.5], zoom: 8 }));
    // The most isolated place on screen (from the Parquet), so the click is unambiguous.
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const pts = (
      await conn.runAndReadAll(
        `SELECT lon::DOUBLE AS lon, lat::DOUBLE AS lat FROM 'public/data/centros_poblados.parquet' WHERE lon BETWEEN -77 AND -74 AND lat BETWEEN -6 AND -3`,
      )
    ).getRowObjectsJson() as { lon: number; lat: number }[];
    const box = (await page.getByTestId('map').boundingBox())!;
    const target = await page.evaluate(
      ({ pts, w, h }) => {
        const m = (window as unknown as { __territorioMap: { project: (ll: [number, number]) => { x: number; y: number } } }).__territorioMap;
        const xy = pts.map((p) => m.project([p.lon, p.lat]));
        let best = { x: 0, y: 0, gap: 0 };
        xy.forEach(({ x, y }, i) => {
          if (x < 80 || y < 80 || x > w - 260 || y > h - 60) return; // clear of controls and legend
          let gap = Infinity;
          for (let j = 0; j < xy.length; j++) if (j !== i) gap = Math.min(gap, Math.hypot(xy[j].x - x, xy[j].y - y));
          if (gap > best.gap) best = { x, y, gap };
        });
        return best;
      },
      { pts: pts.map((p) => ({ lon: Number(p.lon), lat: Number(p.lat) })), w: box.width, h: box.height },
    );
    expect(target.gap).toBeGreaterThan(4);
    // Click once the places layer answers at that pixel (the jump is drawn on later frames).
    await expect.poll(() => layerAt(page, target.x, target.y)).toBe('centros-poblados');
    await page.mouse.click(box.x + target.x, box.y + target.y);
    const card = page.getByTestId('place-card');
    await expect(card).toBeVisible();
    await expect(card.getByTestId('place-nearest')).not.toHaveText('—');
    await expect(card.getByTestId('place-distance')).toContainText('km');
    await expect(card).toContainText('no tiempo de viaje');
  });
});
