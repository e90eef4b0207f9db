/**
 * Local spatial autocorrelation (LISA): contiguity from a TopoJSON topology, row-standardised
 * weights, Local Moran's I with conditional-permutation pseudo p-values and the usual
 * high-high / low-low / high-low / low-high classes. Pure TS: no React, no DuckDB.
 *
 * Reproducible: permutations use a small seeded PRNG (mulberry32); the same values,
 * neighbours, seed and number of permutations always give the same p-values.
 * Optionally, the classes control the false discovery rate (Benjamini–Hochberg) instead of
 * testing each unit on its own at alpha.
 */
import type { GeometryObject, Topology } from 'topojson-specification';

export type ContiguityRule = 'queen' | 'rook';

export interface Contiguity {
  rule: ContiguityRule;
  /** One id per feature (the `idProperty`, else the geometry's id, else its index). */
  ids: string[];
  /** Sorted neighbour indices per feature (symmetric). */
  neighbours: number[][];
  /** Features with no neighbour (islands, or geometry-less features). */
  islands: number[];
}

type Geometry = GeometryObject<Record<string, unknown> | null>;

/** Arc indices of a polygon geometry (negative indices are reversed arcs: ~i). */
function arcsOf(g: Geometry): number[] {
  const out: number[] = [];
  const add = (a: number) => out.push(a < 0 ? ~a : a);
  if (g.type === 'Polygon') for (const ring of g.arcs) ring.forEach(add);
  else if (g.type === 'MultiPolygon') for (const poly of g.arcs) for (const ring of poly) ring.forEach(add);
  return out;
}

/**
 * Contiguity of the polygons of `topology.objects[objectName]`.
 * - rook: features that use the same arc (they share a boundary line);
 * - queen: also features that share any vertex. Shared arcs make this exact in TopoJSON: a
 *   point where polygons only touch is an arc endpoint (or a vertex) of each of them, with the
 *   same coordinates. Every vertex is compared, not just endpoints, in case a topology
 *   builder did not cut an arc at a single touching point.
 */
export function contiguityFromTopology(
  topology: Topology,
  objectName: string,
  rule: ContiguityRule = 'queen',
  idProperty = 'ubigeo',
): Contiguity {
  const object = topology.objects[objectName];
  if (!object || object.type !== 'GeometryCollection') {
    throw new Error(`La topología no tiene la colección de geometrías «${objectName}»`);
  }
  const geometries = object.geometries as Geometry[];
  const n = geometries.length;
  const ids = geometries.map((g, i) => {
    const p = (g.properties as Record<string, unknown> | null | undefined)?.[idProperty];
    return p !== undefined && p !== null ? String(p) : g.id !== undefined ? String(g.id) : String(i);
  });

  // Which features use each arc.
  const arcUsers: number[][] = topology.arcs.map(() => []);
  geometries.forEach((g, f) => {
    for (const a of arcsOf(g)) {
      const users = arcUsers[a];
      if (users && users[users.length - 1] !== f && !users.includes(f)) users.push(f);
    }
  });

  const sets = Array.from({ length: n }, () => new Set<number>());
  const link = (fs: readonly number[]) => {
    for (let x = 0; x < fs.length; x++) for (let y = x + 1; y < fs.length; y++) {
      sets[fs[x]].add(fs[y]);
      sets[fs[y]].add(fs[x]);
    }
  };
  for (const users of arcUsers) if (users.length > 1) link(users);

  if (rule === 'queen') {
    // Absolute vertex positions (delta-decoded when quantised) → features touching them.
    const atPoint = new Map<string, number[]>();
    const delta = topology.transform !== undefined;
    topology.arcs.forEach((arc, a) => {
      const users = arcUsers[a];
      if (users.length === 0) return;
      let x = 0;
      let y = 0;
      for (const pos of arc) {
        if (delta) {
          x += pos[0];
          y += pos[1];
        } else [x, y] = pos;
        const k = `${x},${y}`;
        const list = atPoint.get(k);
        if (!list) atPoint.set(k, [...users]);
        else for (const u of users) if (!list.includes(u)) list.push(u);
      }
    });
    for (const fs of atPoint.values()) if (fs.length > 1) link(fs);
  }

  const neighbours = sets.map((s) => [...s].sort((a, b) => a - b));
  const islands = neighbours.flatMap((nb, i) => (nb.length === 0 ? [i] : []));
  return { rule, ids, neighbours, islands };
}

// ---------------------------------------------------------------------------------------------
// Weights

/** Row-standardised spatial weights in compressed rows: row i is offsets[i]..offsets[i+1]. */
export interface SpatialWeights {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
}

/** Each unit's neighbours weigh 1/k (k = its number of neighbours); islands have an empty row. */
export function rowStandardise(neighbours: ReadonlyArray<readonly number[]>): SpatialWeights {
  const n = neighbours.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + neighbours[i].length;
  const idx = new Int32Array(offsets[n]);
  const w = new Float64Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    const k = neighbours[i].length;
    neighbours[i].forEach((j, m) => {
      idx[offsets[i] + m] = j;
      w[offsets[i] + m] = 1 / k;
    });
  }
  return { n, offsets, neighbours: idx, weights: w };
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** The default seed of the permutations (a fixed, documented number: the result is reproducible). */
export const DEFAULT_SEED = 20240301;

/** The seeded generator the permutations use (kept exported here for the hot-spot tests). */
export { mulberry32 } from './random';

// ---------------------------------------------------------------------------------------------
// Local Moran's I

export type HotspotClass =
  | 'alto-alto'
  | 'bajo-bajo'
  | 'alto-bajo'
  | 'bajo-alto'
  | 'no significativo'
  | 'sin vecinos'
  /** The unit's value is missing (NaN): left out of the analysis. */
  | 'sin datos';

export interface LocalMoranUnit {
  index: number;
  value: number;
  /** (value − mean) / sd, sd over the units with a value (population sd). */
  z: number;
  /** Spatial lag of z: the weighted mean of the neighbours' z (the Moran scatterplot's y). */
  lag: number;
  /** Weighted mean of the neighbours' raw values. */
  lagValue: number;
  /** Local Moran's I = z · lag. NaN without neighbours or value. */
  i: number;
  /** Folded one-sided pseudo p-value from conditional permutations. NaN without neighbours or value. */
  p: number;
  /** p after the multiple-testing correction chosen (equal to p with correction 'none'). */
  pAdjusted: number;
  class: HotspotClass;
}

export interface LocalMoranOptions {
  /** Default 999. */
  permutations?: number;
  /** Default DEFAULT_SEED. */
  seed?: number;
  /** Significance level for the classes (the FDR level q with correction 'fdr'); default 0.05. */
  alpha?: number;
  /** Multiple-testing correction of the classes; default 'none'. */
  correction?: HotspotCorrection;
}

/**
 * 'none': each unit is tested on its own at alpha. 'fdr': Benjamini–Hochberg at level alpha
 * over all the units tested.
 *
 * Why: with one test per unit, about alpha of the units with no local association at all come
 * out "significant" by chance (≈ 10 of 196 provinces at 0.05, ≈ 95 of 1 891 districts), so a
 * map without correction over-reports hot spots. BH bounds the expected share of false ones
 * among the units flagged (at alpha) instead. It is proven for independent or positively
 * dependent tests; local Moran tests are correlated (neighbours share neighbours), so here it
 * is a sensible guard, as in the LISA literature (Anselin; PySAL's esda.fdr), not an exact
 * guarantee. It needs small p-values: the smallest permutation p is 1/(P + 1), and BH asks
 * p ≤ q/m of a strong unit on its own (0.05 / 196 ≈ 0.000 26 < 1/1000), so with 999
 * permutations only groups of strong units pass; 9 999 permutations resolve it.
 */
export type HotspotCorrection = 'none' | 'fdr';

export interface LocalMoranResult {
  units: LocalMoranUnit[];
  /** Global Moran's I with the same weights (no inference). */
  globalI: number;
  mean: number;
  sd: number;
  /** Units with a value. */
  n: number;
  permutations: number;
  seed: number;
  alpha: number;
  correction: HotspotCorrection;
}

/**
 * Local Moran's I of `values` over `neighbours` (e.g. Contiguity.neighbours), row-standardised.
 * Units with a missing value (NaN) are dropped from the graph first, so their neighbours'
 * weights are re-standardised over the remaining ones.
 *
 * p-values: for each unit i its value is held fixed and its k neighbours' values are replaced
 * by k values drawn without replacement from the other units (conditional randomisation);
 * with `larger` = #(I_perm ≥ I) and `smaller` = #(I_perm ≤ I) over P permutations,
 * p = (min(larger, smaller) + 1) / (P + 1). As in PySAL's esda, except that ties (equal within
 * TIE_TOLERANCE, relative) count on both sides, so a unit at the mean is never "significant".
 * Classes: the quadrant where pAdjusted ≤ alpha; with correction 'fdr', pAdjusted is the
 * Benjamini–Hochberg adjusted p over the units with neighbours and a value (p stays the raw one).
 */
export function localMoran(
  values: ArrayLike<number>,
  neighbours: ReadonlyArray<readonly number[]>,
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const alpha = options.alpha ?? 0.05;
  const correction: HotspotCorrection = options.correction === 'fdr' ? 'fdr' : 'none';
  const n = values.length;
  if (neighbours.length !== n) throw new Error('localMoran: values y neighbours deben tener la misma longitud');

  const valid = Array.from({ length: n }, (_, i) => Number.isFinite(values[i]));
  const used: number[] = [];
  for (let i = 0; i < n; i++) if (valid[i]) used.push(i);
  const m = used.length;
  let mean = 0;
  for (const i of used) mean += values[i];
  mean = m > 0 ? mean / m : NaN;
  let ss = 0;
  for (const i of used) ss += (values[i] - mean) ** 2;
  const sd = m > 0 ? Math.sqrt(ss / m) : NaN;
  const z = new Float64Array(n);
  for (const i of used) z[i] = sd > 0 ? (values[i] - mean) / sd : 0;

  const w = rowStandardise(neighbours.map((nb, i) => (valid[i] ? nb.filter((j) => valid[j] && j !== i) : [])));
  // mulberry32 inlined in `permute` (same sequence as mulberry32(seed)): the draw loop runs
  // up to ~10^8 times (1 891 districts × 9 999 permutations × ~6 neighbours).
  const rng = new Int32Array([seed | 0]);
  const pool = new Float64Array(Math.max(m - 1, 0));
  const units: LocalMoranUnit[] = [];
  let zLagSum = 0;
  let withNeighbours = 0;

  for (let i = 0; i < n; i++) {
    const value = values[i];
    const start = w.offsets[i];
    const k = w.offsets[i + 1] - start;
    if (!valid[i] || k === 0) {
      units.push({ index: i, value, z: valid[i] ? z[i] : NaN, lag: NaN, lagValue: NaN, i: NaN, p: NaN, pAdjusted: NaN, class: valid[i] ? 'sin vecinos' : 'sin datos' });
      continue;
    }
    let lag = 0;
    let lagValue = 0;
    for (let t = 0; t < k; t++) {
      const j = w.neighbours[start + t];
      lag += w.weights[start + t] * z[j];
      lagValue += w.weights[start + t] * values[j];
    }
    const zi = z[i];
    const ii = zi * lag;
    zLagSum += ii;
    withNeighbours++;

    // Conditional permutations: partial Fisher–Yates over the other units. The pool need not
    // be reset between draws: any arrangement of it gives a uniform k-subset.
    let c = 0;
    for (const j of used) if (j !== i) pool[c++] = z[j];
    // Equal sets of values summed in another order differ by rounding: they are still ties.
    const tie = TIE_TOLERANCE * Math.max(1, Math.abs(ii));
    const [larger, smaller] = permute(pool, c, w.weights, start, k, zi, ii - tie, ii + tie, permutations, rng);
    const pValue = (Math.min(larger, smaller) + 1) / (permutations + 1);
    units.push({ index: i, value, z: zi, lag, lagValue, i: ii, p: pValue, pAdjusted: pValue, class: classify(zi, lag, pValue, alpha) });
  }
  if (correction === 'fdr') {
    // Units without neighbours or value have p = NaN: BH leaves them out of m.
    const { adjusted } = benjaminiHochberg(units.map((u) => u.p), alpha);
    units.forEach((u, k) => {
      if (Number.isNaN(u.p)) return;
      u.pAdjusted = adjusted[k];
      u.class = classify(u.z, u.lag, u.pAdjusted, alpha);
    });
  }
  return {
    units,
    globalI: withNeighbours > 0 ? zLagSum / withNeighbours : NaN,
    mean,
    sd,
    n: m,
    permutations,
    seed,
    alpha,
    correction,
  };
}

const TWO_TO_MINUS_32 = 1 / 4294967296;

/**
 * `permutations` draws of k values without replacement from pool[0..c) (partial Fisher–Yates,
 * weights[start..start+k) as the weights), counting permuted I ≥ lo and ≤ hi. rng[0] is the
 * mulberry32 state, kept as int32 (same bits as the uint32 of mulberry32) and advanced in place.
 * A function of its own, on typed arrays only, so the engine optimises just this hot loop.
 */
function permute(
  pool: Float64Array, c: number, weights: Float64Array, start: number, k: number,
  zi: number, lo: number, hi: number, permutations: number, rng: Int32Array,
): [number, number] {
  let state = rng[0];
  let larger = 0;
  let smaller = 0;
  for (let p = 0; p < permutations; p++) {
    let lagPerm = 0;
    for (let t = 0; t < k; t++) {
      state = (state + 0x6d2b79f5) | 0;
      let x = Math.imul(state ^ (state >>> 15), state | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      const r = t + ((((x ^ (x >>> 14)) >>> 0) * TWO_TO_MINUS_32 * (c - t)) | 0);
      const picked = pool[r];
      pool[r] = pool[t];
      pool[t] = picked;
      lagPerm += weights[start + t] * picked;
    }
    const iPerm = zi * lagPerm;
    if (iPerm >= lo) larger++;
    if (iPerm <= hi) smaller++;
  }
  rng[0] = state;
  return [larger, smaller];
}

/** Relative tolerance under which a permuted I equals the observed one. */
export const TIE_TOLERANCE = 1e-10;

// ---------------------------------------------------------------------------------------------
// Multiple testing

export interface BenjaminiHochberg {
  /** BH-adjusted p-values, in the input's order: monotone in p, at most 1; NaN where p is not finite. */
  adjusted: Float64Array;
  /** 1 where adjusted ≤ q. */
  significant: Uint8Array;
  /** The largest raw p-value declared significant; 0 when none is. */
  cutoff: number;
}

/**
 * Benjamini–Hochberg step-up at false discovery rate q over the finite p-values (NaN and other
 * non-finite values are not tests: they do not count in m, stay NaN and are never significant).
 * With p₍₁₎ ≤ … ≤ p₍ₘ₎: adjusted p₍ᵢ₎ = min over j ≥ i of min(1, (m/j)·p₍ⱼ₎), as R's
 * p.adjust(p, 'BH'); significant where adjusted ≤ q, i.e. the i smallest p-values for the
 * largest i with p₍ᵢ₎ ≤ i·q/m.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>, q: number): BenjaminiHochberg {
  const n = pValues.length;
  const adjusted = new Float64Array(n).fill(NaN);
  const significant = new Uint8Array(n);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(pValues[i])) order.push(i);
  order.sort((a, b) => pValues[a] - pValues[b] || a - b);
  const m = order.length;
  let running = 1;
  let cutoff = 0;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    // (m / rank) first: exact at rank = m, and as R computes it.
    running = Math.min(running, (m / rank) * pValues[i]);
    adjusted[i] = running;
    if (running <= q) {
      significant[i] = 1;
      cutoff = Math.max(cutoff, pValues[i]);
    }
  }
  return { adjusted, significant, cutoff };
}

/** Quadrant of the Moran scatterplot when significant. */
export function classify(z: number, lag: number, p: number, alpha: number): HotspotClass {
  if (!(p <= alpha)) return 'no significativo';
  if (z >= 0) return lag >= 0 ? 'alto-alto' : 'alto-bajo';
  return lag >= 0 ? 'bajo-alto' : 'bajo-bajo';
}
