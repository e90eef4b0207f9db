/**
 * Local spatial autocorrelation (LISA): contiguity from a TopoJSON topology, row-standardised
 * weights, Local Moran's I with conditional-permutation pseudo p-values and the usual
 * high-high / low-low / high-low / low-high classes. Pure TS: no React, no DuckDB.
 *
 * Reproducible: permutations use a small seeded PRNG (mulberry32); the same values,
 * neighbours, seed and number of permutations always give the same p-values.
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

/** mulberry32: a 32-bit seeded generator, uniform in [0, 1). Enough for permutation tests. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  class: HotspotClass;
}

export interface LocalMoranOptions {
  /** Default 999. */
  permutations?: number;
  /** Default DEFAULT_SEED. */
  seed?: number;
  /** Significance level for the classes; default 0.05 (no multiple-testing correction). */
  alpha?: number;
}

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
 */
export function localMoran(
  values: ArrayLike<number>,
  neighbours: ReadonlyArray<readonly number[]>,
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const alpha = options.alpha ?? 0.05;
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
  // mulberry32 inlined (same sequence as mulberry32(seed)): the draw loop runs ~10^6 times.
  let state = seed >>> 0;
  const others = new Int32Array(Math.max(m - 1, 0));
  const units: LocalMoranUnit[] = [];
  let zLagSum = 0;
  let withNeighbours = 0;

  for (let i = 0; i < n; i++) {
    const value = values[i];
    const start = w.offsets[i];
    const k = w.offsets[i + 1] - start;
    if (!valid[i] || k === 0) {
      units.push({ index: i, value, z: valid[i] ? z[i] : NaN, lag: NaN, lagValue: NaN, i: NaN, p: NaN, class: valid[i] ? 'sin vecinos' : 'sin datos' });
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
    for (const j of used) if (j !== i) others[c++] = j;
    let larger = 0;
    let smaller = 0;
    // Equal sets of values summed in another order differ by rounding: they are still ties.
    const tie = TIE_TOLERANCE * Math.max(1, Math.abs(ii));
    for (let p = 0; p < permutations; p++) {
      let lagPerm = 0;
      for (let t = 0; t < k; t++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let x = Math.imul(state ^ (state >>> 15), state | 1);
        x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
        const r = t + Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * (c - t));
        const picked = others[r];
        others[r] = others[t];
        others[t] = picked;
        lagPerm += w.weights[start + t] * z[picked];
      }
      const iPerm = zi * lagPerm;
      if (iPerm >= ii - tie) larger++;
      if (iPerm <= ii + tie) smaller++;
    }
    const pValue = (Math.min(larger, smaller) + 1) / (permutations + 1);
    units.push({ index: i, value, z: zi, lag, lagValue, i: ii, p: pValue, class: classify(zi, lag, pValue, alpha) });
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
  };
}

/** Relative tolerance under which a permuted I equals the observed one. */
export const TIE_TOLERANCE = 1e-10;

/** Quadrant of the Moran scatterplot when significant. */
export function classify(z: number, lag: number, p: number, alpha: number): HotspotClass {
  if (!(p <= alpha)) return 'no significativo';
  if (z >= 0) return lag >= 0 ? 'alto-alto' : 'alto-bajo';
  return lag >= 0 ? 'bajo-alto' : 'bajo-bajo';
}
