import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openApp, tableRows, runAxe } from './fixtures';

/** Text of every page of a PDF, through pdf.js's Node build (legacy). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join('');
  }
  await doc.destroy();
  return { pages: doc.numPages, text: text.replace(/[ \t]+/g, ' ') };
}

const QUESTION = '¿Qué provincias de Cusco reciben primero el mantenimiento de sus establecimientos?';

async function openPanel(page: Page) {
  await page.getByTestId('open-scenarios').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
}

/** Fills a panel text field and leaves it, so it is written to the scenario. */
async function fillField(page: Page, testId: string, value: string) {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.blur();
}

async function fillCanvas(page: Page, title: string) {
  await fillField(page, 'scenario-title', title);
  await fillField(page, 'scenario-author', 'Mesa 3');
  await fillField(page, 'scenario-question', QUESTION);
  await fillField(page, 'canvas-decision', 'Elegir las cinco provincias del primer tramo de mantenimiento.');
  await fillField(page, 'canvas-innovation', 'Cruzar la antigüedad con el inventario regional de la DIRESA.');
  await page.getByRole('radio', { name: 'No sabemos' }).check();
  await fillField(page, 'canvas-ai-why', 'Primero hay que digitalizar las fichas de inspección.');
  await fillField(page, 'minutes-participants', 'Ana Quispe\nLuis Huamán');
  await fillField(page, 'minutes-agreements', 'Validar las fechas con el inventario.');
  await fillField(page, 'minutes-decisions', 'La Gerencia de Desarrollo Social decide el 15 de mayo.');
}

const ranks = async (page: Page) => (await tableRows(page)).map((r) => `${r.ubigeo}:${r.rank}:${r.score}`);

test.describe('scenarios for workshops', () => {
  // axe is injected as an inline script, which the app's Content-Security-Policy forbids
  test.use({ bypassCSP: true });

  test('create a scenario, reload and find it; open, duplicate, rename, delete', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('decision-note')).toContainText('insumo');
    await page.getByTestId('weight-input-pobreza_pct').fill('40');
    const before = await ranks(page);
    await openPanel(page);
    await fillCanvas(page, 'Mesa 3 — pobreza 40');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-status')).toContainText('guardado');
    expect(await runAxe(page)).toEqual([]);

    await page.reload();
    await openApp(page);
    // a reload keeps the scenario being worked on (the working copy), and says so
    await expect(page.getByTestId('scenario-notice')).toContainText('Se recuperó el escenario');
    expect(await ranks(page)).toEqual(before);
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('40');
    await openPanel(page);
    const list = page.getByTestId('scenario-list');
    await expect(list).toContainText('Mesa 3 — pobreza 40');
    await page.getByRole('button', { name: 'Abrir «Mesa 3 — pobreza 40»' }).click();
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('40');
    await expect(page.getByTestId('canvas-decision')).toHaveValue(/primer tramo/);
    await expect(page.getByRole('radio', { name: 'No sabemos' })).toBeChecked();
    expect(await ranks(page)).toEqual(before);

    await page.getByRole('button', { name: 'Duplicar «Mesa 3 — pobreza 40»' }).click();
    await expect(list.locator('li')).toHaveCount(2);
    await page.getByRole('button', { name: 'Renombrar «Copia de Mesa 3 — pobreza 40»' }).click();
    const rename = page.getByLabel('Nuevo nombre para «Copia de Mesa 3 — pobreza 40»');
    await rename.fill('Variante B');
    await rename.press('Enter');
    await expect(list).toContainText('Variante B');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Eliminar «Variante B»' }).click();
    await expect(list.locator('li')).toHaveCount(1);
  });

  test('a malformed or newer scenario file gives a clear message and leaves the saved ones alone', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    await fillField(page, 'scenario-title', 'Guardado');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-list').locator('li')).toHaveCount(1);
    const input = page.getByTestId('scenario-import');
    await input.setInputFiles({ name: 'roto.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": "territorio.scenario", ') });
    await expect(page.getByRole('alert')).toContainText('no es JSON válido');
    const newer = JSON.stringify({ kind: 'territorio.scenario', version: 9, scenario: { version: 9, presetId: 'mantenimiento_gore', indicators: [] } });
    await input.setInputFiles({ name: 'futuro.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
    await expect(page.getByRole('alert')).toContainText('versión más nueva');
    await expect(page.getByTestId('scenario-list').locator('li')).toHaveCount(1);
    // and a good file (exported by the app) imports
    const download = page.waitForEvent('download');
    await page.getByTestId('export-json').click();
    const file = readFileSync(await (await download).path());
    await input.setInputFiles({ name: 'bueno.json', mimeType: 'application/json', buffer: file });
    await expect(page.getByTestId('scenario-status')).toContainText('importado');
    await expect(page.getByTestId('scenario-list').locator('li')).toHaveCount(2);
  });

  test('a shared link opens the whole scenario in a fresh browser with the same ranking', async ({ page, browser }) => {
    await openApp(page);
    await page.locator('#scope-select').selectOption('08');
    await page.getByTestId('weight-input-ruralidad_pct').fill('35');
    const expected = await ranks(page);
    expect(expected.length).toBe(13);
    await openPanel(page);
    await fillCanvas(page, 'Cusco rural');
    await page.getByTestId('scenario-share').click();
    const link = await page.getByTestId('scenario-link').inputValue();
    expect(link).toContain('#e=');
    expect(link.length).toBeLessThan(2000);

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await fresh.newPage();
      await other.goto(link);
      await expect(other.getByTestId('scenario-notice')).toContainText('Cusco rural', { timeout: 60_000 });
      await expect(other.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
      await expect(other.locator('[data-testid="ranking-table"] tbody tr')).toHaveCount(13);
      expect(await ranks(other)).toEqual(expected);
      await expect(other.getByTestId('weight-input-ruralidad_pct')).toHaveValue('35');
      await other.getByTestId('open-scenarios').click();
      await expect(other.getByTestId('canvas-decision')).toHaveValue(/primer tramo/);
      await expect(other.getByTestId('scenario-question')).toHaveValue(QUESTION);
      // the link has been consumed: the address bar no longer carries it
      expect(other.url()).not.toContain('#e=');
    } finally {
      await fresh.close();
    }
  });

  test('compare two scenarios: summary line and rank shifts', async ({ page }) => {
    await openApp(page);
    /** Units the table ranks (a unit with too little data is listed apart, with «—»). */
    const rankedIn = (rows: Awaited<ReturnType<typeof tableRows>>) => rows.filter((r) => /^\d+$/.test(r.rank.trim())).map((r) => r.ubigeo);
    const rankedA = rankedIn(await tableRows(page));
    await openPanel(page);
    await fillField(page, 'scenario-title', 'Base GORE');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-status')).toContainText('Base GORE');
    await page.getByTestId('weight-input-pobreza_pct').fill('100');
    await fillField(page, 'scenario-title', 'Pobreza primero');
    await page.getByTestId('scenario-save-new').click();
    await expect(page.getByTestId('scenario-list').locator('li')).toHaveCount(2);
    const current = await tableRows(page);

    await page.getByTestId('open-compare').click();
    const view = page.getByTestId('compare-view');
    await expect(view).toBeVisible();
    await view.getByTestId('compare-a').selectOption({ label: 'Base GORE' });
    await view.getByTestId('compare-b').selectOption({ label: 'Pobreza primero' });
    await expect(view.getByTestId('compare-summary')).toHaveText(/^\d+ de las 10 primeras provincias coinciden$/);
    const common = Number((await view.getByTestId('compare-summary').textContent())!.split(' ')[0]);
    expect(common).toBeLessThan(10);
    // the overlap at every depth, and a chosen depth with who entered and who left
    await expect(view.getByTestId('compare-depths')).toHaveText(/^Coinciden: \d de los 3 primeros · \d de los 5 primeros · \d+ de los 10 primeros\.$/);
    await view.getByTestId('compare-depth').selectOption('3');
    await expect(view.getByTestId('compare-summary')).toHaveText(/^\d de las 3 primeras provincias coinciden$/);
    const common3 = Number((await view.getByTestId('compare-summary').textContent())!.split(' ')[0]);
    const entered3 = (await view.locator('.sc-moves li').first().textContent())!;
    expect(entered3.startsWith('Entran a los primeros 3 en B:')).toBe(true);
    // as many entered as left the top 3
    expect(common3 === 3 ? entered3.endsWith('ninguna') : !entered3.endsWith('ninguna')).toBe(true);
    await view.getByTestId('compare-depth').selectOption('10');
    await expect(view.getByTestId('compare-map-A').locator('path[data-ubigeo]').first()).toBeAttached();
    await expect(view.getByTestId('compare-map-B')).toBeVisible();
    const rows = view.locator('[data-testid="rank-shifts"] tbody tr');
    // every unit ranked in A or in B
    await expect(rows).toHaveCount(new Set([...rankedA, ...rankedIn(current)]).size);
    // B's ranks are the current table's; a shift is rank A − rank B
    const top = await rows.first().evaluate((r) => ({ ubigeo: r.getAttribute('data-ubigeo'), shift: Number(r.getAttribute('data-shift')), cells: [...r.children].map((c) => c.textContent) }));
    expect(top.ubigeo).toBe(current[0].ubigeo);
    expect(top.cells[0]).toBe('1');
    expect(Number(top.cells[3]) - 1).toBe(top.shift);
    const moved = await rows.evaluateAll((rs) => rs.filter((r) => Number(r.getAttribute('data-shift')) !== 0).length);
    expect(moved).toBeGreaterThan(0);
    await expect(view.locator('tbody')).toContainText(/sube \d+/);
    await expect(view.locator('tbody')).toContainText(/baja \d+/);
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(view).toBeHidden();
  });

  test('compare two scenarios with a swipe: A left of the cut, B right of it, both drawn', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    await fillField(page, 'scenario-title', 'Base GORE');
    await page.getByTestId('scenario-save').click();
    await expect(page.getByTestId('scenario-status')).toContainText('Base GORE');
    await page.getByTestId('weight-input-pobreza_pct').fill('100');
    await page.getByTestId('open-compare').click();
    const view = page.getByTestId('compare-view');
    await view.getByTestId('compare-a').selectOption({ label: 'Base GORE' });
    await view.getByTestId('compare-layout-swipe').check();
    const swipe = view.getByTestId('compare-swipe');
    await expect(swipe.getByTestId('compare-map-A').locator('path[data-ubigeo]').first()).toBeAttached();
    await expect(swipe.getByTestId('compare-map-B').locator('path[data-ubigeo]').first()).toBeAttached();
    // the two maps colour some province differently (the weights differ)
    const fills = (which: string) =>
      swipe.getByTestId(`compare-map-${which}`).locator('path[data-ubigeo]').evaluateAll((ps) => Object.fromEntries(ps.map((p) => [p.getAttribute('data-ubigeo'), p.getAttribute('fill')])));
    const [fa, fb] = [await fills('A'), await fills('B')];
    expect(Object.keys(fa).filter((u) => fa[u] !== fb[u]).length).toBeGreaterThan(0);
    // what is on screen at a point: the map whose path is hit there
    const whichAt = async (fx: number) => {
      const box = (await swipe.boundingBox())!;
      return page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid^="compare-map-"]')?.getAttribute('data-testid') ?? null,
        [box.x + box.width * fx, box.y + box.height * 0.5],
      );
    };
    await view.getByTestId('compare-cut').fill('50');
    expect(await whichAt(0.25)).toBe('compare-map-A');
    expect(await whichAt(0.75)).toBe('compare-map-B');
    await page.screenshot({ path: test.info().outputPath('compare-swipe.png') });
    // the cut moved right: B shows only beyond it
    await view.getByTestId('compare-cut').fill('90');
    expect(await whichAt(0.75)).toBe('compare-map-A');
    expect(await whichAt(0.95)).toBe('compare-map-B');
    await view.getByTestId('compare-cut').fill('0');
    expect(await whichAt(0.05)).toBe('compare-map-B');
  });

  test('download the ranking CSV with its scenario metadata', async ({ page }) => {
    await openApp(page);
    const rows = await tableRows(page);
    await openPanel(page);
    await fillField(page, 'scenario-title', 'Para el CSV');
    await fillField(page, 'scenario-question', QUESTION);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^territorio-para-el-csv-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trimEnd().split('\r\n');
    const meta = lines.filter((l) => l.startsWith('#')).join('\n');
    for (const needle of [
      '# Nombre del escenario: Para el CSV',
      `# Pregunta de decisión: ${QUESTION}`,
      '# Pesos: ',
      'Antigüedad mediana de los establecimientos al año de referencia 25.0 %',
      '# Fecha del escenario: ',
      '# Fuentes: MINSA — Establecimientos de salud en funcionamiento (IPRESS, MINSA) (2017-02)',
      'SUSALUD',
      '# Versiones: Territorio ',
      'insumo para una decisión humana',
    ]) {
      expect(meta).toContain(needle);
    }
    const body = lines.filter((l) => !l.startsWith('#'));
    expect(body[0].startsWith('puesto,ubigeo,nombre,departamento,puntaje,cobertura_peso_pct,valor:')).toBe(true);
    expect(body).toHaveLength(rows.length + 1);
    expect(body[1].split(',').slice(0, 2)).toEqual(['1', rows[0].ubigeo]);

    // the GeoJSON and the PNG carry the same scenario
    const geo = page.waitForEvent('download');
    await page.getByTestId('export-geojson').click();
    const g = JSON.parse(readFileSync(await (await geo).path(), 'utf8'));
    expect(g.features).toHaveLength(rows.length);
    expect(g.features[0].properties).toMatchObject({ ubigeo: rows[0].ubigeo, puesto: 1 });
    expect(g.metadata).toMatchObject({ title: 'Para el CSV', question: QUESTION });
    expect(g.metadata.sources.map((d: { vintage: string }) => d.vintage)).toContain('2017-02');
    const png = page.waitForEvent('download');
    await page.getByTestId('export-png').click();
    const image = readFileSync(await (await png).path());
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.readUInt32BE(16)).toBe(2400);
  });

  test('the printable report prints to PDF with question, map, top N, weights, canvas and sources', async ({ page }) => {
    await openApp(page);
    const top = (await tableRows(page))[0];
    await openPanel(page);
    await fillCanvas(page, 'Informe de la mesa 3');
    await page.getByTestId('open-report').click();
    const report = page.getByTestId('report-view');
    await expect(report.locator('.static-map path[data-ubigeo]').first()).toBeAttached();
    expect(await runAxe(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { pages, text } = await pdfText(pdf);
    // one A4 page, or two since the report also states the facility universe and the data definitions
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    const flat = text.replace(/\s+/g, ' ');
    for (const needle of [
      'Informe de la mesa 3',
      QUESTION,
      'Primeros 10 del ranking',
      top.name,
      'Pesos e indicadores',
      'Antigüedad mediana',
      '¿Qué decisión tomamos hoy?',
      'Elegir las cinco provincias',
      '¿La IA agrega valor real?',
      'No sabemos',
      'Quién decidió qué',
      'La Gerencia de Desarrollo Social decide',
      'Fuentes de datos y vigencia',
      'MINSA',
      '2017-02',
      'insumo para una decisión humana',
    ]) {
      expect(flat).toContain(needle);
    }
    // the app behind the report is not printed
    expect(flat).not.toContain('Ir a la tabla de prioridades');
  });

  test('presentation mode steps through the slides with the keyboard', async ({ page }) => {
    await openApp(page);
    await openPanel(page);
    await fillCanvas(page, 'Mesa 3');
    await page.getByTestId('open-present').click();
    const present = page.getByTestId('present-mode');
    await expect(present).toBeVisible();
    await expect(present.getByTestId('slide-counter')).toHaveText('Diapositiva 1 de 6');
    await expect(present.getByTestId('slide')).toContainText(QUESTION);
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('ArrowRight');
    await expect(present.getByTestId('slide')).toHaveAttribute('data-slide', '1');
    await expect(present.locator('.static-map path[data-ubigeo]').first()).toBeAttached();
    await page.keyboard.press('ArrowRight');
    await expect(present.getByTestId('slide')).toContainText('Los primeros 10 y por qué');
    await expect(present.locator('.sc-present-top li')).toHaveCount(10);
    // the weights slide: every weighted indicator with its share, the heaviest first
    await page.keyboard.press('ArrowRight');
    await expect(present.getByTestId('slide')).toContainText('Cómo se ponderó');
    const shares = (await present.locator('[data-testid="present-weights"] li strong').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, '')));
    expect(shares.length).toBeGreaterThan(2);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(shares.length);
    await page.keyboard.press('End');
    await expect(present.getByTestId('slide-counter')).toHaveText('Diapositiva 6 de 6');
    await expect(present.getByTestId('slide')).toContainText('La Gerencia de Desarrollo Social');
    await page.keyboard.press('ArrowLeft');
    await expect(present.getByTestId('slide')).toContainText('No sabemos');
    // the whole ranking, paged after the top 10 (issue 17): 15 a slide, every unit once
    const ranked = Number((await present.locator('.sc-present-all').textContent())!.match(/\((\d+)\)/)![1]);
    expect(ranked).toBeGreaterThan(150);
    await present.getByTestId('present-all').check();
    const pages = Math.ceil((ranked - 10) / 15);
    // the slide on screen stays the same: the pages go in before it
    await expect(present.getByTestId('slide-counter')).toHaveText(`Diapositiva ${5 + pages} de ${6 + pages}`);
    await expect(present.getByTestId('slide')).toContainText('No sabemos');
    await page.keyboard.press('Home');
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await expect(present.getByTestId('slide')).toContainText(`El ranking: puestos 11 a 25 de ${ranked}`);
    await expect(present.getByTestId('present-page').locator('tbody tr')).toHaveCount(15);
    await expect(present.getByTestId('present-page').locator('tbody tr').first().locator('td').first()).toHaveText('11');
    // projector sizes: at 1920×1080 the question is drawn larger than at 1280×720
    await page.keyboard.press('Home');
    const size = async () => present.locator('.sc-present-question').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.setViewportSize({ width: 1280, height: 720 });
    const small = await size();
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await size()).toBeGreaterThan(small * 1.3);
    await page.keyboard.press('Escape');
    await expect(present).toBeHidden();
  });
});
