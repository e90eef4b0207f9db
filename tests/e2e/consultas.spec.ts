// Issue 18, «Consultas»: an analyst's SQL against the loaded tables, in the real app: the table
// list, a count checked against DuckDB's own count of the Parquet, sorting, the CSV, errors in
// plain Spanish, the app's tables read-only, no network, cancel, and the query kept on reload.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { test, expect, openApp, runAxe } from './fixtures';

test.use({ bypassCSP: true });

async function parquetCount(where: string): Promise<number> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM 'public/data/establecimientos.parquet' WHERE ${where}`);
  return Number(r.getRowObjects()[0].n);
}

test('«Consultas»: a query checked against the Parquet, sorting, CSV, plain errors, read-only tables, cancel, kept with the scenario', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-consultas').click();
  const view = page.getByTestId('consultas-view');
  await expect(view.locator('[data-table="establecimientos"]')).toContainText('solo lectura');
  const sql = view.getByTestId('consultas-sql');
  const run = async (text: string) => {
    await sql.fill(text);
    await sql.press('Control+Enter');
  };

  // a count the app's engine gives equals DuckDB's count of the Parquet file
  const expected = await parquetCount("categoria = 'I-2'");
  await run("SELECT count(*) AS n FROM establecimientos WHERE categoria = 'I-2'");
  await expect(view.getByTestId('consultas-summary')).toContainText('1 fila');
  await expect(view.getByTestId('consultas-result').locator('tbody td')).toHaveText(new Intl.NumberFormat('es-PE').format(expected));

  // an example: facilities per 10,000 inhabitants by province, sorted by a click on its column
  await view.getByTestId('consultas-example-facilitiesByProvince').click();
  await view.getByTestId('consultas-run').click();
  await expect(view.getByTestId('consultas-summary')).toContainText('196 filas');
  const header = view.getByRole('button', { name: /^por_10000_hab/ });
  await header.click();
  const column = async () =>
    (await view.getByTestId('consultas-result').locator('tbody tr td:nth-child(5)').allTextContents()).slice(0, 20).map((x) => Number(x.replace(/,/g, '')));
  const desc = await column();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  expect(desc[0]).toBeGreaterThan(desc[19]);
  await header.click();
  const asc = await column();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  // the CSV holds every row, with the header
  const [file] = await Promise.all([page.waitForEvent('download'), view.getByTestId('consultas-download').click()]);
  const csv = readFileSync((await file.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r\n/);
  expect(csv[0]).toBe('ubigeo,provincia,departamento,establecimientos,por_10000_hab');
  expect(csv).toHaveLength(197);

  // its numeric column on the map: an indicator of weight 0, quantiles, darkest at the highest value
  await expect(view.getByTestId('consultas-map-column')).toHaveValue('por_10000_hab');
  await view.getByTestId('consultas-map-it').click();
  await expect(view).toBeHidden();
  const legend = page.getByTestId('legend-choropleth');
  await expect(legend.locator('h2')).toHaveText('por_10000_hab (cuantiles)');
  const max = Math.max(...csv.slice(1).map((line) => Number(line.split(',').pop())));
  await expect(legend.locator('ul > li').first()).toHaveText(new RegExp(`– ${max.toFixed(2).replace('.', '\\.')} \\(mayor prioridad\\)$`));
  await page.getByTestId('open-consultas').click();

  // a table of the analyst's own, in `usuario`, appears in the list
  await view.getByTestId('consultas-example-ownTable').click();
  await view.getByTestId('consultas-run').click();
  await expect(view.locator('[data-table="usuario.sin_fecha"]')).toContainText('suya');

  // plain errors: a wrong column (DuckDB's words), a write to an app table, a file or URL
  await run('SELECT no_existe FROM establecimientos');
  await expect(view.getByTestId('consultas-error')).toContainText('DuckDB no pudo ejecutar la consulta');
  await expect(view.getByTestId('consultas-error')).toContainText('no_existe');
  await run('DELETE FROM establecimientos');
  await expect(view.getByTestId('consultas-error')).toContainText('«establecimientos», que es de solo lectura');
  await run("SELECT * FROM read_csv('https://example.org/datos.csv')");
  await expect(view.getByTestId('consultas-error')).toContainText('DuckDB no pudo ejecutar la consulta');
  // and nothing was deleted
  await run("SELECT count(*) AS n FROM establecimientos WHERE categoria = 'I-2'");
  await expect(view.getByTestId('consultas-result').locator('tbody td')).toHaveText(new Intl.NumberFormat('es-PE').format(expected));
  expect(await runAxe(page)).toEqual([]);

  // a long query is cancelled, and the next one runs
  await run('SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b');
  await expect(view.getByTestId('consultas-cancel')).toBeEnabled();
  await view.getByTestId('consultas-cancel').click();
  await expect(view.getByTestId('consultas-error')).toContainText('Consulta cancelada', { timeout: 15_000 });
  await run('SELECT 41 + 1 AS respuesta');
  await expect(view.getByTestId('consultas-result').locator('tbody td')).toHaveText('42');

  // kept with the scenario: after a reload the editor shows the last query
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await page.reload();
  await openApp(page);
  // the mapped query (not the last one written) ran again: the map still shows its column
  await expect(page.getByTestId('legend-choropleth').locator('h2')).toHaveText('por_10000_hab (cuantiles)', { timeout: 30_000 });
  await page.getByTestId('open-consultas').click();
  await expect(page.getByTestId('consultas-sql')).toHaveValue('SELECT 41 + 1 AS respuesta');
});
