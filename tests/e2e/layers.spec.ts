import type { Page } from '@playwright/test';
import { test, expect, openApp, layerAt, tableRows } from './fixtures';
import { parseScore } from './fixtures';

test.describe('map layers (first slice of the map workspace)', () => {
  test('turning layers on and off, with the legend following', async ({ page }) => {
    await openApp(page);
    const legend = page.getByTestId('legend');
    await expect(legend.getByTestId('legend-choropleth')).toBeVisible();
    await expect(legend.getByTestId('legend-facilities')).toHaveCount(0);
    await page.locator('[data-layer="facilities"] input[type=checkbox]').check();
    await expect(legend.getByTestId('legend-facilities')).toBeVisible();
    await page.locator('[data-layer="choropleth"] input[type=checkbox]').uncheck();
    await expect(legend.getByTestId('legend-choropleth')).toHaveCount(0);
    await page.locator('[data-layer="choropleth"] input[type=checkbox]').check();
    await expect(legend.getByTestId('legend-choropleth')).toBeVisible();
  });

  test('unit names on the map: the top N with their rank, decluttered, and a layer that can be turned off', async ({ page }) => {
    await openApp(page);
    // the labels deck.gl draws (a canvas: read from the overlay's layer)
    const labels = (p: Page) =>
      p.evaluate(() => {
        // MapboxOverlay keeps its props in `_props` (as tests/e2e/recovery.spec.ts reads them)
        const overlay = (window as unknown as { __territorioOverlay: { _props: { layers: { id: string; props: { data: { text: string; top: boolean; size: number; department?: boolean }[] } }[] } } }).__territorioOverlay;
        return overlay._props.layers.find((l) => l.id === 'nombres')?.props.data.map((d) => ({ text: d.text, top: d.top, size: d.size, department: !!d.department })) ?? null;
      });
    const rows = await tableRows(page);
    await expect.poll(async () => (await labels(page))?.length ?? 0).toBeGreaterThan(20);
    const shown = (await labels(page))!;
    // the first of the ranking is always labelled, with its rank
    expect(shown).toContainEqual(expect.objectContaining({ text: `1. ${rows[0].name}`, top: true }));
    // never more than the top 10 carry a rank, and names are not repeated
    expect(shown.filter((l) => l.top).length).toBeLessThanOrEqual(10);
    expect(new Set(shown.map((l) => l.text)).size).toBe(shown.length);
    // with all of Peru in scope, department names in capitals label the context
    expect(shown.filter((l) => l.department).map((l) => l.text)).toEqual(expect.arrayContaining(['PIURA', 'CAJAMARCA']));
    // zoomed in, the names are drawn larger
    const small = shown.find((l) => !l.top && !l.department)!.size;
    await page.evaluate(() => (window as unknown as { __territorioMap: { jumpTo(o: object): void } }).__territorioMap.jumpTo({ center: [-75.5, -12.5], zoom: 7 }));
    await expect.poll(async () => (await labels(page))?.find((l) => !l.top && !l.department)?.size ?? 0).toBeGreaterThan(small);
    await page.locator('[data-layer="labels"] input[type=checkbox]').uncheck();
    await expect.poll(() => labels(page)).toBeNull();
  });

  test('filtering facilities by category changes the count shown', async ({ page }) => {
    await openApp(page);
    await page.locator('[data-layer="facilities"] input[type=checkbox]').check();
    const count = page.getByTestId('facility-count');
    await expect(count).toContainText('establecimientos visibles');
    const all = parseScore((await count.textContent())!.replace(/[,\s]/g, ''));
    expect(all).toBeGreaterThanOrEqual(7900);
    const i1 = page.locator('.facility-filter label', { hasText: 'I-1 (puesto de salud)' });
    const i1Count = parseScore(((await i1.textContent())!.match(/\(([\d.,\s]+)\)\s*$/)?.[1] ?? '').replace(/[,\s]/g, ''));
    expect(i1Count).toBeGreaterThan(3000);
    await i1.locator('input').uncheck();
    await expect(count).toContainText(new Intl.NumberFormat('es-PE').format(all - i1Count));
    await expect(page.getByTestId('legend-facilities')).not.toContainText('I-1 (puesto de salud)');
  });
});

test('a click on a facility opens its card, with the data-quality flag', async ({ page }) => {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = (
    await conn.runAndReadAll(
      `SELECT codigo, nombre, lon, lat, ubicacion FROM 'public/data/establecimientos.parquet' WHERE lon IS NOT NULL ORDER BY codigo`,
    )
  ).getRowObjectsJson() as { codigo: number; nombre: string; lon: number; lat: number; ubicacion: string }[];
  await openApp(page);
  await page.locator('[data-layer="facilities"] input[type=checkbox]').check();
  await expect(page.getByTestId('facility-count')).toContainText('visibles');
  // The flagged facility that stands farthest from any other on screen, so the click is unambiguous.
  const box = (await page.getByTestId('map').boundingBox())!;
  const target = await page.evaluate(
    ({ pts, w, h }) => {
      const m = (window as unknown as { __territorioMap: { project: (ll: [number, number]) => { x: number; y: number } } }).__territorioMap;
      const xy = pts.map((p) => m.project([p.lon, p.lat]));
      let best = -1;
      let bestGap = 0;
      pts.forEach((p, i) => {
        if (p.ubicacion !== 'otra_provincia') return;
        const { x, y } = xy[i];
        if (x < 60 || y < 60 || x > w - 300 || y > h - 60) return; // clear of controls and legend
        let gap = Infinity;
        for (let j = 0; j < xy.length; j++) if (j !== i) gap = Math.min(gap, Math.hypot(xy[j].x - x, xy[j].y - y));
        if (gap > bestGap) {
          bestGap = gap;
          best = i;
        }
      });
      return { i: best, x: xy[best]?.x ?? 0, y: xy[best]?.y ?? 0, gap: bestGap };
    },
    { pts: rows.map((r) => ({ lon: r.lon, lat: r.lat, ubicacion: r.ubicacion })), w: box.width, h: box.height },
  );
  expect(target.i).toBeGreaterThanOrEqual(0);
  expect(target.gap).toBeGreaterThan(6);
  // Click only once the facility layer answers at that pixel: a click on the province below
  // would open its detail and shrink the map.
  await expect.poll(() => layerAt(page, target.x, target.y)).toBe('establecimientos');
  await page.mouse.click(box.x + target.x, box.y + target.y);
  const card = page.getByTestId('facility-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText(rows[target.i].nombre);
  await expect(card).toContainText(String(rows[target.i].codigo));
  await expect(card.getByTestId('facility-flag')).toContainText('fuera de su provincia declarada');
});

test.describe('reduced motion', () => {
  // the zoom button's change, read in the same task as the click: whole at once, or the first frame of an animation
  const zoomStep = (page: Page) =>
    page.evaluate(() => {
      const map = (window as unknown as { __territorioMap: { getZoom(): number } }).__territorioMap;
      const z0 = map.getZoom();
      document.querySelector<HTMLButtonElement>('.maplibregl-ctrl-zoom-in')!.click();
      return map.getZoom() - z0;
    });

  test('with «reducir movimiento» the map jumps instead of animating', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openApp(page);
    expect(await zoomStep(page)).toBeCloseTo(1, 5);
  });

  test('without it, the zoom animates (the same click has not arrived yet)', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openApp(page);
    expect(await zoomStep(page)).toBeLessThan(0.5);
  });
});

test('the keyboard path through the map: a list of the units in view, whose choice the map and the table follow', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('scope-select').selectOption({ label: 'Cusco (13 provincias)' });
  const toggle = page.getByTestId('map-units-toggle');
  await expect(toggle).toHaveText(/\(13\)$/);
  await toggle.focus();
  await page.keyboard.press('Enter');
  const list = page.getByTestId('map-units');
  await list.focus();
  // options in ranking order: down to the second, up to the first; each choice is announced and explained
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('selected-province')).toContainText((await tableRows(page))[1].name);
  await page.keyboard.press('ArrowUp');
  const first = (await tableRows(page))[0];
  await expect(page.getByTestId('selected-province')).toContainText(first.name);
  await expect(page.getByTestId('detail-panel')).toBeVisible();
  await expect(list).toHaveValue(first.ubigeo);
  // zoomed in, fewer units are in view, and the list follows
  await page.evaluate(() => (window as unknown as { __territorioMap: { zoomTo(z: number, o: object): void; getZoom(): number } }).__territorioMap.zoomTo(9, { duration: 0 }));
  await expect.poll(async () => Number(/\((\d+)\)$/.exec((await toggle.textContent()) ?? '')?.[1])).toBeLessThan(13);
});
