import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startPreview, stopPreview } from './previewServer';

/**
 * Looks at the built app the way a person would: `npx tsx tests/browser/screenshot.ts out.png`
 * serves dist/, opens it in headless Chromium, waits for the ranked map and saves a screenshot.
 * Optional: SCOPE=08 (a department code) to pick a scope first; SELECT=0801 to select a unit;
 * LEVEL=distrito, PROVINCE=0801, FACILITIES=1 (facility layer on), LAYERS=distritos, FLAGS=1, MIN_AGE=30, DATA_PANEL=1,
 * SEARCH=otuzco (type in the search box) and SEARCH_ENTER=1 (choose the first result),
 * USER_FILE=path (load an own file in «Datos propios» and show its join report), USER_INDICATOR=label (then
 * add its first numeric column as an indicator and map it),
 * STABILITY=1 (open the stability panel after a run), CLASSES=ptop (map coloured by P(top N)).
 */
const out = process.argv[2] ?? 'screenshot.png';
const server = await startPreview(process.env.DIST ?? 'dist', Number(process.env.PORT ?? 4182));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ serviceWorkers: 'block', viewport: { width: Number(process.env.WIDTH ?? 1400), height: Number(process.env.HEIGHT ?? 850) } });
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('territorio:ranked-map').length > 0, null, { timeout: 90_000 }).catch(() => undefined);
  if (process.env.UI_LANG) await page.selectOption('#lang-select', process.env.UI_LANG); // UI_LANG=en
  if (process.env.LEVEL) await page.selectOption('#level-select', process.env.LEVEL);
  if (process.env.SCOPE) await page.selectOption('#scope-select', process.env.SCOPE);
  if (process.env.PROVINCE) await page.selectOption('#province-select', process.env.PROVINCE);
  if (process.env.FACILITIES) await page.check('[data-layer="facilities"] input[type=checkbox]');
  // LAYERS=distritos,provincias turns those layers on; FLAGS=1 rings the flagged facilities
  for (const l of (process.env.LAYERS ?? '').split(',').filter(Boolean)) await page.check(`[data-layer="${l}"] input[type=checkbox]`);
  if (process.env.FLAGS) await page.getByLabel(/Resaltar observaciones/).check();
  if (process.env.MIN_AGE) await page.getByLabel('desde').fill(process.env.MIN_AGE);
  if (process.env.SELECT) await page.click(`tr[data-ubigeo="${process.env.SELECT}"]`);
  if (process.env.SEARCH) {
    await page.fill('[data-testid="search-input"]', process.env.SEARCH);
    await page.waitForSelector('[role="listbox"] [role="option"]');
    if (process.env.SEARCH_ENTER) await page.press('[data-testid="search-input"]', 'Enter');
  }
  if (process.env.DATA_PANEL) await page.click('[data-testid="open-data-panel"]');
  // USER_FILE=tests/fixtures/userData/prueba_brecha_distritos_w1252.csv loads an own file in «Datos propios» and shows its join report
  if (process.env.USER_FILE) {
    // folded panels (a laptop or phone width) are opened first
    const toggle = page.getByTestId('panel-toggle');
    if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await page.click('[data-testid="user-data-panel"] > summary');
    await page.setInputFiles('[data-testid="user-file-input"]', process.env.USER_FILE);
    await page.getByTestId('join-report').waitFor({ timeout: 60_000 });
    await page.getByTestId('user-data-panel').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    // USER_INDICATOR=label adds the first numeric column as an indicator and maps it on its own
    if (process.env.USER_INDICATOR) {
      await page.getByTestId('indicator-label').fill(process.env.USER_INDICATOR);
      await page.getByTestId('indicator-add').click();
      await page.getByTestId('user-indicator-map').first().click();
    }
  }
  // STABILITY=1 opens the stability panel once a run has ended; CLASSES=ptop colours the map by P(top N)
  if (process.env.STABILITY || process.env.CLASSES) {
    await page.locator('[data-testid="stability-status"][data-status="ready"]').first().waitFor({ state: 'attached', timeout: 60_000 });
    if (process.env.CLASSES) {
      await page.click('.legend-more > summary');
      await page.selectOption('[data-testid="class-mode"]', process.env.CLASSES);
    }
    if (process.env.STABILITY) {
      await page.click('[data-testid="stability-panel"] > summary');
      await page.getByTestId('stability-panel').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    }
  }
  // CONSULTA=<example key> opens «Consultas», runs that example and waits for its result
  if (process.env.CONSULTA) {
    await page.click('[data-testid="open-consultas"]');
    await page.click(`[data-testid="consultas-example-${process.env.CONSULTA}"]`);
    await page.click('[data-testid="consultas-run"]');
    await page.getByTestId('consultas-summary').waitFor({ timeout: 60_000 });
    // CONSULTA_MAP=1: its numeric column on the map
    if (process.env.CONSULTA_MAP) await page.click('[data-testid="consultas-map-it"]');
  }
  await page.waitForTimeout(1500);
  // SCROLL_TO=<test id> brings that part of the page into view (e.g. the map on a phone)
  // OPEN=<test id>[,<test id>…]: click those buttons in turn (e.g. open-trends)
  for (const b of (process.env.OPEN ?? '').split(',').filter(Boolean)) await page.getByTestId(b).click();
  if (process.env.SCROLL_TO) await page.getByTestId(process.env.SCROLL_TO).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  // VIEW=lon,lat,zoom jumps the map there; CLICK=lon,lat clicks that point (after WAIT_FOR)
  if (process.env.VIEW) {
    const [lon, lat, zoom] = process.env.VIEW.split(',').map(Number);
    await page.evaluate(([lon, lat, zoom]) => (window as unknown as { __territorioMap: { jumpTo(o: object): void } }).__territorioMap.jumpTo({ center: [lon, lat], zoom }), [lon, lat, zoom]);
  }
  // WAIT_FOR=<test id>: wait until that element is visible (e.g. access-timing) before the shot
  if (process.env.WAIT_FOR) await page.getByTestId(process.env.WAIT_FOR).waitFor({ timeout: 60_000 });
  if (process.env.WAIT) await page.waitForTimeout(Number(process.env.WAIT));
  if (process.env.CLICK) {
    const [lon, lat] = process.env.CLICK.split(',').map(Number);
    const p = await page.evaluate(([lon, lat]) => (window as unknown as { __territorioMap: { project(ll: number[]): { x: number; y: number } } }).__territorioMap.project([lon, lat]), [lon, lat]);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForTimeout(800);
  }
  await page.screenshot({ path: out });
  console.log(logs.join('\n'));
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
  stopPreview(server);
}
