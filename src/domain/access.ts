/**
 * Geographic access (issue 5): great-circle distance from every populated place to the
 * nearest health facility of a minimum category, and its summary per district or province.
 * Pure TypeScript on typed arrays, no React and no DuckDB: it runs in the access worker
 * (src/workers/access.worker.ts) and in Node (tests, notebooks/access_crosscheck.ts).
 *
 * Distances are great-circle (haversine) on a sphere of radius 6,371 km, the same model as
 * geokdbush; against the WGS84 ellipsoid the error is below 0.5 %. They are straight-line
 * distances, not travel distances or times.
 *
 * Cost model: the nearest search (≈ 0.1–0.3 s for 136,587 places) runs once per category and
 * is cached; a threshold change only binary-searches each unit's sorted distances.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';

export const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/**
 * Which facilities count. Ranks: I-1…I-4 → 1…4, II-* → 5, III-* → 6, uncategorised → 0.
 * `emergency` = facilities that reported at least one emergency attention to SUSALUD in 2024
 * (emergencias_2024.atenciones > 0), any rank.
 */
export const ACCESS_CATEGORIES = ['any', 'min_I3', 'min_I4', 'hospital', 'emergency'] as const;
export type AccessCategory = (typeof ACCESS_CATEGORIES)[number];

/** Minimum rank of each category (`emergency` selects by flag instead). */
export const CATEGORY_MIN_RANK: Record<AccessCategory, number> = { any: 0, min_I3: 3, min_I4: 4, hospital: 5, emergency: 0 };

export const ACCESS_LEVELS = ['distrito', 'provincia'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** The rank of a register category (`I-1` … `III-E`); 0 for «Sin categoría», empty or unknown. */
export function categoryRank(categoria: string | null | undefined): number {
  const c = (categoria ?? '').trim().toUpperCase();
  const first = /^I-([1-4])$/.exec(c);
  if (first) return Number(first[1]);
  if (/^II-/.test(c)) return 5;
  if (/^III-/.test(c)) return 6;
  return 0;
}

/** Coordinates in degrees; NaN for a missing point. Float32 is enough (≈ 1 m). */
export type Coordinates = Float64Array | Float32Array;

export interface PlaceInput {
  lon: Coordinates;
  lat: Coordinates;
}

export interface FacilityInput {
  lon: Coordinates;
  lat: Coordinates;
  /** categoryRank of each facility. */
  rank: Uint8Array;
  /** 1 when the facility reported emergency attentions (only needed for `emergency`). */
  emergency?: Uint8Array;
  /** 0 = outside the scenario's facility universe (never a nearest facility); absent = all count. */
  include?: Uint8Array;
}

/** Great-circle distance in km (haversine). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return havToKm(hav(lat1, Math.cos(lat1 * RAD), lon1, lon2, lat2, Math.cos(lat2 * RAD)));
}

/** The haversine term of two points (monotonic in distance, so it can be compared directly). */
function hav(lat1: number, cos1: number, lon1: number, lon2: number, lat2: number, cos2: number): number {
  const sLat = Math.sin((lat2 - lat1) * RAD * 0.5);
  const sLon = Math.sin((lon2 - lon1) * RAD * 0.5);
  return sLat * sLat + cos1 * cos2 * sLon * sLon;
}

function havToKm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Positions (in the input arrays) of the facilities a category counts, with coordinates. */
export function selectFacilities(f: FacilityInput, category: AccessCategory): Int32Array {
  const min = CATEGORY_MIN_RANK[category];
  const out: number[] = [];
  for (let i = 0; i < f.rank.length; i++) {
    if (!Number.isFinite(f.lon[i]) || !Number.isFinite(f.lat[i])) continue;
    if (f.include && f.include[i] === 0) continue;
    if (category === 'emergency' ? f.emergency?.[i] === 1 : f.rank[i] >= min) out.push(i);
  }
  return Int32Array.from(out);
}

/** A kd-tree over one category's facilities. */
export interface FacilityIndex {
  category: AccessCategory;
  /** Input position of each indexed facility, by kdbush id. */
  ids: Int32Array;
  lon: Float64Array;
  lat: Float64Array;
  cosLat: Float64Array;
  /** null when the category has no facility. */
  tree: KDBush | null;
}

export function buildFacilityIndex(f: FacilityInput, category: AccessCategory): FacilityIndex {
  const ids = selectFacilities(f, category);
  const n = ids.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const cosLat = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    lon[k] = f.lon[ids[k]];
    lat[k] = f.lat[ids[k]];
    cosLat[k] = Math.cos(lat[k] * RAD);
  }
  let tree: KDBush | null = null;
  if (n > 0) {
    // Small leaves: the search below reads only a few candidates per place.
    tree = new KDBush(n, 16);
    for (let k = 0; k < n; k++) tree.add(lon[k], lat[k]);
    tree.finish();
  }
  return { category, ids, lon, lat, cosLat, tree };
}

/**
 * The order in which places are searched: kd-tree order, so consecutive places are
 * neighbours and each one's nearest facility bounds the next one's search. Places without
 * coordinates are left out.
 */
export function placeSearchOrder(places: PlaceInput): Uint32Array {
  const valid: number[] = [];
  for (let i = 0; i < places.lon.length; i++) if (Number.isFinite(places.lon[i]) && Number.isFinite(places.lat[i])) valid.push(i);
  if (valid.length === 0) return new Uint32Array(0);
  const tree = new KDBush(valid.length, 64);
  for (const i of valid) tree.add(places.lon[i], places.lat[i]);
  tree.finish();
  const order = new Uint32Array(valid.length);
  for (let k = 0; k < valid.length; k++) order[k] = valid[tree.ids[k]];
  return order;
}

export interface NearestResult {
  /** km to the nearest facility; NaN for a place without coordinates or an empty category. */
  distanceKm: Float32Array;
  /** Input position of the nearest facility (ties: the lowest position); -1 when none. */
  facility: Int32Array;
}

/**
 * Nearest facility of every place, exact (same answer as nearestBruteForce).
 *
 * For each place, in kd order, the distance to the previous place's nearest facility is an
 * upper bound U of its own nearest distance. Every point of the sphere within U lies in the
 * lat/lon box lat ± U/R, lon ± asin(sin(U/R) / cos lat), so a kdbush range query on that box
 * returns every candidate; the haversine picks the nearest. Neighbouring places share their
 * nearest facility most of the time, so the box holds a handful of points. geokdbush's
 * best-first search seeds the first place, and answers alone where the box would wrap a
 * pole or the antimeridian (never in Peru).
 */
export function nearestFacilities(places: PlaceInput, index: FacilityIndex, order: Uint32Array = placeSearchOrder(places)): NearestResult {
  const n = places.lon.length;
  const distanceKm = new Float32Array(n).fill(NaN);
  const facility = new Int32Array(n).fill(-1);
  const { tree, ids, lon: fLon, lat: fLat, cosLat: fCos } = index;
  if (!tree) return { distanceKm, facility };
  let prev = -1; // kdbush id of the previous place's nearest facility
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const lon = places.lon[i];
    const lat = places.lat[i];
    const cos = Math.cos(lat * RAD);
    // The first place is seeded by geokdbush's best-first search, every other by its predecessor.
    const seed = prev >= 0 ? prev : around(tree, lon, lat, 1)[0];
    let best = -1;
    let bestH = Infinity;
    const u = havToKm(hav(lat, cos, lon, fLon[seed], fLat[seed], fCos[seed]));
    // Slightly widened so rounding never drops a candidate exactly on the edge.
    const delta = (u * (1 + 1e-9) + 1e-9) / EARTH_RADIUS_KM;
    const dLat = delta / RAD;
    const s = Math.sin(delta) / cos;
    const dLon = s < 1 ? Math.asin(s) / RAD : 360;
    if (Math.abs(lat) + dLat < 90 && lon - dLon >= -180 && lon + dLon <= 180) {
      const candidates = tree.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
      for (let c = 0; c < candidates.length; c++) {
        const id = candidates[c];
        const h = hav(lat, cos, lon, fLon[id], fLat[id], fCos[id]);
        if (h < bestH || (h === bestH && ids[id] < ids[best])) {
          bestH = h;
          best = id;
        }
      }
    } else {
      best = prev >= 0 ? around(tree, lon, lat, 1)[0] : seed;
      bestH = hav(lat, cos, lon, fLon[best], fLat[best], fCos[best]);
    }
    distanceKm[i] = havToKm(bestH);
    facility[i] = ids[best];
    prev = best;
  }
  return { distanceKm, facility };
}

/** Reference: every place against every facility of the category. For tests and the bench. */
export function nearestBruteForce(places: PlaceInput, facilities: FacilityInput, category: AccessCategory): NearestResult {
  const sel = selectFacilities(facilities, category);
  const m = sel.length;
  const fLon = new Float64Array(m);
  const fLat = new Float64Array(m);
  const fCos = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    fLon[k] = facilities.lon[sel[k]];
    fLat[k] = facilities.lat[sel[k]];
    fCos[k] = Math.cos(fLat[k] * RAD);
  }
  const n = places.lon.length;
  const distanceKm = new Float32Array(n).fill(NaN);
  const facility = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const lon = places.lon[i];
    const lat = places.lat[i];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || m === 0) continue;
    const cos = Math.cos(lat * RAD);
    let best = -1;
    let bestH = Infinity;
    for (let k = 0; k < m; k++) {
      const h = hav(lat, cos, lon, fLon[k], fLat[k], fCos[k]);
      if (h < bestH) {
        bestH = h;
        best = k;
      }
    }
    distanceKm[i] = havToKm(bestH);
    facility[i] = sel[best];
  }
  return { distanceKm, facility };
}

// ---------------------------------------------------------------------------------------
// Aggregation per unit

/**
 * Distances grouped by unit and sorted within each unit: unit u holds
 * sorted[offsets[u] … offsets[u+1]). Places without a unit or a distance are left out.
 * Built once per category and level; any threshold then costs a binary search per unit.
 */
export interface GroupedDistances {
  unitCount: number;
  offsets: Int32Array;
  sorted: Float32Array;
}

export function groupDistances(distanceKm: Float32Array, unitOfPlace: Int32Array, unitCount: number): GroupedDistances {
  const counts = new Int32Array(unitCount + 1);
  for (let i = 0; i < distanceKm.length; i++) {
    const u = unitOfPlace[i];
    if (u >= 0 && u < unitCount && !Number.isNaN(distanceKm[i])) counts[u + 1]++;
  }
  const offsets = new Int32Array(unitCount + 1);
  for (let u = 0; u < unitCount; u++) offsets[u + 1] = offsets[u] + counts[u + 1];
  const sorted = new Float32Array(offsets[unitCount]);
  const cursor = offsets.slice(0, unitCount);
  for (let i = 0; i < distanceKm.length; i++) {
    const u = unitOfPlace[i];
    if (u >= 0 && u < unitCount && !Number.isNaN(distanceKm[i])) sorted[cursor[u]++] = distanceKm[i];
  }
  for (let u = 0; u < unitCount; u++) sorted.subarray(offsets[u], offsets[u + 1]).sort();
  return { unitCount, offsets, sorted };
}

/**
 * Quantile of sorted values by linear interpolation between closest ranks (Hyndman–Fan
 * type 7: numpy's default, DuckDB's quantile_cont, R's default): position h = (n − 1)·p,
 * value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). NaN when empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number, from = 0, to = sorted.length): number {
  const n = to - from;
  if (n <= 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[from + lo] + (h - lo) * (sorted[from + hi] - sorted[from + lo]);
}

/** What does not depend on the threshold: per-unit counts, mean, median and 90th percentile. */
export interface UnitDistanceStats {
  places: Int32Array;
  meanKm: Float64Array;
  medianKm: Float64Array;
  p90Km: Float64Array;
}

export function unitDistanceStats(g: GroupedDistances): UnitDistanceStats {
  const { unitCount, offsets, sorted } = g;
  const places = new Int32Array(unitCount);
  const meanKm = new Float64Array(unitCount);
  const medianKm = new Float64Array(unitCount);
  const p90Km = new Float64Array(unitCount);
  for (let u = 0; u < unitCount; u++) {
    const a = offsets[u];
    const b = offsets[u + 1];
    places[u] = b - a;
    let sum = 0;
    for (let i = a; i < b; i++) sum += sorted[i];
    meanKm[u] = b > a ? sum / (b - a) : NaN;
    medianKm[u] = quantileSorted(sorted, 0.5, a, b);
    p90Km[u] = quantileSorted(sorted, 0.9, a, b);
  }
  return { places, meanKm, medianKm, p90Km };
}

/** Places strictly farther than the threshold, per unit, and their share (NaN for no places). */
export function beyondThreshold(g: GroupedDistances, thresholdKm: number): { beyond: Int32Array; shareBeyond: Float64Array } {
  const { unitCount, offsets, sorted } = g;
  const beyond = new Int32Array(unitCount);
  const shareBeyond = new Float64Array(unitCount);
  const t = Math.fround(thresholdKm); // compare in the distances' own precision
  for (let u = 0; u < unitCount; u++) {
    let lo = offsets[u];
    let hi = offsets[u + 1];
    const n = hi - lo;
    // First position with a distance > t.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    beyond[u] = offsets[u + 1] - lo;
    shareBeyond[u] = n > 0 ? beyond[u] / n : NaN;
  }
  return { beyond, shareBeyond };
}

/**
 * Estimated population beyond the threshold. Populated places carry no population in these
 * data, so each district's census population is spread evenly over its places: district
 * estimate = population × share of its places beyond the threshold. A province's estimate is
 * the sum of its districts' estimates. Districts without population or without places add
 * nothing; `populationCovered` is the population that entered the estimate, so a caller can
 * say how much of the unit it covers. NaN when nothing is covered.
 */
export function populationBeyond(
  districtShareBeyond: Float64Array,
  districtPopulation: Float64Array,
  districtToUnit: Int32Array | null,
  unitCount: number,
): { populationBeyond: Float64Array; populationCovered: Float64Array } {
  const est = new Float64Array(unitCount);
  const covered = new Float64Array(unitCount);
  for (let d = 0; d < districtShareBeyond.length; d++) {
    const u = districtToUnit ? districtToUnit[d] : d;
    const share = districtShareBeyond[d];
    const pop = districtPopulation[d];
    if (u < 0 || u >= unitCount || Number.isNaN(share) || !Number.isFinite(pop)) continue;
    est[u] += pop * share;
    covered[u] += pop;
  }
  for (let u = 0; u < unitCount; u++) if (covered[u] === 0) est[u] = NaN;
  return { populationBeyond: est, populationCovered: covered };
}

// ---------------------------------------------------------------------------------------
// The cached model the worker (and the notebook) use

/** How places map to units. Indices refer to the caller's own district and province lists. */
export interface UnitInput {
  /** District index of each place; -1 for none. */
  placeDistrict: Int32Array;
  districtCount: number;
  /** Province index of each district; -1 for none. */
  districtProvince: Int32Array;
  provinceCount: number;
  /** Census population of each district; NaN when unknown. */
  districtPopulation?: Float64Array;
}

/** Per-unit results for one category, threshold and level (all arrays have one value per unit). */
export interface UnitAccess {
  category: AccessCategory;
  level: AccessLevel;
  thresholdKm: number;
  /** Places with a distance. */
  places: Int32Array;
  /** Places farther than the threshold. */
  beyond: Int32Array;
  /** beyond / places; NaN when the unit has no place. */
  shareBeyond: Float64Array;
  meanKm: Float64Array;
  medianKm: Float64Array;
  p90Km: Float64Array;
  /** See populationBeyond(); NaN where no population is known. */
  populationBeyond: Float64Array;
  populationCovered: Float64Array;
}

export class AccessModel {
  private readonly order: Uint32Array;
  private readonly indices = new Map<AccessCategory, FacilityIndex>();
  private readonly nearestCache = new Map<AccessCategory, NearestResult>();
  private readonly groupCache = new Map<string, { grouped: GroupedDistances; stats: UnitDistanceStats }>();
  private readonly placeProvince: Int32Array;
  /** The facilities as searched: the input, restricted to the universe by setIncluded(). */
  private searched: FacilityInput;
  /** Milliseconds spent ordering the places and building each category's index. */
  readonly timings: { orderMs: number; indexMs: Partial<Record<AccessCategory, number>> } = { orderMs: 0, indexMs: {} };

  constructor(
    readonly places: PlaceInput,
    readonly facilities: FacilityInput,
    readonly units: UnitInput,
  ) {
    const n = places.lon.length;
    if (places.lat.length !== n || units.placeDistrict.length !== n) throw new Error('access: place arrays differ in length');
    const m = facilities.lon.length;
    if (facilities.lat.length !== m || facilities.rank.length !== m || (facilities.emergency && facilities.emergency.length !== m)) {
      throw new Error('access: facility arrays differ in length');
    }
    if (units.districtProvince.length !== units.districtCount) throw new Error('access: districtProvince length ≠ districtCount');
    this.searched = facilities;
    const t0 = performance.now();
    this.order = placeSearchOrder(places);
    this.timings.orderMs = performance.now() - t0;
    this.placeProvince = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const d = units.placeDistrict[i];
      this.placeProvince[i] = d >= 0 && d < units.districtCount ? units.districtProvince[d] : -1;
    }
  }

  /** The facilities searched from now on (1 = in the universe), or every one (null); drops what was cached. */
  setIncluded(include: Uint8Array | null): void {
    if (include && include.length !== this.facilities.lon.length) throw new Error('access: universe mask length ≠ facilities');
    this.searched = include ? { ...this.facilities, include } : this.facilities;
    this.indices.clear();
    this.nearestCache.clear();
    this.groupCache.clear();
  }

  get searchedFacilities(): FacilityInput {
    return this.searched;
  }

  index(category: AccessCategory): FacilityIndex {
    let idx = this.indices.get(category);
    if (!idx) {
      const t0 = performance.now();
      idx = buildFacilityIndex(this.searched, category);
      this.timings.indexMs[category] = performance.now() - t0;
      this.indices.set(category, idx);
    }
    return idx;
  }

  /** Nearest facility of every place (cached per category; `fresh` recomputes, for the bench). */
  nearest(category: AccessCategory, fresh = false): NearestResult {
    let r = fresh ? undefined : this.nearestCache.get(category);
    if (!r) {
      r = nearestFacilities(this.places, this.index(category), this.order);
      this.nearestCache.set(category, r);
      for (const level of ACCESS_LEVELS) this.groupCache.delete(`${category}|${level}`);
    }
    return r;
  }

  private grouped(category: AccessCategory, level: AccessLevel) {
    const key = `${category}|${level}`;
    let g = this.groupCache.get(key);
    if (!g) {
      const { distanceKm } = this.nearest(category);
      const grouped = level === 'distrito'
        ? groupDistances(distanceKm, this.units.placeDistrict, this.units.districtCount)
        : groupDistances(distanceKm, this.placeProvince, this.units.provinceCount);
      g = { grouped, stats: unitDistanceStats(grouped) };
      this.groupCache.set(key, g);
    }
    return g;
  }

  aggregate(category: AccessCategory, thresholdKm: number, level: AccessLevel): UnitAccess {
    const { grouped, stats } = this.grouped(category, level);
    const { beyond, shareBeyond } = beyondThreshold(grouped, thresholdKm);
    const unitCount = grouped.unitCount;
    const pop = this.units.districtPopulation;
    let estimate: ReturnType<typeof populationBeyond>;
    if (!pop) {
      estimate = { populationBeyond: new Float64Array(unitCount).fill(NaN), populationCovered: new Float64Array(unitCount) };
    } else if (level === 'distrito') {
      estimate = populationBeyond(shareBeyond, pop, null, unitCount);
    } else {
      // Province estimates add up district estimates, so each district's share weighs its own population.
      const district = beyondThreshold(this.grouped(category, 'distrito').grouped, thresholdKm);
      estimate = populationBeyond(district.shareBeyond, pop, this.units.districtProvince, unitCount);
    }
    return {
      category, level, thresholdKm,
      places: stats.places.slice(), beyond, shareBeyond,
      meanKm: stats.meanKm.slice(), medianKm: stats.medianKm.slice(), p90Km: stats.p90Km.slice(),
      ...estimate,
    };
  }
}
