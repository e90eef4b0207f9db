/**
 * In-browser benchmark of rank stability (issue 14) on the real built data: 10,000 Monte Carlo
 * draws over the weights for the 196 provinces and the 1,891 districts, a Sobol design
 * (N = 500), and local Moran's I with 9,999 permutations over the districts. Each Monte Carlo
 * figure sits next to a baseline: the same draws rebuilt one by one through the app's own
 * ranking (rankScenario → scoreUnits), timed over a few hundred draws and scaled to 10,000.
 * Built by vite.bench.config.ts (bench-stability.html), driven by tests/bench/stability.ts.
 */
import { loadApp, loadLevel, type Units } from '../data/loadApp';
import { fetchBoundaries } from '../data/boundaries';
import { rankScenario, NormalisationCache } from '../state/ranking';
import { activeIndicators, defaultScenario, type Scenario } from '../state/scenario';
import { stabilityModelOf } from '../state/stabilityModel';
import { createEvaluator, defaultStabilitySettings, runUncertainty, meanRankShift, type StabilitySettings } from '../domain/stability/uncertainty';
import { sobol } from '../domain/stability/sobol';
import { localMoran } from '../domain/hotspots';
import { mulberry32 } from '../domain/random';
import type { StabilityModel } from '../domain/stability/uncertainty';
import { createStabilityRunner } from '../workers/stabilityClient';
import StabilityWorker from '../workers/stability.worker?worker';

export interface StabilityBenchCase {
  name: string;
  units: number;
  indicators: number;
  draws: number;
  /** Median of RUNS whole runs (evaluator set-up, draws, summary) on the page's main thread. */
  medianMs: number;
  runs: number[];
  /** The same run in the app's stability worker: its compute time (slices, pauses excluded) and the round trip. */
  workerMs: number;
  workerRoundTripMs: number;
  /** Rebuilding the ranking one draw at a time through rankScenario, scaled to `draws`. */
  baselineMs: number;
  baselineDraws: number;
  ratio: number;
  targetMs: number;
}

export interface StabilityBenchResult {
  cases: StabilityBenchCase[];
  sobol: { units: number; factors: number; n: number; rebuilds: number; medianMs: number; targetMs: number };
  moran: { units: number; permutations: number; medianMs: number; targetMs: number; variable: string };
}

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const out = f();
  return [performance.now() - t0, out];
}

/** The same draws as the evaluator (each weight ×(1 ± noise)), each rebuilt by the app's ranking. */
function baseline(units: Units, scenario: Scenario, draws: number, noise: number): number {
  const cache = new NormalisationCache();
  const random = mulberry32(1);
  const draw = () => {
    const s = { ...scenario, indicators: scenario.indicators.map((i) => ({ ...i, weight: i.weight * (1 + noise * (2 * random() - 1)) })) };
    rankScenario(units, s, cache);
  };
  // warm-up: normalisation cached (as in a weight drag) and the code compiled
  for (let d = 0; d < Math.min(50, draws); d++) draw();
  const t0 = performance.now();
  for (let d = 0; d < draws; d++) draw();
  return performance.now() - t0;
}

/** One run through the app's worker: the compute time it reports and the round trip (median of RUNS). */
async function inWorker(model: StabilityModel, settings: StabilitySettings, topN: number): Promise<{ ms: number; roundTrip: number }> {
  const runner = createStabilityRunner(() => new StabilityWorker());
  const once = () =>
    new Promise<{ ms: number; roundTrip: number }>((resolve, reject) => {
      const t0 = performance.now();
      runner.run({ model, settings, topN, sobol: false }, (r) => {
        if (r.type === 'uncertainty') resolve({ ms: r.ms, roundTrip: performance.now() - t0 });
        if (r.type === 'error') reject(new Error(r.message));
      });
    });
  try {
    await once(); // warm-up
    const runs: { ms: number; roundTrip: number }[] = [];
    for (let r = 0; r < RUNS; r++) runs.push(await once());
    return { ms: median(runs.map((r) => r.ms)), roundTrip: median(runs.map((r) => r.roundTrip)) };
  } finally {
    runner.terminate();
  }
}

async function monteCarlo(name: string, units: Units, scenario: Scenario, targetMs: number, baselineDraws: number): Promise<StabilityBenchCase> {
  const ranking = rankScenario(units, scenario);
  const settings: StabilitySettings = { ...defaultStabilitySettings(), draws: 10_000 };
  const model = stabilityModelOf(units, ranking, scenario);
  runUncertainty(model, { ...settings, draws: 500 }, scenario.topN); // warm-up (JIT)
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) runs.push(time(() => runUncertainty(model, settings, scenario.topN))[0]);
  const medianMs = median(runs);
  const baselineMs = (baseline(units, scenario, baselineDraws, settings.weightNoise) / baselineDraws) * settings.draws;
  const worker = await inWorker(model, settings, scenario.topN);
  return {
    workerMs: worker.ms,
    workerRoundTripMs: worker.roundTrip,
    name,
    units: ranking.order.length,
    indicators: model.indicatorIds.length,
    draws: settings.draws,
    medianMs,
    runs,
    baselineMs,
    baselineDraws,
    ratio: baselineMs / medianMs,
    targetMs,
  };
}

async function main(): Promise<StabilityBenchResult> {
  const data = await loadApp(() => undefined);
  const { units: distritos } = await loadLevel(data.source, 'distrito');
  const scenario = defaultScenario();
  // eight indicators: the preset's weighted ones plus the first others the province level has
  const extra = scenario.indicators.filter((i) => i.weight === 0 || !i.enabled).filter((i) => data.provincias.values[i.id]).slice(0, 8 - activeIndicators(scenario).length);
  const eight: Scenario = { ...scenario, indicators: scenario.indicators.map((i) => (extra.includes(i) ? { ...i, enabled: true, weight: 10 } : i)) };
  const cases = [
    await monteCarlo('196 provincias', data.provincias, scenario, 200, 400),
    await monteCarlo('196 provincias', data.provincias, eight, 200, 400),
    await monteCarlo('1 891 distritos', distritos, { ...scenario, level: 'distrito' }, 2000, 100),
  ];

  // Sobol: one factor per weight of the default preset (its six weighted indicators: d = 6)
  const ranking = rankScenario(data.provincias, scenario);
  const model = stabilityModelOf(data.provincias, ranking, scenario);
  const sSettings: StabilitySettings = { ...defaultStabilitySettings(), weights: 'uniform' };
  const ev = createEvaluator(model, sSettings);
  const ranks = new Int32Array(model.scope.length);
  const f = (u: Float64Array) => {
    ev.evaluate(u, ranks);
    return meanRankShift(ranks, ev.baseRanks);
  };
  const widths = ev.factors.map((x) => x.width);
  const sobolRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) sobolRuns.push(time(() => sobol(f, widths, 500, mulberry32(r + 1)))[0]);

  // Moran: the district boundaries' queen contiguity, 9,999 permutations (timing does not depend on the variable)
  const geo = await fetchBoundaries('./data/limites_distritos.topojson', 'distritos', true);
  const contiguity = geo.contiguity!;
  const at = new Map(distritos.ids.map((id, i) => [id, i]));
  const variable = 'pobreza_pct';
  const col = distritos.values[variable];
  const values = contiguity.ids.map((id) => {
    const i = at.get(id);
    return i === undefined || !col ? NaN : col[i];
  });
  const moranRuns: number[] = [];
  for (let r = 0; r < 3; r++) moranRuns.push(time(() => localMoran(values, contiguity.neighbours, { permutations: 9_999, seed: r + 1 }))[0]);

  return {
    cases,
    sobol: { units: model.scope.length, factors: widths.length, n: 500, rebuilds: 500 * (widths.length + 2), medianMs: median(sobolRuns), targetMs: 1000 },
    moran: { units: contiguity.ids.length, permutations: 9_999, medianMs: median(moranRuns), targetMs: 1000, variable },
  };
}

const out = document.getElementById('out')!;
main().then(
  (r) => {
    (window as unknown as { __stabilityBenchResults: StabilityBenchResult }).__stabilityBenchResults = r;
    out.textContent = JSON.stringify(r, null, 2);
  },
  (e: unknown) => {
    (window as unknown as { __stabilityBenchError: string }).__stabilityBenchError = String(e);
    out.textContent = String(e);
  },
);
