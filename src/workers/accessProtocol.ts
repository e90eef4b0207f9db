/**
 * The access worker's messages and their handler, kept apart from the worker's entry file
 * (access.worker.ts) so Node tests can run the same handler without a Worker.
 */
import {
  AccessModel, nearestBruteForce, type AccessCategory, type AccessLevel, type FacilityInput, type PlaceInput,
  type UnitAccess, type UnitInput,
} from '../domain/access';

/** Everything the worker needs, as typed arrays (see AccessModel's inputs). */
export interface AccessInitData {
  places: PlaceInput;
  facilities: FacilityInput;
  units: UnitInput;
}

export interface AccessInitInfo {
  places: number;
  facilities: number;
  /** Time to put the places in search order (once). */
  orderMs: number;
  /** Time to build each category's kd-tree. */
  indexMs: Partial<Record<AccessCategory, number>>;
}

export interface NearestReply {
  category: AccessCategory;
  distanceKm: Float32Array;
  facility: Int32Array;
  /** Facilities searched (the category's, within the universe). */
  facilities?: number;
  /** Worker-side time of the nearest search (0 when it came from the cache). */
  ms: number;
}

export type AccessRequest =
  | { id: number; type: 'init'; data: AccessInitData }
  | { id: number; type: 'universe'; include: Uint8Array | null }
  | { id: number; type: 'compute'; category: AccessCategory; fresh?: boolean }
  | { id: number; type: 'aggregate'; category: AccessCategory; thresholdKm: number; level: AccessLevel }
  | { id: number; type: 'bruteForce'; category: AccessCategory };

export type AccessResult =
  | { type: 'init'; info: AccessInitInfo }
  | { type: 'universe' }
  | { type: 'compute'; nearest: NearestReply }
  | { type: 'aggregate'; access: UnitAccess; ms: number }
  | { type: 'bruteForce'; nearest: NearestReply };

export type AccessResponse = { id: number; ok: true; result: AccessResult } | { id: number; ok: false; error: string };

/** Buffers of a result that can be transferred (each is a fresh copy owned by the reply). */
export function transferables(result: AccessResult): ArrayBuffer[] {
  if (result.type === 'compute' || result.type === 'bruteForce') {
    return [result.nearest.distanceKm.buffer as ArrayBuffer, result.nearest.facility.buffer as ArrayBuffer];
  }
  if (result.type === 'aggregate') {
    const a = result.access;
    return [a.places, a.beyond, a.shareBeyond, a.meanKm, a.medianKm, a.p90Km, a.populationBeyond, a.populationCovered]
      .map((x) => x.buffer as ArrayBuffer);
  }
  return [];
}

/** A stateful handler: one AccessModel, created by `init`. */
export function createAccessHandler(): (req: AccessRequest) => AccessResponse {
  let model: AccessModel | null = null;
  let init: AccessInitData | null = null;
  return (req) => {
    try {
      if (req.type === 'init') {
        init = req.data;
        model = new AccessModel(init.places, init.facilities, init.units);
        // Every category's index up front: together they take a few ms.
        for (const c of ['any', 'min_I3', 'min_I4', 'hospital', 'emergency'] as const) model.index(c);
        const info: AccessInitInfo = {
          places: init.places.lon.length,
          facilities: init.facilities.lon.length,
          orderMs: model.timings.orderMs,
          indexMs: { ...model.timings.indexMs },
        };
        return { id: req.id, ok: true, result: { type: 'init', info } };
      }
      if (!model || !init) throw new Error('access: init first');
      if (req.type === 'universe') {
        model.setIncluded(req.include);
        return { id: req.id, ok: true, result: { type: 'universe' } };
      }
      if (req.type === 'compute') {
        const t0 = performance.now();
        const r = model.nearest(req.category, req.fresh === true);
        const ms = performance.now() - t0;
        // Copies: the model keeps its cache, the reply's buffers are transferred.
        return { id: req.id, ok: true, result: { type: 'compute', nearest: { category: req.category, distanceKm: r.distanceKm.slice(), facility: r.facility.slice(), facilities: model.index(req.category).ids.length, ms } } };
      }
      if (req.type === 'aggregate') {
        const t0 = performance.now();
        const access = model.aggregate(req.category, req.thresholdKm, req.level);
        return { id: req.id, ok: true, result: { type: 'aggregate', access, ms: performance.now() - t0 } };
      }
      const t0 = performance.now();
      const r = nearestBruteForce(init.places, model.searchedFacilities, req.category);
      return { id: req.id, ok: true, result: { type: 'bruteForce', nearest: { category: req.category, ...r, ms: performance.now() - t0 } } };
    } catch (err) {
      return { id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
