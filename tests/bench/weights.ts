import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium';
import type { BenchResult } from '../../src/bench/weightBench';

/** Opens the benchmark page (dist-bench/bench.html) in headless Chromium and returns its figures. */
export async function measureWeightChange(baseUrl: string): Promise<BenchResult[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}bench.html`);
    await page.waitForFunction(
      () => (window as unknown as { __benchResults?: unknown; __benchError?: unknown }).__benchResults ?? (window as unknown as { __benchError?: unknown }).__benchError,
      null,
      { timeout: 180_000 },
    );
    const error = await page.evaluate(() => (window as unknown as { __benchError?: string }).__benchError);
    if (error) throw new Error(`el benchmark falló en el navegador: ${error}`);
    return await page.evaluate(() => (window as unknown as { __benchResults: BenchResult[] }).__benchResults);
  } finally {
    await browser.close();
  }
}
