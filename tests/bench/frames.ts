import { readFileSync, readdirSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium';

export interface FrameCost {
  name: string;
  frames: number;
  /** Renderer main-thread CPU (CDP TaskDuration) per frame: JavaScript, deck.gl/MapLibre layer work, style, GL command submission. */
  cpuPerFrameMs: number;
  /** Of which script (CDP ScriptDuration). */
  scriptPerFrameMs: number;
  /** Wall-clock interval between frames, median and 95th percentile (includes software rasterisation). */
  intervalMedianMs: number;
  intervalP95Ms: number;
  /**
   * CPU of Chromium's GPU process per frame (Linux /proc; NaN elsewhere): in software WebGL this
   * is where every draw call is rasterised, and what a frame really costs on a machine without a GPU.
   */
  gpuPerFrameMs: number;
}

/** CPU seconds used so far by Chromium's GPU processes (only the bench's browser runs meanwhile). */
function gpuProcessCpuMs(): number {
  let ticks = 0;
  let found = false;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process')) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second)
        found = true;
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return Number.NaN;
  }
  return found ? ticks * 10 : Number.NaN;
}

const FRAMES = 45;

async function metrics(client: CDPSession) {
  const { metrics } = await client.send('Performance.getMetrics');
  const get = (n: string) => metrics.find((m: { name: string; value: number }) => m.name === n)?.value ?? 0;
  return { task: get('TaskDuration') * 1000, script: get('ScriptDuration') * 1000 };
}

/** Pans and zooms the map for FRAMES frames (one camera step per animation frame) and measures. */
async function panAndZoom(page: Page, client: CDPSession, name: string): Promise<FrameCost> {
  // settle: let pending loads and the first aggregation finish
  await page.waitForTimeout(1500);
  const before = await metrics(client);
  const gpuBefore = gpuProcessCpuMs();
  // A string, not a function: tsx/esbuild would wrap named inner functions in a __name() the page lacks.
  const intervals = (await page.evaluate(`new Promise((resolve) => {
    const m = window.__territorioMap;
    const out = [];
    let last = performance.now();
    let k = 0;
    function step() {
      const now = performance.now();
      if (k > 0) out.push(now - last);
      last = now;
      if (k === ${FRAMES}) return resolve(out);
      // a slow loop over southern Peru, zooming in and out between 5 and 7
      const t = k / ${FRAMES};
      m.jumpTo({ center: [-74 + 3 * Math.sin(2 * Math.PI * t), -12 + 2 * Math.cos(2 * Math.PI * t)], zoom: 6 + Math.sin(4 * Math.PI * t) });
      k++;
      requestAnimationFrame(step);
    }
    requestAnimationFrame(step);
  })`)) as number[];
  const after = await metrics(client);
  const gpuAfter = gpuProcessCpuMs();
  intervals.sort((a, b) => a - b);
  return {
    name,
    frames: FRAMES,
    cpuPerFrameMs: (after.task - before.task) / FRAMES,
    scriptPerFrameMs: (after.script - before.script) / FRAMES,
    intervalMedianMs: intervals[Math.floor(intervals.length / 2)],
    intervalP95Ms: intervals[Math.floor(intervals.length * 0.95)],
    gpuPerFrameMs: (gpuAfter - gpuBefore) / FRAMES,
  };
}

/**
 * Per-frame cost of panning and zooming the real app, first with the default map (province
 * choropleth), then with everything on: 1,891 district polygons, the ~7,900 facilities, the
 * district boundary layer, the conflict heatmap and the conflict cases.
 */
export async function measureFrames(baseUrl: string): Promise<FrameCost[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const client = await page.context().newCDPSession(page);
    await client.send('Performance.enable');
    await page.goto(baseUrl);
    // the engine starts after the first map (issue 16): wait for it and let the start-up settle,
    // or its work would be counted in the frames
    await page.waitForFunction(() => performance.getEntriesByName('territorio:engine-ready').length > 0, null, { timeout: 120_000 });
    await page.locator('main.workspace[aria-busy="false"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(2000);
    const results = [await panAndZoom(page, client, 'provinces (default map)')];

    await page.selectOption('#level-select', 'distrito');
    await page.locator('[data-testid="ranking-table"] tbody tr').nth(1000).waitFor({ timeout: 120_000 });
    await page.check('[data-layer="facilities"] input[type=checkbox]');
    await page.getByTestId('facility-count').filter({ hasText: /\d/ }).waitFor();
    await page.check('[data-layer="distritos"] input[type=checkbox]');
    await page.check('[data-layer="conflictHeatmap"] input[type=checkbox]');
    await page.check('[data-layer="conflictPoints"] input[type=checkbox]');
    results.push(await panAndZoom(page, client, '1,891 districts + facilities + lines + heatmap + cases'));
    // the same without the heatmap: what the heatmap's re-aggregation on camera moves costs
    await page.uncheck('[data-layer="conflictHeatmap"] input[type=checkbox]');
    results.push(await panAndZoom(page, client, 'the same without the heatmap'));
    // and without the unit names: what the labels cost
    await page.uncheck('[data-layer="labels"] input[type=checkbox]');
    results.push(await panAndZoom(page, client, 'the same without the names'));
    return results;
  } finally {
    await browser.close();
  }
}

export function printFrames(results: FrameCost[]): void {
  console.log('');
  console.log(`pan and zoom, one camera step per frame (headless Chromium, software WebGL, ${FRAMES} frames):`);
  for (const [k, r] of results.entries()) {
    console.log(
      `  ${r.name.padEnd(56)} main-thread CPU ${r.cpuPerFrameMs.toFixed(1).padStart(5)} ms/frame (script ${r.scriptPerFrameMs.toFixed(1)} ms)` +
        `  GPU process ${Number.isNaN(r.gpuPerFrameMs) ? '—' : r.gpuPerFrameMs.toFixed(0).padStart(4)} ms/frame` +
        `  frame interval median ${r.intervalMedianMs.toFixed(0)} ms, p95 ${r.intervalP95Ms.toFixed(0)} ms` +
        // issue 16's target for the district map with every layer on, beside the figure it began from (docs/performance.md, 2026-11-30)
        (k === 1 ? `  (target ≤ 20 ms: ${r.cpuPerFrameMs <= 20 ? 'met' : 'MISSED'}; issue 16 began at 35.3 ms)` : ''),
    );
  }
}
