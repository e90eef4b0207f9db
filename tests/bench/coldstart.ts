import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium';

export interface ColdStart {
  rankedMapMs: number;
  tableMs: number;
  engineReadyMs: number;
  basemapMs: number;
  bytes: number;
  requests: number;
  /** The same page reloaded with the browser's cache full (no service worker): navigation → ranked map. */
  warmRankedMapMs: number;
  largest: { url: string; bytes: number }[];
}

/**
 * Cold start: a fresh browser profile (empty cache) navigates to the app; we time navigation
 * start → first frame of the ranked choropleth (performance mark set by the app) and sum the
 * bytes of every response, including the workers' fetches.
 */
export async function measureColdStart(baseUrl: string): Promise<ColdStart> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    // without the service worker: its precache (the whole app, in the background) is not the first load
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const sizes: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    context.on('requestfinished', (req) => {
      pending.push(
        req.sizes().then((s) => {
          sizes.push({ url: req.url().replace(baseUrl, ''), bytes: s.responseBodySize + s.responseHeadersSize });
        }),
      );
    });
    const page = await context.newPage();
    await page.goto(baseUrl);
    // the ranked map may come before the engine (issue 16: the snapshot): both are waited for
    await page.waitForFunction(
      () => performance.getEntriesByName('territorio:ranked-map').length > 0 && performance.getEntriesByName('territorio:engine-ready').length > 0,
      null,
      { timeout: 120_000 },
    );
    // (no named helper inside evaluate: tsx would wrap it in a __name() the page lacks)
    const [map, table, engine, basemap] = await page.evaluate(() =>
      ['territorio:ranked-map', 'territorio:table', 'territorio:engine-ready', 'territorio:basemap'].map(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
      ),
    );
    const marks = { map, table, engine, basemap };
    await page.waitForTimeout(300);
    await Promise.all(pending);
    const cold = [...sizes];
    // a warm reload: the HTTP cache holds the hashed assets (immutable) and revalidates the data
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('territorio:ranked-map').length > 0, null, { timeout: 120_000 });
    const warm = await page.evaluate(() => performance.getEntriesByName('territorio:ranked-map')[0].startTime);
    cold.sort((a, b) => b.bytes - a.bytes);
    return {
      rankedMapMs: marks.map,
      tableMs: marks.table,
      engineReadyMs: marks.engine,
      basemapMs: marks.basemap,
      bytes: cold.reduce((s, x) => s + x.bytes, 0),
      requests: cold.length,
      warmRankedMapMs: warm,
      largest: cold.slice(0, 6),
    };
  } finally {
    await browser.close();
  }
}
