import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium';
import type { StabilityBenchResult } from '../../src/bench/stabilityBench';

/** Opens dist-bench/bench-stability.html in headless Chromium and returns its figures. */
export async function measureStability(baseUrl: string): Promise<StabilityBenchResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}bench-stability.html`);
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __stabilityBenchResults?: unknown; __stabilityBenchError?: unknown };
        return w.__stabilityBenchResults ?? w.__stabilityBenchError;
      },
      null,
      { timeout: 600_000, polling: 1000 },
    );
    const error = await page.evaluate(() => (window as unknown as { __stabilityBenchError?: string }).__stabilityBenchError);
    if (error) throw new Error(`el benchmark de estabilidad falló en el navegador: ${error}`);
    return await page.evaluate(() => (window as unknown as { __stabilityBenchResults: StabilityBenchResult }).__stabilityBenchResults);
  } finally {
    await browser.close();
  }
}

/** Prints the figures with OK/MISSED against the targets of issue 14. */
export function printStability(r: StabilityBenchResult, log: (line: string) => void = console.log): void {
  const ok = (ms: number, target: number) => `target ≤ ${target} ms: ${ms <= target ? 'OK' : 'MISSED'}`;
  log('rank stability (headless Chromium; Monte Carlo timed in the app\'s stability worker, and the same code on the page\'s main thread):');
  for (const c of r.cases) {
    log(`  ${c.name.padEnd(16)} ${c.indicators} indicators, ${c.draws.toLocaleString('en')} draws: worker ${c.workerMs.toFixed(0).padStart(5)} ms ` +
      `(round trip ${c.workerRoundTripMs.toFixed(0)} ms)  main thread ${c.medianMs.toFixed(0)} ms (median of ${c.runs.length})  ` +
      `one-by-one rebuilds ${c.baselineMs.toFixed(0)} ms (${c.baselineDraws} timed, scaled)  ×${(c.baselineMs / c.workerMs).toFixed(0)}  ${ok(c.workerMs, c.targetMs)}`);
  }
  const s = r.sobol;
  log(`  Sobol (Saltelli/Jansen), ${s.units} provinces, ${s.factors} factors, N = ${s.n} (${s.rebuilds.toLocaleString('en')} rankings): ${s.medianMs.toFixed(0)} ms  ${ok(s.medianMs, s.targetMs)}`);
  const m = r.moran;
  log(`  local Moran's I, ${m.units.toLocaleString('en')} districts, ${m.permutations.toLocaleString('en')} permutations (${m.variable}): ${m.medianMs.toFixed(0)} ms  ${ok(m.medianMs, m.targetMs)}`);
}
