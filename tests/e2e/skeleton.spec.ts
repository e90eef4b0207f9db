import type { Page } from '@playwright/test';
import { test, expect, openApp, tableRows, parseScore, rankingRows, hoverLonLat } from './fixtures';
import { E2E_VIEWPORT, PREVIEW_URL } from '../browser/chromium';

// These checks read the app and put back what they change (scope, panel, language last): they
// share one opened app, in order, instead of starting it six times (CI time, README notes).
test.describe('walking skeleton: ranked province map', () => {
  test.describe.configure({ mode: 'serial' });
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ baseURL: PREVIEW_URL, viewport: E2E_VIEWPORT, serviceWorkers: 'block' });
    await openApp(page);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('shows the map and a ranked table of the 196 provinces, sorted by score', async () => {
    const rows = await tableRows(page);
    expect(rows).toHaveLength(196);
    expect(rows[0].rank).toBe('1');
    const scores = rows.map((r) => parseScore(r.score)).filter((s) => !Number.isNaN(s));
    expect(scores.length).toBeGreaterThan(150);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
    // the top province has the highest score of the scope and it is within 0–100
    expect(scores[0]).toBeGreaterThan(scores[scores.length - 1]);
    expect(scores[0]).toBeLessThanOrEqual(100);
    await expect(page.getByRole('heading', { name: 'Puntaje de prioridad' })).toBeVisible();
  });

  test('narrowing the scope to one region ranks only its provinces', async () => {
    const before = await tableRows(page);
    const select = page.getByTestId('scope-select');
    const option = select.locator('option', { hasText: /^Cusco/ });
    const label = (await option.textContent()) ?? '';
    const expected = Number(/\((\d+)/.exec(label)?.[1]);
    expect(expected).toBe(13); // Cusco has 13 provinces (INEI)
    await select.selectOption({ label });
    await expect(rankingRows(page)).toHaveCount(expected);
    const rows = await tableRows(page);
    expect(new Set(rows.map((r) => r.departamento))).toEqual(new Set(['Cusco']));
    expect(rows.every((r) => r.ubigeo.startsWith('08'))).toBe(true);
    expect(rows.map((r) => r.rank)).toContain('1');
    // indicators are normalised again within the region: the same province scores differently
    const national = new Map(before.map((r) => [r.ubigeo, r.score]));
    expect(rows.some((r) => national.get(r.ubigeo) !== r.score)).toBe(true);
    await select.selectOption({ value: '' });
    await expect(rankingRows(page)).toHaveCount(196);
  });

  test('hovering a province shows its name, value, dataset and vintage', async () => {
    // A point inside Huancavelica province (0901), placed on screen by the map's own projection.
    const pos = await hoverLonLat(page, -74.98, -12.79);
    const tooltip = page.getByTestId('map-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Huancavelica');
    // ranked among the provinces with enough data (the GORE universe leaves Lima and a few more apart)
    await expect(tooltip).toContainText(/Puesto \d+ de 19\d/);
    await expect(tooltip).toContainText('Fuente:');
    await expect(tooltip).toContainText('2017');
    // click selects it in the table too
    await page.mouse.click(pos.x, pos.y);
    await expect(rankingRows(page).and(page.locator('[aria-current="true"]'))).toHaveAttribute('data-ubigeo', '0901');
  });

  test('the ranking table is keyboard-operable and sortable', async () => {
    const first = rankingRows(page).first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const third = rankingRows(page).nth(2);
    await expect(third).toHaveAttribute('aria-current', 'true');
    await expect(third).toBeFocused();
    await expect(page.getByTestId('selected-province')).toContainText((await third.locator('th').textContent()) ?? '');
    // sort by province name
    await page.getByRole('button', { name: /^Provincia/ }).click();
    const names = (await tableRows(page)).map((r) => r.name);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'es'));
    expect(names).toEqual(sorted);
    // back to the order by rank, for the next check
    await page.getByRole('button', { name: /^Puesto/ }).click();
    await expect(rankingRows(page).first()).toContainText(/^1\D/);
  });

  test('after moving deep into the table, a smaller scope still lets Tab reach a row', async () => {
    await rankingRows(page).first().focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('PageDown'); // row 41
    await expect(rankingRows(page).nth(40)).toBeFocused();
    await page.getByTestId('scope-select').selectOption({ label: 'Callao (1 provincia)' });
    await expect(rankingRows(page)).toHaveCount(1);
    // the last header button (the stability column's); Tab goes on into the rows
    await page.getByRole('button', { name: /^Estabilidad/ }).focus();
    await page.keyboard.press('Tab');
    await expect(rankingRows(page).first()).toBeFocused();
    await page.getByTestId('scope-select').selectOption({ value: '' });
    await expect(rankingRows(page)).toHaveCount(196);
  });

  test('the data panel shows the catalogue of every dataset', async ({ request }) => {
    const catalog = await (await request.get(`${PREVIEW_URL}data/catalog.json`)).json();
    await page.getByTestId('open-data-panel').click();
    const panel = page.getByTestId('data-panel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('article.dataset')).toHaveCount(catalog.datasets.length);
    const facilities = panel.locator('article[data-dataset="establecimientos"]');
    await expect(facilities).toContainText('MINSA');
    await expect(facilities).toContainText('Licencia');
    await expect(facilities).toContainText('cargada en DuckDB-WASM');
    // every quirk the pipeline reported is listed with its count
    const ds = catalog.datasets.find((d: { id: string }) => d.id === 'establecimientos');
    await expect(facilities.locator('.quirks li')).toHaveCount(ds.quirks.length);
    expect(ds.quirks.length).toBeGreaterThan(3);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page.getByTestId('open-data-panel')).toBeFocused();
  });

  test('English is available and Spanish is the default', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Territorio');
    await expect(page.getByText('¿En qué provincias priorizamos')).toBeVisible();
    await page.getByLabel('Idioma').selectOption('en');
    await expect(page.getByText('Which provinces should we prioritise')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // MapLibre's own controls follow (the map is rebuilt in the new language)
    await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', 'Zoom in');
    await expect(page.getByTestId('ranking-table')).toBeVisible();
  });

  test('no request leaves the origin', async ({ page, requests }) => {
    await openApp(page);
    await page.getByTestId('open-data-panel').click();
    await page.waitForTimeout(500);
    expect(requests.length).toBeGreaterThan(5);
    const outside = requests.filter((u) => !u.startsWith(PREVIEW_URL) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    // the engine and the Parquet tables were served by the app itself
    expect(requests.some((u) => u.endsWith('.wasm'))).toBe(true);
    expect(requests.some((u) => u.endsWith('.parquet'))).toBe(true);
  });
});

test.describe('bad or missing data', () => {
  test('a missing catalogue gives a precise Spanish message', async ({ page }) => {
    await page.route('**/data/catalog.json', (route) => route.fulfill({ status: 404, body: 'no' }));
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No se pudieron cargar los datos');
    await expect(alert).toContainText('catalog.json');
    await expect(alert).toContainText('npm run data');
  });

  test('a corrupt Parquet file is named in the error', async ({ page }) => {
    await page.route('**/data/provincias.parquet', (route) =>
      route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'ubigeo;provincia\n0101;Chachapoyas\n' }),
    );
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('provincias.parquet no es un Parquet válido');
  });
});

test.describe('accessibility', () => {
  // axe is injected as a script, which the app's Content-Security-Policy would rightly block.
  test.use({ bypassCSP: true });
  test('axe-core finds no violations: main screen, detail, data panel, districts', async ({ page }) => {
    const { runAxe } = await import('./fixtures');
    await openApp(page);
    expect(await runAxe(page)).toEqual([]);
    await rankingRows(page).first().click();
    await expect(page.getByTestId('detail-panel')).toBeVisible();
    expect(await runAxe(page)).toEqual([]);
    await page.getByTestId('open-data-panel').click();
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('level-select').selectOption('distrito');
    await page.getByTestId('scope-select').selectOption({ label: 'Cusco' });
    await expect(rankingRows(page).first()).toBeVisible();
    expect(await runAxe(page)).toEqual([]);
  });
});

test('a value flagged as atypical in the detail is flagged in the tooltip too', async ({ page }) => {
  const { provinceInteriorPoints } = await import('./geo');
  await openApp(page);
  const points = provinceInteriorPoints();
  // the first provinces of the ranking until one has an atypical value (the emergency ratio has several)
  let found: { ubigeo: string; marks: number } | null = null;
  for (let k = 0; k < 40 && !found; k++) {
    const row = rankingRows(page).nth(k);
    await row.click();
    const marks = await page.getByTestId('detail-table').getByTestId('outlier-mark').count();
    if (marks > 0) found = { ubigeo: (await row.getAttribute('data-ubigeo'))!, marks };
  }
  expect(found).not.toBeNull();
  const [lon, lat] = points.get(found!.ubigeo)!;
  await page.evaluate(([x, y]) => (window as unknown as { __territorioMap: { jumpTo(o: object): void } }).__territorioMap.jumpTo({ center: [x, y], zoom: 7 }), [lon, lat]);
  await page.waitForTimeout(400);
  await hoverLonLat(page, lon, lat);
  await expect(page.getByTestId('map-tooltip')).toBeVisible();
  await expect(page.getByTestId('map-tooltip').getByTestId('tooltip-outlier')).toHaveCount(found!.marks);
});
