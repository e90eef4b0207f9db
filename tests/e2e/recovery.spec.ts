import { test, expect, openApp, tableRows } from './fixtures';

const ranking = async (page: Parameters<typeof openApp>[0]) => (await tableRows(page)).map((r) => `${r.ubigeo}:${r.score}`).join('|');

test.describe('nothing lost', () => {
  test('a reload in the middle of typing keeps the weights and the canvas text', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('weight-input-pobreza_pct').fill('55');
    await page.selectOption('#scope-select', '08');
    await expect(page.getByTestId('ranking-table').locator('tbody tr')).toHaveCount(13);
    const before = await ranking(page);
    await page.getByTestId('open-scenarios').click();
    const decision = page.getByTestId('canvas-decision');
    // typed, never left: no blur, no Enter
    await decision.click();
    await decision.pressSequentially('Priorizar Chumbivilcas y Espinar', { delay: 10 });
    await page.waitForTimeout(1200);
    await page.reload();
    await openApp(page);
    await expect(page.getByTestId('scenario-notice')).toContainText('Se recuperó el escenario');
    expect(await ranking(page)).toBe(before);
    await expect(page.locator('#scope-select')).toHaveValue('08');
    await page.getByTestId('open-scenarios').click();
    await expect(page.getByTestId('canvas-decision')).toHaveValue('Priorizar Chumbivilcas y Espinar');
  });
});

test.describe('a lost WebGL context', () => {
  for (const how of ['restored by the browser', 'rebuilt by the user'] as const) {
    test(`loses nothing: the map is ${how}, the scenario intact`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openApp(page);
      await page.getByTestId('weight-input-pobreza_pct').fill('60');
      const before = await ranking(page);
      await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas')!;
        const gl = canvas.getContext('webgl2')!;
        const ext = gl.getExtension('WEBGL_lose_context')!;
        (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
        ext.loseContext();
      });
      await expect(page.getByTestId('map-context-lost')).toBeVisible();
      // the change that used to crash the whole app («reading 'getProjection'»)
      await page.getByTestId('weight-input-pobreza_pct').fill('70');
      await expect(page.getByTestId('ranking-table')).toBeVisible();
      await expect(page.getByText('Algo falló al dibujar la aplicación')).toHaveCount(0);
      if (how === 'restored by the browser') {
        await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
      } else {
        await page.getByRole('button', { name: 'Reconstruir el mapa' }).click();
      }
      await expect(page.getByTestId('map-context-lost')).toHaveCount(0);
      // a new map draws the ranked choropleth again
      await expect(page.locator('[data-testid="map"] canvas')).toHaveCount(1);
      await expect
        .poll(() =>
          page.evaluate(() => {
            // MapboxOverlay keeps its props in `_props` (deck.gl 9.4)
            const m = (window as unknown as { __territorioOverlay?: { _props?: { layers?: unknown[] } } }).__territorioOverlay;
            return m?._props?.layers?.length ?? 0;
          }),
        )
        .toBeGreaterThan(0);
      await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('70');
      expect(await ranking(page)).not.toBe(before); // 70 points, not the 60 before the loss: nothing was reset
      expect(errors).toEqual([]);
    });
  }
});

test.describe('engine failures', () => {
  test('a wasm that never arrives gives a message naming the step and a retry within 30 s; the retry starts the app', async ({ page }) => {
    test.setTimeout(120_000);
    let block = true;
    await page.route('**/*.wasm', (route) => {
      if (!block) return route.continue();
      // never answered: the request hangs, as on a dead connection
    });
    const started = Date.now();
    await page.goto('./');
    const alert = page.getByRole('alert').filter({ hasText: 'no respondió' });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect(alert).toContainText('El inicio del motor de consultas');
    await expect(alert).toContainText('Paso que falló: Iniciando el motor de consultas (DuckDB-WASM)');
    block = false;
    await alert.getByRole('button', { name: 'Reintentar' }).click();
    await expect(page.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
  });
});

test.describe('dead workers', () => {
  const kill = (page: Parameters<typeof openApp>[0], which: 'engine' | 'parquet') =>
    page.evaluate((w) => (window as unknown as { __territorioWorkers: { terminateWorker(w: string): void } }).__territorioWorkers.terminateWorker(w), which);

  test('a killed DuckDB worker is replaced, its tables loaded again, and the work goes on with the scenario intact', async ({ page }) => {
    test.setTimeout(150_000);
    await openApp(page);
    await page.getByTestId('weight-input-pobreza_pct').fill('44');
    await page.getByTestId('weight-input-pobreza_pct').blur();
    await kill(page, 'engine');
    // the district level needs the engine: its queries find it dead, it is restarted, they run again
    await page.getByTestId('level-select').selectOption('distrito');
    await expect(page.getByTestId('ranking-count')).toContainText('distritos', { timeout: 90_000 });
    await expect(page.getByTestId('worker-restarted')).toContainText('se reinició');
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('44');
  });

  test('a killed Parquet worker is replaced and the populated places are read again', async ({ page }) => {
    test.setTimeout(150_000);
    await openApp(page);
    await kill(page, 'parquet');
    await page.locator('[data-layer="places"] input[type=checkbox]').check();
    await expect(page.getByTestId('access-status')).toContainText('están a más de', { timeout: 90_000 });
    await expect(page.getByTestId('worker-restarted')).toContainText('Parquet');
  });
});

test('a killed access worker is replaced with the same data, and a new category is computed', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.locator('[data-layer="places"] input[type=checkbox]').check();
  const status = page.getByTestId('access-status');
  await expect(status).toContainText('están a más de', { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { __territorioAccess: { terminateWorker(): void } }).__territorioAccess.terminateWorker());
  const before = await status.textContent();
  await page.getByTestId('access-category').selectOption('hospital');
  await expect(status).not.toHaveText(before!, { timeout: 60_000 });
  await expect(status).toContainText('están a más de');
  await expect(page.getByTestId('worker-restarted')).toContainText('distancias');
});
