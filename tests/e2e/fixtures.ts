import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { E2E_VIEWPORT, PREVIEW_URL } from '../browser/chromium';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * One browser context per Playwright worker, shared by the tests that use the configured options
 * (issue 16, CI time): a new context per test paid a cold HTTP cache and a cold start (~3 s a
 * test here). Isolation is kept where it matters: after each test its pages are closed, its routes
 * removed, the network put back online and the origin's storage (local storage, IndexedDB, cache
 * storage, cookies) cleared, so the next test starts as a first visit, only with warm caches.
 * A test that sets its own context options (`test.use({ bypassCSP })`, service workers) gets a
 * fresh context of its own, as before.
 */
export const test = base.extend<{ requests: string[] }, { sharedContext: BrowserContext }>({
  sharedContext: [
    async ({ browser }, use) => {
      const ctx = await browser.newContext({ baseURL: PREVIEW_URL, viewport: E2E_VIEWPORT, serviceWorkers: 'block' });
      await use(ctx);
      await ctx.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ context, sharedContext, bypassCSP, serviceWorkers, viewport }, use) => {
    const own = bypassCSP || serviceWorkers !== 'block' || viewport?.width !== E2E_VIEWPORT.width || viewport?.height !== E2E_VIEWPORT.height;
    if (own) return use(context);
    await use(sharedContext);
    await resetContext(sharedContext);
  },
  requests: async ({ context }, use) => {
    const urls: string[] = [];
    await context.route('**/*', (route) => {
      urls.push(route.request().url());
      return route.continue();
    });
    await use(urls);
  },
});

/** Back to a first visit: no page, no route, online, and the origin's stored data gone. */
async function resetContext(ctx: BrowserContext) {
  for (const p of ctx.pages()) await p.close().catch(() => undefined);
  await ctx.unrouteAll({ behavior: 'ignoreErrors' });
  await ctx.setOffline(false);
  await ctx.clearCookies();
  await ctx.clearPermissions();
  const blank = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(blank);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(PREVIEW_URL).origin,
      storageTypes: 'local_storage,indexeddb,file_systems,cache_storage,service_workers,cookies,websql,shared_storage,storage_buckets',
    });
  } finally {
    await blank.close();
  }
}
export { expect };

/**
 * Opens the app and waits until the ranked table is on screen and the engine is ready. The table
 * comes first, from the pipeline's snapshot (issue 16); the engine's arrival then fills the left
 * panels and re-renders, which would move what a test is about to click.
 */
export async function openApp(page: Page) {
  await page.goto('./');
  // attached, not visible: on a phone the ranking waits in its tab (issue 17)
  await expect(page.getByTestId('ranking-table')).toBeAttached({ timeout: 60_000 });
  await expect(page.locator('main.workspace')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  // The service worker registers once the engine is ready; its outcome is a banner above the
  // workspace that moves the map down (in e2e the worker is blocked: «No se pudo guardar…»).
  // Positions on the map are computed after it, or a hover and a click land on different places.
  await page
    .locator('[data-testid="offline-failed"], [data-testid="offline-ready"]')
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 })
    .catch(() => undefined);
  await expect(page.locator('[data-testid="map"] canvas').first()).toBeVisible();
  // the app marks the first frame that shows the ranked choropleth
  await page.waitForFunction(() => performance.getEntriesByName('territorio:ranked-map').length > 0);
}

/** Rows of the ranking table (not of any other table on screen). */
export const rankingRows = (page: Page) => page.locator('[data-testid="ranking-table"] tbody tr');

/** Moves the mouse over a geographic point of the map and returns the screen position. */
export async function hoverLonLat(page: Page, lon: number, lat: number) {
  const pos = await screenOf(page, lon, lat);
  await page.mouse.move(pos.x, pos.y);
  return pos;
}

/** Rows of the ranking table as {rank, name, departamento (the province at district level), score}. */
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

/** The colour on screen at a page position: a 1×1 screenshot decoded by the browser itself. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(1, 1);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2]] as [number, number, number];
  }, png.toString('base64'));
}

/** Screen position of a geographic point on the map. */
export async function screenOf(page: Page, lon: number, lat: number) {
  // the map has caught up with its box (a banner above it resizes it; MapLibre follows a frame later)
  await page.waitForFunction(() => {
    const m = (window as unknown as { __territorioMap: { getCanvas: () => HTMLCanvasElement; getContainer: () => HTMLElement; isMoving: () => boolean } }).__territorioMap;
    const c = m.getCanvas();
    const box = m.getContainer();
    return !m.isMoving() && Math.abs(c.clientWidth - box.clientWidth) < 2 && Math.abs(c.clientHeight - box.clientHeight) < 2;
  });
  const point = await page.evaluate(([x, y]) => {
    const m = (window as unknown as { __territorioMap: { project: (ll: [number, number]) => { x: number; y: number } } }).__territorioMap;
    return m.project([x, y]);
  }, [lon, lat]);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + point.x, y: box.y + point.y };
}

/** How many pixels differ (any channel by more than 24) between two same-sized PNG screenshots. */
export async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const decode = async (b64: string) => {
        const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        return ctx.getImageData(0, 0, bmp.width, bmp.height).data;
      };
      const [p, q] = [await decode(x), await decode(y)];
      let n = 0;
      for (let i = 0; i < p.length; i += 4) {
        if (Math.abs(p[i] - q[i]) > 24 || Math.abs(p[i + 1] - q[i + 1]) > 24 || Math.abs(p[i + 2] - q[i + 2]) > 24) n++;
      }
      return n;
    },
    [a.toString('base64'), b.toString('base64')],
  );
}

/** Id of the deck.gl layer that answers a pick at a map pixel (null: none), i.e. what a click there would hit. */
export async function layerAt(page: Page, x: number, y: number): Promise<string | null> {
  return page.evaluate(
    ([px, py]) =>
      (window as unknown as { __territorioOverlay: { pickObject(o: object): { layer?: { id: string } } | null } }).__territorioOverlay.pickObject({ x: px, y: py })
        ?.layer?.id ?? null,
    [x, y],
  );
}

/** Drags a range slider with the mouse from a fraction of its width to beyond its right end (many input events: one gesture). */
export async function dragSliderToEnd(page: Page, testId: string, fromFraction: number) {
  const slider = page.getByTestId(testId);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromFraction, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, y, { steps: 8 });
  await page.mouse.move(box.x + box.width + 20, y, { steps: 8 });
  await page.mouse.up();
}
