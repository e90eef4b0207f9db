import type { Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';

async function openPanel(page: Page) {
  await page.getByTestId('open-scenarios').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
}
async function setTitle(page: Page, title: string) {
  const field = page.getByTestId('scenario-title');
  await field.fill(title);
  await field.blur();
}

test.describe('storage you can trust', () => {
  test('two tabs on one saved scenario: the stale save is refused with a choice, nothing is overwritten', async ({ context }) => {
    test.setTimeout(240_000); // two copies of the app start on two cores
    const a = await context.newPage();
    const b = await context.newPage();
    await openApp(a);
    await openApp(b);
    // tab A saves «Mesa 2»; tab B sees it appear in its list without a reload (BroadcastChannel)
    await openPanel(a);
    await setTitle(a, 'Mesa 2');
    await a.getByTestId('scenario-save').click();
    await expect(a.getByTestId('scenario-status')).toContainText('guardado');
    await openPanel(b);
    await expect(b.getByTestId('scenario-list')).toContainText('Mesa 2');
    await b.getByRole('button', { name: 'Abrir «Mesa 2»' }).click();

    // both edit; A saves first, then B
    await a.getByTestId('weight-input-pobreza_pct').fill('45');
    await a.getByTestId('scenario-save').click();
    await expect(a.getByTestId('scenario-status')).toContainText('guardado');
    await b.getByTestId('weight-input-pobreza_pct').fill('5');
    await b.getByTestId('scenario-save').click();
    await expect(b.getByTestId('scenario-status')).toContainText('No se pudo guardar el escenario');
    await expect(b.getByTestId('scenario-status')).toContainText('Otra pestaña o ventana guardó «Mesa 2»');
    const choices = b.getByTestId('scenario-conflict');
    await expect(choices.getByRole('button')).toHaveCount(2);
    // B keeps its version as a copy: two entries, A's still with 45 points
    await choices.getByRole('button', { name: 'Guardar mi versión como una copia' }).click();
    await expect(b.getByTestId('scenario-list').locator('li')).toHaveCount(2);
    await a.reload();
    await openApp(a);
    await openPanel(a);
    await expect(a.getByTestId('scenario-list').locator('li')).toHaveCount(2);
    await expect(a.getByTestId('scenario-list')).toContainText('Copia de Mesa 2');
    await a.getByRole('button', { name: 'Abrir «Mesa 2»' }).click();
    await expect(a.getByTestId('weight-input-pobreza_pct')).toHaveValue('45');

    // a scenario deleted in one tab does not come back when the other saves it
    await b.getByRole('button', { name: 'Abrir «Mesa 2»' }).click();
    a.once('dialog', (d) => void d.accept());
    await a.getByRole('button', { name: 'Eliminar «Mesa 2»' }).click();
    await expect(a.getByTestId('scenario-list').locator('li')).toHaveCount(1);
    await b.getByTestId('weight-input-pobreza_pct').fill('7');
    await b.getByTestId('scenario-save').click();
    await expect(b.getByTestId('scenario-status')).toContainText('fue eliminado en otra pestaña');
    await expect(a.getByRole('button', { name: 'Abrir «Mesa 2»' })).toHaveCount(0);
    await expect(b.getByRole('button', { name: 'Abrir «Mesa 2»' })).toHaveCount(0);
  });

  test('without IndexedDB the app says saving is off and offers the JSON export', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    await openApp(page);
    await openPanel(page);
    await expect(page.getByTestId('saving-off')).toContainText('no permite guardar escenarios');
    await expect(page.getByTestId('scenario-save')).toBeDisabled();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Exportar escenario \(JSON\)/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.json$/);
  });
});
