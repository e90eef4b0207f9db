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
