import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium';
import type { AccessBenchResult } from '../../src/bench/accessBench';

/** Opens dist-bench/bench-access.html in headless Chromium and returns its figures (a few minutes: brute force). */
export async function measureAccess(baseUrl: string): Promise<AccessBenchResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}bench-access.html`);
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __accessBenchResults?: unknown; __accessBenchError?: unknown };
        return w.__accessBenchResults ?? w.__accessBenchError;
      },
      null,
      { timeout: 900_000, polling: 1000 },
    );
    const error = await page.evaluate(() => (window as unknown as { __accessBenchError?: string }).__accessBenchError);
    if (error) throw new Error(`el benchmark de acceso falló en el navegador: ${error}`);
    return await page.evaluate(() => (window as unknown as { __accessBenchResults: AccessBenchResult }).__accessBenchResults);
  } finally {
    await browser.close();
  }
}

/** Targets of issue 5: all places against all facilities in ≤ 500 ms, ≥ 50× faster than brute force. */
export const ACCESS_TARGET_MS = 500;
export const ACCESS_TARGET_RATIO = 50;

/** Prints the figures, with OK/MISSED against the targets (judged on the all-facilities case). */
export function printAccess(r: AccessBenchResult, log: (line: string) => void = console.log): void {
  const f1 = (x: number) => x.toFixed(1);
  log(`access gaps: ${r.places.toLocaleString('en')} populated places, ${r.facilities.toLocaleString('en')} facilities ` +
    `(headless Chromium, access worker; median of ${r.categories[0]?.roundTripRuns.length ?? 0} after warm-up)`);
  log(`  data decoded in the page: ${f1(r.loadMs)} ms; init round trip ${f1(r.initRoundTripMs)} ms ` +
    `(place order ${f1(r.orderMs)} ms; kd-trees ${Object.entries(r.indexMs).map(([c, ms]) => `${c} ${f1(ms ?? 0)}`).join(', ')} ms)`);
  for (const c of r.categories) {
    const main = c.category === 'any';
    log(`  ${c.category.padEnd(9)} ${String(c.facilities).padStart(5)} facilities: round trip ${f1(c.roundTripMs).padStart(6)} ms ` +
      `(search in worker ${f1(c.workerMs)} ms)  brute force ${f1(c.bruteForceMs)} ms  ×${c.ratio.toFixed(0)}  ` +
      `mismatches ${c.mismatches}  main-thread max gap ${f1(c.mainThreadMaxGapMs)} ms` +
      (main ? `  target ≤ ${ACCESS_TARGET_MS} ms: ${c.roundTripMs <= ACCESS_TARGET_MS ? 'OK' : 'MISSED'}, ` +
        `≥ ${ACCESS_TARGET_RATIO}×: ${c.ratio >= ACCESS_TARGET_RATIO ? 'OK' : 'MISSED'}` : ''));
  }
  for (const t of r.thresholdChange) {
    log(`  threshold change, ${t.units} ${t.level === 'distrito' ? 'districts' : 'provinces'}: round trip ${t.roundTripMs.toFixed(2)} ms ` +
      `(worker ${t.workerMs.toFixed(2)} ms; first aggregate of the level ${f1(t.firstMs)} ms)`);
  }
}
