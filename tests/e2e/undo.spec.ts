import { test, expect, openApp, tableRows, dragSliderToEnd } from './fixtures';

/** The ranking as the table shows it: "ubigeo:score" per row. */
const snapshot = async (page: Parameters<typeof openApp>[0]) => (await tableRows(page)).map((r) => `${r.ubigeo}:${r.score}`).join('|');

test.describe('undo and redo of scenario changes', () => {
  test('three changes undone one by one and redone, the table following each step', async ({ page }) => {
    await openApp(page);
    const undo = page.getByTestId('undo');
    const redo = page.getByTestId('redo');
    await expect(undo).toBeDisabled();
    await expect(redo).toBeDisabled();
    const s0 = await snapshot(page);

    // 1. a weight: dragged with the mouse (many input events, one step)
    await dragSliderToEnd(page, 'weight-slider-pobreza_pct', 0.2);
    await expect(page.getByTestId('weight-input-pobreza_pct')).toHaveValue('100');
    const s1 = await snapshot(page);
    expect(s1).not.toBe(s0);

    // 2. the scope: one department
    await page.selectOption('#scope-select', '08');
    await expect(page.getByTestId('ranking-table').locator('tbody tr')).toHaveCount(13);
    const s2 = await snapshot(page);

    // 3. the aggregation
    await page.getByLabel(/media geométrica/i).check();
    await expect.poll(() => snapshot(page)).not.toBe(s2);
    const s3 = await snapshot(page);

    // undo one by one: the button, then Ctrl+Z twice (focus away from any text field)
    await undo.click();
    await expect.poll(() => snapshot(page)).toBe(s2);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => snapshot(page)).toBe(s1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => snapshot(page)).toBe(s0);
    await expect(page.getByTestId('weight-input-pobreza_pct')).not.toHaveValue('100');
    await expect(undo).toBeDisabled();

    // redo: the button, then Ctrl+Shift+Z twice
    await redo.click();
    await expect.poll(() => snapshot(page)).toBe(s1);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => snapshot(page)).toBe(s2);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => snapshot(page)).toBe(s3);
    await expect(redo).toBeDisabled();
  });

  test('Ctrl+Z inside a text field undoes the typing, not the scenario', async ({ page }) => {
    await openApp(page);
    await page.selectOption('#scope-select', '08');
    await expect(page.getByTestId('undo')).toBeEnabled();
    const search = page.getByTestId('search-input');
    await search.fill('cus');
    await search.press('Control+z');
    await expect(page.locator('#scope-select')).toHaveValue('08');
    await expect(page.getByTestId('undo')).toBeEnabled();
  });
});
