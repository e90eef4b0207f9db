/**
 * In-browser benchmark of a weight change: the CPU time from a new weight to new ranks and
 * colour attributes (rankScenario + unitColours, exactly what the app runs), next to a raw
 * typed-array baseline computing the same weighted sum and sort. Built by vite.bench.config.ts,
 * driven by `npm run bench`, which prints window.__benchResults.
 */
import { loadApp, loadLevel, type Units } from '../data/loadApp';
import { NormalisationCache, rankScenario } from '../state/ranking';
import { activeIndicators, defaultScenario, type Scenario } from '../state/scenario';
import { updaters } from '../state/scenarioUpdaters';
import { createAppStore } from '../state/store';
import { ready } from '../state/loadState';
import { unitColours } from '../map/classes';
import { Deck } from '@deck.gl/core';
import { unitLayer } from '../map/unitLayer';
import type { Boundaries } from '../data/boundaries';

export interface BenchResult {
  name: string;
  /** deck.gl's own attribute update for the recolour (median ms), where real geometry exists. */
  deckAttributesMs?: number;
  units: number;
  indicators: number;
  medianMs: number;
  p95Ms: number;
  /** The same weight step through the app's store (undo record + derive + ranking) and the colour bytes. */
  storeMedianMs: number;
  baselineMedianMs: number;
  ratio: number;
}

const ITERATIONS = 60;
const WARMUP = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

function baseline(normalised: Float64Array[], weights: Float64Array): Int32Array {
  const n = normalised[0].length;
  const score = new Float64Array(n);
  for (let j = 0; j < normalised.length; j++) {
    const col = normalised[j];
    const w = weights[j];
    for (let i = 0; i < n; i++) score[i] += w * col[i];
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => score[b] - score[a]);
}

function measure(name: string, units: Units, scenario: Scenario): BenchResult {
  const cache = new NormalisationCache();
  const target = activeIndicators(scenario)[0];
  // The browser's clock is coarse (0.1 ms): small cases are timed in batches of `reps` changes.
  const reps = Math.max(1, Math.round(20_000 / units.ids.length));
  const times: number[] = [];
  let s = scenario;
  let last = rankScenario(units, s, cache);
  for (let it = 0; it < WARMUP + ITERATIONS; it++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) {
      // A slider step: the same indicator's weight moves by one point each time.
      s = updaters.setWeight(s, target.id, target.weight + ((it * reps + r) % 2));
      last = rankScenario(units, s, cache);
      unitColours(last, s.classes, s.topN);
    }
    const t1 = performance.now();
    if (it >= WARMUP) times.push((t1 - t0) / reps);
  }
  const normalised = last.normalised.map((col) => col.map((v) => (Number.isNaN(v) ? 0 : v)));
  const base: number[] = [];
  for (let it = 0; it < WARMUP + ITERATIONS; it++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) baseline(normalised, last.weights);
    const t1 = performance.now();
    if (it >= WARMUP) base.push((t1 - t0) / reps);
  }
  const m = median(times);
  const b = median(base);
  return {
    name,
    units: units.ids.length,
    indicators: last.indicatorIds.length,
    medianMs: m,
    p95Ms: p95(times),
    storeMedianMs: measureStore(units, scenario, reps),
    baselineMedianMs: b,
    ratio: m / b,
  };
}

/** A weight step as the app runs it: `setWeight` on a store holding the units, then the colour bytes. */
function measureStore(units: Units, scenario: Scenario, reps: number): number {
  const store = createAppStore({ scenario });
  const empty = { type: 'FeatureCollection', features: [] } as unknown as Boundaries;
  store.getState().commit((st) => ({ data: { ...st.data, levels: { ...st.data.levels, [units.level]: ready({ units, boundaries: empty }) } } }));
  const target = activeIndicators(scenario)[0];
  const times: number[] = [];
  for (let it = 0; it < WARMUP + ITERATIONS; it++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) {
      store.getState().setWeight(target.id, target.weight + ((it * reps + r) % 2) + 1);
      const st = store.getState();
      unitColours(st.derived.ranking!.ranking, st.scenario.classes, st.scenario.topN);
    }
    const t1 = performance.now();
    if (it >= WARMUP) times.push((t1 - t0) / reps);
  }
  return median(times);
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * The map's side of a recolour on the real polygons, per weight change: the choropleth layer's
 * per-vertex colours (unitLayer) plus the time deck.gl's attribute manager spends on the
 * attributes (its 'Update Attributes' stat).
 */
async function measureDeckAttributes(units: Units, boundaries: Boundaries, scenario: Scenario): Promise<number> {
  const canvas = document.createElement('canvas');
  canvas.style.width = '800px';
  canvas.style.height = '600px';
  document.body.appendChild(canvas);
  const deck = new Deck({
    canvas,
    width: 800,
    height: 600,
    useDevicePixels: false,
    initialViewState: { longitude: -75, latitude: -9.5, zoom: 4.3 },
    controller: false,
    layers: [],
  });
  const cache = new NormalisationCache();
  const index = new Map(units.ids.map((id, i) => [id, i]));
  const target = activeIndicators(scenario)[0];
  // `stats` is protected in the typings but is deck.gl's documented metrics source.
  const timer = (deck as unknown as { stats: { get: (name: string) => { time: number } } }).stats.get('Update Attributes');
  const samples: number[] = [];
  let s = scenario;
  for (let it = 0; it < 25; it++) {
    s = updaters.setWeight(s, target.id, target.weight + (it % 2));
    const ranking = rankScenario(units, s, cache);
    const colours = unitColours(ranking, s.classes, s.topN);
    const before = timer.time;
    // the layer's own part (the per-vertex colours from the unit colours) and deck.gl's (the upload)
    const t0 = performance.now();
    const layer = unitLayer('bench', boundaries, { colours, index, selected: null, version: String(it), topKey: colours.topKey }, () => undefined);
    const built = performance.now() - t0;
    deck.setProps({ layers: [layer] });
    await nextFrame();
    const spent = timer.time - before + built;
    if (it >= 5 && spent >= 0) samples.push(spent); // a negative delta means deck reset its stats
  }
  deck.finalize();
  canvas.remove();
  return median(samples);
}

/** 100,000 synthetic units with the default preset's indicators (2 % missing), for scale. */
function syntheticUnits(n: number, ids: string[]): Units {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const values: Record<string, Float64Array> = {};
  for (const id of ids) values[id] = Float64Array.from({ length: n }, () => (rand() < 0.02 ? NaN : rand() * 100));
  const codes = Array.from({ length: n }, (_, i) => `S${String(i).padStart(6, '0')}`);
  const filler = (x: string) => Array.from({ length: n }, () => x);
  return {
    level: 'provincia',
    ids: codes,
    names: codes,
    departamentos: filler('—'),
    ubigeoDep: filler('00'),
    ubigeoProv: filler('0000'),
    provincias: filler('—'),
    values,
    sql: {},
  };
}

async function run() {
  const out = document.getElementById('out')!;
  const data = await loadApp(() => undefined);
  const { units: distritos, boundaries: distritosGeo } = await loadLevel(data.source, 'distrito');
  const scenario = defaultScenario();
  const districtScenario: Scenario = { ...scenario, level: 'distrito' };
  const results: BenchResult[] = [];
  results.push({
    ...measure('196 provincias (datos reales)', data.provincias, scenario),
    deckAttributesMs: await measureDeckAttributes(data.provincias, data.geo.provincias, scenario),
  });
  results.push({
    ...measure('1 891 distritos (datos reales)', distritos, districtScenario),
    deckAttributesMs: await measureDeckAttributes(distritos, distritosGeo, districtScenario),
  });
  const ids = activeIndicators(scenario).map((i) => i.id);
  results.push(measure('100 000 unidades sintéticas', syntheticUnits(100_000, ids), scenario));
  (window as unknown as { __benchResults: BenchResult[] }).__benchResults = results;
  out.textContent = JSON.stringify(results, null, 2);
}

run().catch((err) => {
  (window as unknown as { __benchError: string }).__benchError = String(err);
  document.getElementById('out')!.textContent = String(err);
});
