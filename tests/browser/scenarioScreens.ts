import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { startPreview, stopPreview } from './previewServer';

/**
 * Screenshots of the scenario views (issue #6): `npx tsx tests/browser/scenarioScreens.ts OUTDIR`
 * serves DIST (default dist) on PORT (default 4197), fills a workshop canvas, and saves
 * present-1..5.png, report-screen.png, report-print.png (print media, A4 width) and report.pdf.
 */
const outDir = process.argv[2] ?? '.';
const server = await startPreview(process.env.DIST ?? 'dist', Number(process.env.PORT ?? 4197));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('territorio:ranked-map').length > 0, null, { timeout: 90_000 });
  if (process.env.SCOPE) await page.selectOption('#scope-select', process.env.SCOPE);
  await page.click('[data-testid="open-scenarios"]');
  const fill = async (id: string, v: string) => {
    await page.fill(`[data-testid="${id}"]`, v);
    await page.locator(`[data-testid="${id}"]`).blur();
  };
  await fill('scenario-title', 'Mesa 3 — Mantenimiento GORE');
  await fill('scenario-author', 'Ana Quispe (DIRESA)');
  await fill('scenario-question', '¿En qué provincias priorizamos el mantenimiento de establecimientos de salud en 2026?');
  await fill('canvas-decision', 'Elegir las 10 provincias que reciben el primer tramo del presupuesto de mantenimiento 2026.');
  await fill('canvas-innovation', 'Cruzar la antigüedad de los establecimientos con las emergencias atendidas y el inventario regional de la DIRESA.');
  await page.getByRole('radio', { name: 'No sabemos' }).check();
  await fill('canvas-ai-why', 'Podría leer las fichas de inspección, pero primero hay que digitalizarlas.');
  await fill('minutes-participants', 'Ana Quispe (DIRESA)\nLuis Huamán (GORE, planeamiento)\nMaría Condori (red de salud)');
  await fill('minutes-agreements', 'Validar las fechas de inicio de actividad con el inventario regional antes de decidir.');
  await fill('minutes-decisions', 'La Gerencia de Desarrollo Social decide el primer tramo el 15 de mayo.');
  await page.screenshot({ path: `${outDir}/panel.png` });
  await page.click('[data-testid="scenario-panel"] header button');
  await page.click('[data-testid="open-present"]');
  for (let k = 1; k <= 5; k++) {
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${outDir}/present-${k}.png` });
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  await page.click('[data-testid="open-scenarios"]');
  await page.click('[data-testid="open-report"]');
  await page.waitForSelector('.sc-report .static-map path');
  await page.screenshot({ path: `${outDir}/report-screen.png` });
  writeFileSync(`${outDir}/report.pdf`, await page.pdf({ format: 'A4', printBackground: true }));
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${outDir}/report-print.png`, fullPage: true });
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  stopPreview(server);
}
