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
