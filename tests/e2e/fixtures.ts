import { test as base, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Every request the page (and its workers) made, recorded through the context's router. */
export const test = base.extend<{ requests: string[] }>({
  requests: async ({ context }, use) => {
    const urls: string[] = [];
    await context.route('**/*', (route) => {
      urls.push(route.request().url());
      return route.continue();
    });
    await use(urls);
  },
});
export { expect };

/** Opens the app and waits until the ranked table is on screen. */
export async function openApp(page: Page) {
  await page.goto('./');
  await expect(page.getByTestId('ranking-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-testid="map"] canvas').first()).toBeVisible();
}

/** Rows of the ranking table as {rank, name, departamento, score}. */
export async function tableRows(page: Page) {
  return page.locator('[data-testid="ranking-table"] tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = r.querySelectorAll('td, th');
      return {
        ubigeo: r.getAttribute('data-ubigeo') ?? '',
        rank: cells[0].textContent ?? '',
        name: cells[1].textContent ?? '',
        departamento: cells[2].textContent ?? '',
        score: cells[3].textContent ?? '',
      };
    }),
  );
}

/** Parses a number formatted for es-PE ("1 234,5" or "12.5"). */
export function parseScore(text: string): number {
  const cleaned = text.replace(/\s|\u00a0|\u202f/g, '').replace(',', '.');
  return Number.parseFloat(cleaned);
}

export async function runAxe(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const res = await axe.run(document);
    return res.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
