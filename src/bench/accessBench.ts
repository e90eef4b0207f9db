/**
 * In-browser benchmark of the access worker (issue 5) on the real built data: all populated
 * places against each facility category, in the worker the app uses, next to brute force in
 * the same worker. Built by vite.bench.config.ts (bench-access.html), driven by
 * tests/bench/access.ts; the figures end in window.__accessBenchResults.
 * The page decodes the Parquet files itself with hyparquet: no DuckDB, as in the worker.
 */
import { parquetReadObjects } from 'hyparquet';
import { startAccessWorker } from '../data/accessClient';
import { ACCESS_CATEGORIES, categoryRank, selectFacilities, type AccessCategory, type AccessLevel } from '../domain/access';

export interface AccessBenchCategory {
  category: AccessCategory;
  facilities: number;
  /** Round trip of compute(category, fresh), main thread → worker → main thread (median). */
  roundTripMs: number;
  roundTripRuns: number[];
  /** The nearest search alone, timed in the worker (median). */
  workerMs: number;
  bruteForceMs: number;
  /** bruteForceMs / workerMs. */
  ratio: number;
  /** Places whose nearest facility or distance differs from brute force (0 expected). */
  mismatches: number;
  /** Longest gap of a 5 ms main-thread timer while the worker searched: the UI stays responsive. */
  mainThreadMaxGapMs: number;
}

export interface AccessBenchResult {
  places: number;
  facilities: number;
  loadMs: number;
  initRoundTripMs: number;
  orderMs: number;
  indexMs: Partial<Record<AccessCategory, number>>;
  categories: AccessBenchCategory[];
  /** A threshold change with the search cached: aggregate() round trip and worker time (medians). */
  thresholdChange: Array<{ level: AccessLevel; units: number; roundTripMs: number; workerMs: number; firstMs: number }>;
}

const RUNS = 7;
const WARMUP = 2;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function readParquet(name: string, columns: string[]): Promise<Record<string, unknown>[]> {
  const res = await fetch(`./data/${name}`);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return parquetReadObjects({ file: await res.arrayBuffer(), columns });
}

const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));

async function loadInputs() {
  const [places, facilities, emergencies, districts] = await Promise.all([
    readParquet('centros_poblados.parquet', ['lon', 'lat', 'ubigeo']),
    readParquet('establecimientos.parquet', ['codigo', 'lon', 'lat', 'categoria']),
    readParquet('emergencias_2024.parquet', ['codigo', 'atenciones']),
    readParquet('distritos.parquet', ['ubigeo', 'ubigeo_prov', 'pob_2017']),
  ]);
  const districtIndex = new Map(districts.map((d, i) => [String(d.ubigeo), i]));
  const provinceCodes = [...new Set(districts.map((d) => String(d.ubigeo_prov)))].sort();
  const provinceIndex = new Map(provinceCodes.map((p, i) => [p, i]));
  // Emergency facilities: at least one emergency attention reported to SUSALUD in 2024.
  const withEmergencies = new Set(emergencies.filter((e) => num(e.atenciones) > 0).map((e) => Number(e.codigo)));
  return {
    places: {
      lon: Float32Array.from(places, (p) => num(p.lon)),
      lat: Float32Array.from(places, (p) => num(p.lat)),
    },
    facilities: {
      lon: Float64Array.from(facilities, (f) => num(f.lon)),
      lat: Float64Array.from(facilities, (f) => num(f.lat)),
      rank: Uint8Array.from(facilities, (f) => categoryRank(f.categoria as string | null)),
      emergency: Uint8Array.from(facilities, (f) => (withEmergencies.has(Number(f.codigo)) ? 1 : 0)),
    },
    units: {
      placeDistrict: Int32Array.from(places, (p) => districtIndex.get(String(p.ubigeo)) ?? -1),
      districtCount: districts.length,
      districtProvince: Int32Array.from(districts, (d) => provinceIndex.get(String(d.ubigeo_prov)) ?? -1),
      provinceCount: provinceCodes.length,
      districtPopulation: Float64Array.from(districts, (d) => num(d.pob_2017)),
    },
  };
}

/** Runs `work` while a 5 ms timer ticks on the main thread; returns the longest gap seen. */
async function withResponsivenessProbe<T>(work: () => Promise<T>): Promise<{ value: T; maxGapMs: number }> {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    maxGap = Math.max(maxGap, performance.now() - last);
    return { value, maxGapMs: maxGap };
  } finally {
    clearInterval(timer);
  }
}

async function run(): Promise<AccessBenchResult> {
  const out = document.getElementById('out')!;
  const t0 = performance.now();
  const data = await loadInputs();
  const loadMs = performance.now() - t0;
  const placesCount = data.places.lon.length;
  const facilityCount = data.facilities.lon.length;
  // Counted before init(), which transfers (empties) the arrays.
  const perCategory = Object.fromEntries(ACCESS_CATEGORIES.map((c) => [c, selectFacilities(data.facilities, c).length]));
  const client = startAccessWorker();
  const t1 = performance.now();
  const info = await client.init(data);
  const initRoundTripMs = performance.now() - t1;

  const categories: AccessBenchCategory[] = [];
  for (const category of ACCESS_CATEGORIES) {
    out.textContent = `Midiendo ${category}…`;
    const roundTrips: number[] = [];
    const workerTimes: number[] = [];
    let maxGap = 0;
    let last = null;
    for (let r = 0; r < WARMUP + RUNS; r++) {
      const start = performance.now();
      const probe = await withResponsivenessProbe(() => client.compute(category, { fresh: true }));
      const elapsed = performance.now() - start;
      last = probe.value!;
      if (r >= WARMUP) {
        roundTrips.push(elapsed);
        workerTimes.push(last.ms);
        maxGap = Math.max(maxGap, probe.maxGapMs);
      }
    }
    const brute = await client.bruteForce(category);
    let mismatches = 0;
    for (let i = 0; i < placesCount; i++) {
      const same = brute.facility[i] === last!.facility[i] &&
        (brute.distanceKm[i] === last!.distanceKm[i] || (Number.isNaN(brute.distanceKm[i]) && Number.isNaN(last!.distanceKm[i])));
      if (!same) mismatches++;
    }
    const workerMs = median(workerTimes);
    categories.push({
      category,
      facilities: perCategory[category],
      roundTripMs: median(roundTrips),
      roundTripRuns: roundTrips.map((x) => Math.round(x * 10) / 10),
      workerMs,
      bruteForceMs: brute.ms,
      ratio: brute.ms / workerMs,
      mismatches,
      mainThreadMaxGapMs: maxGap,
    });
  }

  const thresholdChange: AccessBenchResult['thresholdChange'] = [];
  for (const level of ['distrito', 'provincia'] as const) {
    const first = performance.now();
    const firstResult = await client.aggregate({ category: 'any', thresholdKm: 5, level });
    const firstMs = performance.now() - first;
    const trips: number[] = [];
    const worker: number[] = [];
    for (let r = 0; r < 40; r++) {
      const start = performance.now();
      // A slider step between 5 and 60 km.
      const res = await client.aggregate({ category: 'any', thresholdKm: 5 + (r * 7) % 56, level });
      trips.push(performance.now() - start);
      worker.push(res!.ms);
    }
    thresholdChange.push({ level, units: firstResult!.places.length, roundTripMs: median(trips.slice(10)), workerMs: median(worker.slice(10)), firstMs });
  }
  client.terminate();
  return {
    places: placesCount,
    facilities: facilityCount,
    loadMs,
    initRoundTripMs,
    orderMs: info.orderMs,
    indexMs: info.indexMs,
    categories,
    thresholdChange,
  };
}

run()
  .then((result) => {
    (window as unknown as { __accessBenchResults: AccessBenchResult }).__accessBenchResults = result;
    document.getElementById('out')!.textContent = JSON.stringify(result, null, 2);
  })
  .catch((err) => {
    (window as unknown as { __accessBenchError: string }).__accessBenchError = String(err);
    document.getElementById('out')!.textContent = String(err);
  });
