/**
 * Promise-based client of the access worker (issue 5). The worker computes distances from
 * populated places to the nearest facility and their per-unit summary; it never touches
 * DuckDB, so the caller feeds it typed arrays taken from its own query results.
 *
 * How to call it:
 *
 *   const access = startAccessWorker();
 *   await access.init({
 *     places: { lon, lat },                    // Float32Array/Float64Array, one per place (NaN = no point)
 *     facilities: { lon, lat, rank, emergency }, // rank = categoryRank(categoria); emergency: Uint8Array 0/1
 *     units: {
 *       placeDistrict,                         // Int32Array: index into your district list, -1 = none
 *       districtCount, districtProvince,       // Int32Array: index into your province list per district
 *       provinceCount, districtPopulation,     // Float64Array: census 2017 population, NaN = unknown
 *     },
 *   });
 *   const r = await access.aggregate({ category: 'min_I3', thresholdKm: 20, level: 'provincia' });
 *   if (r) { ... }                            // null: a newer aggregate() superseded this one
 *
 * Data for it: centros_poblados.parquet (lon, lat, ubigeo), establecimientos.parquet (lon,
 * lat, categoria), emergencias_2024.parquet (emergency = 1 where atenciones > 0, by codigo), distritos.parquet
 * (ubigeo, ubigeo_prov, pob_2017). init() TRANSFERS the arrays by default (they become empty
 * here): pass `{ transfer: false }` to copy them instead.
 *
 * Slider moves: aggregate() and compute() each keep at most one request in the worker and
 * one waiting; a newer call replaces the waiting one, and an answer that a newer call has
 * superseded resolves to null. So the worker never builds a backlog and the latest wins.
 */
import type { AccessCategory, AccessLevel, UnitAccess } from '../domain/access';
import type {
  AccessInitData, AccessInitInfo, AccessRequest, AccessResponse, AccessResult, NearestReply,
} from '../workers/accessProtocol';
import AccessWorker from '../workers/access.worker?worker';

export type { AccessInitData, AccessInitInfo, NearestReply };
export type { AccessCategory, AccessLevel, UnitAccess };

/** The part of a Worker the client uses (a fake one runs the handler in Node tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface AggregateRequest {
  category: AccessCategory;
  thresholdKm: number;
  level: AccessLevel;
}

export interface AccessClient {
  init(data: AccessInitData, options?: { transfer?: boolean }): Promise<AccessInitInfo>;
  /**
   * Restricts the search to the facilities of the scenario's universe (1 = in it), or lifts the
   * restriction (null). Sent in order: a compute() or aggregate() asked after it uses it.
   */
  setUniverse(include: Uint8Array | null): Promise<void>;
  /** Distance (km) and nearest facility of every place; null when superseded. */
  compute(category: AccessCategory, options?: { fresh?: boolean }): Promise<NearestReply | null>;
  /** Per-unit summary; null when superseded by a newer aggregate(). */
  aggregate(request: AggregateRequest): Promise<(UnitAccess & { ms: number }) | null>;
  /** The brute-force reference in the worker (bench and checks only: about a minute for every facility). */
  bruteForce(category: AccessCategory): Promise<NearestReply>;
  terminate(): void;
}

type Payload = AccessRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve: (r: AccessResult | null) => void;
  reject: (e: Error) => void;
}

/** Latest-wins lane: at most one request in flight and one waiting. */
interface Lane {
  inFlight: number | null;
  waiting: { payload: Payload; pending: Pending } | null;
}

export function createAccessClient(worker: WorkerLike): AccessClient {
  let nextId = 1;
  const pending = new Map<number, Pending & { lane?: Lane }>();
  const lanes = { compute: { inFlight: null, waiting: null } as Lane, aggregate: { inFlight: null, waiting: null } as Lane };
  let failure: Error | null = null;

  function send(payload: Payload, p: Pending, lane?: Lane, transfer: Transferable[] = []): void {
    if (failure) return p.reject(failure);
    const id = nextId++;
    pending.set(id, { ...p, lane });
    if (lane) lane.inFlight = id;
    worker.postMessage({ ...payload, id } as AccessRequest, transfer);
  }

  worker.onmessage = (event: MessageEvent<AccessResponse>) => {
    const res = event.data;
    const p = pending.get(res.id);
    if (!p) return;
    pending.delete(res.id);
    const lane = p.lane;
    if (lane && lane.inFlight === res.id) {
      lane.inFlight = null;
      if (lane.waiting) {
        // A newer request is waiting: this answer is stale.
        const next = lane.waiting;
        lane.waiting = null;
        p.resolve(null);
        send(next.payload, next.pending, lane);
        return;
      }
    }
    if (res.ok) p.resolve(res.result);
    else p.reject(new Error(res.error));
  };
  function failAll(error: Error): void {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    for (const lane of Object.values(lanes)) {
      lane.waiting?.pending.reject(error);
      lane.waiting = null;
      lane.inFlight = null;
    }
  }
  // A worker that fails to load or crashes must not leave a caller waiting forever.
  worker.onerror = (event: ErrorEvent) => failAll(new Error(`access worker: ${event.message || 'error'}`));

  function request(payload: Payload, lane?: Lane, transfer?: Transferable[]): Promise<AccessResult | null> {
    return new Promise((resolve, reject) => {
      const p: Pending = { resolve, reject };
      if (lane && lane.inFlight !== null) {
        lane.waiting?.pending.resolve(null); // replaced before it was sent
        lane.waiting = { payload, pending: p };
        return;
      }
      send(payload, p, lane, transfer);
    });
  }

  return {
    async init(data, options = {}) {
      const arrays = [
        data.places.lon, data.places.lat, data.facilities.lon, data.facilities.lat, data.facilities.rank,
        data.facilities.emergency, data.units.placeDistrict, data.units.districtProvince, data.units.districtPopulation,
      ].filter((a): a is NonNullable<typeof a> => a !== undefined);
      // The same buffer listed twice would make postMessage throw.
      const transfer = options.transfer === false ? [] : [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
      const r = await request({ type: 'init', data }, undefined, transfer);
      return (r as Extract<AccessResult, { type: 'init' }>).info;
    },
    async setUniverse(include) {
      await request({ type: 'universe', include });
    },
    async compute(category, options = {}) {
      const r = await request({ type: 'compute', category, fresh: options.fresh }, lanes.compute);
      return r ? (r as Extract<AccessResult, { type: 'compute' }>).nearest : null;
    },
    async aggregate({ category, thresholdKm, level }) {
      const r = await request({ type: 'aggregate', category, thresholdKm, level }, lanes.aggregate);
      if (!r) return null;
      const a = r as Extract<AccessResult, { type: 'aggregate' }>;
      return { ...a.access, ms: a.ms };
    },
    async bruteForce(category) {
      const r = await request({ type: 'bruteForce', category });
      return (r as Extract<AccessResult, { type: 'bruteForce' }>).nearest;
    },
    terminate() {
      worker.terminate();
      failAll(new Error('access worker: terminated'));
    },
  };
}

/** Starts the worker (bundled by Vite like the Parquet worker) and returns its client. */
export function startAccessWorker(): AccessClient {
  return createAccessClient(new AccessWorker() as unknown as WorkerLike);
}
