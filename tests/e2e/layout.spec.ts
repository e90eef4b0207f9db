import { test, expect, openApp } from './fixtures';

const mapWidth = async (page: import('@playwright/test').Page) => (await page.getByTestId('map').boundingBox())!.width;

test.describe('layout on a laptop and a phone', () => {
  test('at 1024×768 the panels start folded and the map keeps at least half the width; «Mostrar paneles» brings them back', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp(page);
    expect(await mapWidth(page)).toBeGreaterThanOrEqual(512);
    await expect(page.locator('#left-panels')).toBeHidden();
    await page.getByTestId('panel-toggle').click();
    await expect(page.locator('#left-panels')).toBeVisible();
    await expect(page.getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'true');
    await page.getByTestId('panel-toggle').click();
    await expect(page.locator('#left-panels')).toBeHidden();
  });

  test('at 1440×900 everything sits side by side', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openApp(page);
    await expect(page.locator('#left-panels')).toBeVisible();
    expect(await mapWidth(page)).toBeGreaterThan(500);
  });

  test('at 414×896 one column: the map takes the width, and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 414, height: 896 });
    await openApp(page);
    expect(await mapWidth(page)).toBeGreaterThanOrEqual(400);
    await expect(page.getByTestId('ranking-table')).toBeVisible();
    const table = (await page.getByTestId('ranking-table').boundingBox())!;
    expect(table.width).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(414);
  });

  test('the legend folds away and comes back', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('legend-hide').click();
    await expect(page.getByTestId('legend')).toHaveCount(0);
    await page.getByTestId('legend-show').click();
    await expect(page.getByTestId('legend-choropleth')).toBeVisible();
  });
});
