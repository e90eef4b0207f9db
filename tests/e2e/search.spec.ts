import { test, expect, openApp, rankingRows } from './fixtures';

test.describe('search', () => {
  test('searching "Otuzco" lands on the province, then on the district, keyboard only', async ({ page }) => {
    await openApp(page);
    const box = page.getByTestId('search-input');
    await box.fill('otuzco');
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toContainText('Otuzco');
    await expect(options.first()).toContainText('provincia');
    await box.press('Enter');
    // province level, La Libertad's provinces, Otuzco selected and explained
    await expect(rankingRows(page).and(page.locator('[aria-current="true"]'))).toHaveAttribute('data-ubigeo', '1306');
    await expect(page.getByTestId('scope-select')).toHaveValue('13');
    await expect(page.getByTestId('detail-panel')).toContainText('Otuzco');
    // the map shows Otuzco (about 0.7° across), not the whole of La Libertad (about 3°)
    // (the zoom is applied on the next frame, once the detail panel has resized the map)
    await expect
      .poll(() =>
        page.evaluate(() => {
          const b = (window as unknown as { __territorioMap: { getBounds: () => { getWest: () => number; getEast: () => number } } }).__territorioMap.getBounds();
          return b.getEast() - b.getWest();
        }),
      )
      .toBeLessThan(1.6);
    // the district of the same name is the next option
    await box.fill('otuzco');
    await box.press('ArrowDown');
    await expect(page.getByRole('listbox').getByRole('option', { selected: true })).toContainText('distrito');
    await box.press('Enter');
    await expect(page.getByTestId('level-select')).toHaveValue('distrito');
    await expect(page.getByTestId('province-select')).toHaveValue('1306');
    await expect(rankingRows(page).and(page.locator('[aria-current="true"]'))).toHaveAttribute('data-ubigeo', '130601');
  });

  test('accents and case do not matter, and a facility opens its card', async ({ page }) => {
    await openApp(page);
    const box = page.getByTestId('search-input');
    await box.fill('PARINAS');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Pariñas');
    await box.fill('antonio lorena');
    const hospital = page.getByRole('listbox').getByRole('option', { name: /ANTONIO LORENA DEL CUSCO/ }).first();
    await expect(hospital).toContainText('establecimiento');
    await hospital.click();
    const card = page.getByTestId('facility-card');
    await expect(card).toContainText('ANTONIO LORENA DEL CUSCO');
    await expect(card).toContainText('III-1');
  });
});

test('drilling into a province shows its districts, and the breadcrumb leads back', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('scope-select').selectOption({ label: 'La Libertad (12 provincias)' });
  await rankingRows(page).filter({ hasText: 'Otuzco' }).click();
  await page.getByTestId('drill-down').click();
  await expect(page.getByTestId('level-select')).toHaveValue('distrito');
  await expect(page.getByTestId('province-select')).toHaveValue('1306');
  const rows = rankingRows(page);
  await expect(rows.first()).toBeVisible();
  const codes = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-ubigeo') ?? ''));
  expect(codes.length).toBeGreaterThan(3);
  expect(codes.every((c) => c.startsWith('1306'))).toBe(true);
  const crumb = page.getByTestId('breadcrumb');
  await expect(crumb).toHaveText(/Perú.*La Libertad.*Otuzco/);
  await crumb.getByRole('button', { name: 'La Libertad' }).click();
  await expect(page.getByTestId('level-select')).toHaveValue('provincia');
  await expect(rows).toHaveCount(12);
  await crumb.getByRole('button', { name: 'Perú' }).click();
  await expect(rows).toHaveCount(196);
});
