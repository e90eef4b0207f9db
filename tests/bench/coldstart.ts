import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PREVIEW_URL } from '../browser/chromium';

export interface ColdStart {
  rankedMapMs: number;
  tableMs: number;
  engineReadyMs: number;
  bytes: number;
  requests: number;
  largest: { url: string; bytes: number }[];
}

/**
 * Cold start: a fresh browser profile (empty cache) navigates to the app; we time navigation
 * start → first frame of the ranked choropleth (performance mark set by the app) and sum the
 * bytes of every response, including the workers' fetches.
 */
export async function measureColdStart(): Promise<ColdStart> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const sizes: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    context.on('requestfinished', (req) => {
      pending.push(
        req.sizes().then((s) => {
          sizes.push({ url: req.url().replace(PREVIEW_URL, ''), bytes: s.responseBodySize + s.responseHeadersSize });
        }),
      );
    });
    const page = await context.newPage();
    await page.goto(PREVIEW_URL);
    await page.waitForFunction(() => performance.getEntriesByName('territorio:ranked-map').length > 0, null, {
      timeout: 120_000,
    });
    const marks = await page.evaluate(() => {
      const t = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { map: t('territorio:ranked-map'), table: t('territorio:table'), engine: t('territorio:engine-ready') };
    });
    await page.waitForTimeout(300);
    await Promise.all(pending);
    sizes.sort((a, b) => b.bytes - a.bytes);
    return {
      rankedMapMs: marks.map,
      tableMs: marks.table,
      engineReadyMs: marks.engine,
      bytes: sizes.reduce((s, x) => s + x.bytes, 0),
      requests: sizes.length,
      largest: sizes.slice(0, 6),
    };
  } finally {
    await browser.close();
  }
}
