// Issue 17: in English, no Spanish word of the app's own strings is left on screen. The list is
// every word of the Spanish UI strings that no English string uses (so «total» or «Perú» do not
// count); place names, institutions and the user's data are not UI strings and are allowed.
import { readFileSync } from 'node:fs';
import { resources } from '../../src/i18n/resources';
import { test, expect, openApp } from './fixtures';

function strings(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string') out.push(x);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) strings(v, out);
  return out;
}
const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? []);
// the catalogue's English text quotes the source's own values and flags («No detalla», «punto_cercano») and
// lists column names: those words are data, shown as the source wrote them
const catalog = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as {
  datasets: { file: string; rawFiles: string[]; title: { en: string }; quirks: { description: { en: string } }[]; columns: { name: string }[] }[];
};
const catalogEnglish = catalog.datasets.flatMap((d) => [d.title.en, ...d.quirks.map((q) => q.description.en), ...d.columns.map((c) => c.name), d.file, ...d.rawFiles].map((x) => x.replace(/[_/.]/g, ' ')));
const english = words([...strings(resources.en), ...catalogEnglish].join(' '));
/** Words that are names in both languages (institutions, data sources, places the UI names). */
const NAMES = new Set(['defensoría', 'pueblo', 'susalud', 'renipress', 'ministerio', 'salud', 'nacional']);
const SPANISH = new Set([...words(strings(resources.es).join(' '))].filter((w) => !english.has(w) && !NAMES.has(w)));

async function spanishOnScreen(page: import('@playwright/test').Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...words(text)].filter((w) => SPANISH.has(w)).sort();
}

test('the English interface shows no Spanish UI word in its main views', async ({ page }) => {
  expect(SPANISH.size).toBeGreaterThan(500); // the list is real: hundreds of distinct Spanish words
  await openApp(page);
  await page.selectOption('#lang-select', 'en');
  await expect(page.getByTestId('app-question')).toContainText('provinces');
  const seen: Record<string, string[]> = {};
  seen.main = await spanishOnScreen(page);
  // a province's detail
  await page.locator('[data-testid="ranking-table"] tbody tr').first().click();
  await expect(page.getByTestId('detail-panel')).toBeVisible();
  seen.detail = await spanishOnScreen(page);
  // the data panel
  await page.getByTestId('open-data-panel').click();
  seen.data = await spanishOnScreen(page);
  await page.getByTestId('open-data-panel').click();
  // trends and monitoring
  await page.getByTestId('open-trends').click();
  await expect(page.getByTestId('trend-poblacion')).toBeVisible({ timeout: 60_000 });
  seen.trends = await spanishOnScreen(page);
  await page.keyboard.press('Escape');
  await page.getByTestId('open-monitoring').click();
  seen.monitoring = await spanishOnScreen(page);
  await page.keyboard.press('Escape');
  // «Consultas»
  await page.getByTestId('open-consultas').click();
  await expect(page.getByTestId('consultas-view')).toBeVisible();
  seen.consultas = await spanishOnScreen(page);
  await page.keyboard.press('Escape');
  // the scenario panel
  await page.getByTestId('open-scenarios').click();
  seen.scenarios = await spanishOnScreen(page);
  // the printable report
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-view')).toBeVisible();
  seen.report = await spanishOnScreen(page);
  expect(Object.fromEntries(Object.entries(seen).filter(([, w]) => w.length > 0))).toEqual({});
});
