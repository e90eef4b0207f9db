import type { StoreApi } from 'zustand/vanilla';
import type { DataSource } from '../data/source';
import type { Catalog } from '../data/catalog';
import type { Geo, LoadStep } from '../data/loadApp';
import type { Units } from '../data/units';
import type { Facilities } from '../data/facilities';
import type { AccessData } from '../data/places';
import type { UnitAccess } from '../data/accessClient';
import { DataError, toDataError } from '../data/errors';
import { loadRegister } from '../data/register';
import type { JoinContext, KeySpec, UserFileRef } from '../domain/userData';
import type { UserFileSummary } from '../domain/userSummary';
import { consultaSummary, joinContextOf, userDataNeeded } from './userDataState';
import { CONSULTA_FILE } from '../domain/userIndicators';
import { INDICATORS, LEVELS, type Level } from '../domain/indicators';
import type { ConflictEvent, GazetteerPlace } from '../domain/conflictEvents';
import { gazetteerPlaces } from '../domain/gazetteer';
import type { ConflictFileRef } from './scenario';
import type { SearchEntry } from '../domain/search';
import { failed, IDLE, loading, ready, valueOf, type LoadState } from './loadState';
import { stageOf, stateOf, TIMEOUTS, withState, type DatasetKey } from './datasets';
import { baseUnitsOf, weighsOnly } from './derive';
import type { AppState } from './store';
import type { CoreState, DerivedColumns, Engine, LevelData, StagedJoin } from './slices';
import { previousDefinitions, unitsKey, universeKey, universeMask, type IndicatorDefinitions } from '../domain/universe';
import type { StabilityRunner } from '../workers/stabilityClient';
import type { StabilityReply } from '../workers/stabilityProtocol';
import { factorsOf } from '../domain/stability/uncertainty';
import { definitionFactorsOf, stabilityModelOf, variantDefinitions } from './stabilityModel';
import type { StabilityState } from './slices';
import { snapshotCheck, type IndicatorSnapshot } from '../data/indicatorSnapshot';
import type { Boundaries } from '../data/boundaries';
import { consultSchema, runConsult, type ConsultResult } from '../data/consulta';
import { SqlGuardError } from '../domain/sqlGuard';
import type { ConsultRun } from './slices';
import { loadSeries } from '../data/series';
import { projectionNeeded } from './projectionState';

/** The universe a new access worker searches. */
const WHOLE_REGISTER = universeKey(previousDefinitions().universe);

/** What the coordinator loads with: the browser's loaders in the app, native DuckDB and files in Node tests. */
export interface CoordinatorDeps {
  /** Start-up: catalogue, engine, start tables and the province indicators; `onGeo` as soon as the boundaries arrive. */
  openEngine(
    onStep: (step: LoadStep) => void,
    onGeo: (geo: Geo) => void,
    signal: AbortSignal,
    definitions: IndicatorDefinitions,
    /** The engine's wasm starts once this resolves (see TIMEOUTS.engineDefer); the boundaries do not wait. */
    gate?: Promise<void>,
  ): Promise<{ source: DataSource; engine: Engine; provincias: Units; geo: Geo }>;
  loadLevel(source: DataSource, level: Level, signal: AbortSignal, definitions: IndicatorDefinitions): Promise<LevelData>;
  /** A level's SQL units again, under other definitions (the boundaries stay). */
  loadUnits(source: DataSource, level: Level, definitions: IndicatorDefinitions, signal: AbortSignal): Promise<Units>;
  loadFacilities(source: DataSource, signal: AbortSignal): Promise<Facilities>;
  loadConflicts(source: DataSource, catalog: Catalog, signal: AbortSignal): Promise<ConflictEvent[]>;
  loadAccess(source: DataSource, catalog: Catalog, signal: AbortSignal): Promise<AccessData>;
  loadSearchIndex(source: DataSource, signal: AbortSignal): Promise<SearchEntry[]>;
  /** A level's indicators precomputed by the pipeline under these definitions (null when absent or unreadable): the first map's ranking. */
  loadSnapshot?(level: Level, definitionsKey: string, signal: AbortSignal): Promise<IndicatorSnapshot | null>;
  /** A level's boundaries alone, for a first map drawn from the snapshot at that level (the provinces' come with `openEngine`). */
  loadBoundaries?(level: Level, signal: AbortSignal): Promise<Boundaries>;
  /**
   * A user's file the scenario references, read again (from the local file store in the app) and
   * joined as the scenario says: its summary (in the user-file worker in the app, in-process in Node).
   */
  loadUserFile?(ref: UserFileRef, ctx: JoinContext, signal: AbortSignal): Promise<UserFileSummary>;
  /** The staged file's rows, held by the user-file worker under `handle`, joined by `key` (absent in Node). */
  joinStaged?(handle: number, key: KeySpec, ctx: JoinContext): Promise<{ summary: UserFileSummary; joinMs: number }>;
  /** A conflict file the scenario references, read again and placed with these places (absent in Node). */
  loadConflictFile?(ref: ConflictFileRef, places: GazetteerPlace[], signal: AbortSignal): Promise<ConflictEvent[]>;
  /** The stability worker (issue 14): a Web Worker in the app, the same code in-process in Node tests. */
  startStability?(): StabilityRunner;
}

/** Quiet time after the last change before a stability run starts: a weight drag settles first. */
export const STABILITY_SETTLE_MS = 250;

/** What a stability result depends on: the ranking (its version), the settings, the top N. */
export function stabilityKey(s: CoreState): string | null {
  const r = s.derived.ranking;
  if (!r) return null;
  return `${r.version}|${s.scenario.topN}|${JSON.stringify(s.scenario.stability)}`;
}

/** Datasets with one LoadState each (levels are keyed `level:provincia`, `level:distrito`). */
export type { DatasetKey } from './datasets';

const ACCESS_IDS = INDICATORS.filter((d) => d.computed === 'access').map((d) => d.id);

/** True when the places layer is shown or an access indicator counts in the score. */
export const accessNeeded = (s: CoreState): boolean =>
  s.scenario.layers.places.visible || s.scenario.indicators.some((i) => i.enabled && i.weight > 0 && ACCESS_IDS.includes(i.id));

/** The levels the state needs: the scenario's, the districts under their boundary layer, and those a view asked for. */
export function levelsNeeded(s: CoreState): Level[] {
  const out = new Set<Level>([s.scenario.level, ...s.view.levelsWanted]);
  if (s.scenario.layers.distritos.visible) out.add('distrito');
  // the user's files: joins need the districts, and so does placing conflict rows by name
  if (userDataNeeded(s) || s.scenario.userData.conflictFiles.length > 0) out.add('distrito');
  return LEVELS.filter((l) => out.has(l));
}

/** `work`, or a typed `timeout` error after `ms` (the work itself is not stopped; its result is then ignored). */
function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DataError('timeout', { what, seconds: Math.round(ms / 1000) })), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** The worker's per-unit results as indicator columns in the order of `ids`. */
export function accessColumns(a: UnitAccess, workerIds: string[], ids: string[]): DerivedColumns {
  const at = new Map(workerIds.map((id, i) => [id, i]));
  const pick = (src: Float64Array, scale = 1) =>
    Float64Array.from(ids, (id) => {
      const i = at.get(id);
      return i === undefined ? NaN : src[i] * scale;
    });
  const how = { key: 'methods.accessHow', params: { category: { key: `access.categories.${a.category}` }, km: a.thresholdKm, level: a.level } };
  return {
    values: {
      acceso_pct_lejos: pick(a.shareBeyond, 100),
      acceso_mediana_km: pick(a.medianKm),
      acceso_p90_km: pick(a.p90Km),
      acceso_poblacion_lejos: pick(a.populationBeyond),
    },
    method: {
      acceso_pct_lejos: [how, { key: 'methods.accessShare', params: { km: a.thresholdKm } }],
      acceso_mediana_km: [how, { key: 'methods.accessMedian' }],
      acceso_p90_km: [how, { key: 'methods.accessP90' }],
      acceso_poblacion_lejos: [how, { key: 'methods.accessPopulation' }],
    },
  };
}

/**
 * The one object that loads data and runs the workers (after Mosaic's Coordinator). It owns the
 * DataSource and the access worker, watches the store, loads each dataset the state needs (one
 * LoadState per dataset, one AbortSignal per load) and commits worker results. Components never
 * start a load: they change the scenario or declare a need (`wantLevel`, `wantSearch`).
 * Synchronous derivations (conflict columns, ranking, hot spots) run in `derive`, inside the
 * same store update as the change that caused them.
 */
export class Coordinator {
  private source: DataSource | null = null;
  private readonly controllers = new Set<AbortController>();
  /** Loads still running: the engine is closed only after they settle (a query on a closed engine can crash it). */
  private readonly inflight = new Set<Promise<unknown>>();
  private unsubscribe: (() => void) | null = null;
  private accessRun: AbortController | null = null;
  private nearestKey = '';
  /** The universe each access worker searches (a universeKey; a new one searches the whole register). */
  private accessUniverse = new WeakMap<AccessData, string>();
  private aggregateKey = '';
  /** Per level, the definitions key of the units reload in progress (issue 12). */
  private readonly unitsReload = new Map<Level, { key: string; controller: AbortController }>();
  private disposed = false;
  private starting = false;
  private stability: StabilityRunner | null = null;
  private accessWatched = new WeakSet<AccessData>();
  private stabilityTimer: ReturnType<typeof setTimeout> | null = null;
  private stabilityCancel: (() => void) | null = null;
  /** Units under alternative definitions (stability's definition factors), by level and unitsKey. */
  private readonly variantUnits = new Map<string, Promise<Units>>();
  private readonly timeouts: typeof TIMEOUTS;
  /** Conflict files being read again (by SHA-256). */
  private readonly conflictFilesAsked = new Set<string>();
  /** The «Consultas» run in progress, to cancel it. */
  private consultRun: { run: number; controller: AbortController } | null = null;

  constructor(
    private readonly store: StoreApi<AppState>,
    private readonly deps: CoordinatorDeps,
    /** How long the engine start and each load may take (tests shorten them). */
    timeouts: Partial<typeof TIMEOUTS> = {},
  ) {
    this.timeouts = { ...TIMEOUTS, ...timeouts };
  }

  /** Starts the engine and begins watching the store; resolves when start-up has ended (ready or failed). */
  start(): Promise<void> {
    this.unsubscribe = this.store.subscribe((s) => this.react(s));
    return this.startEngine();
  }

  /** Cancels every load and computation, closes the engine and stops the workers. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.unsubscribe?.();
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
    this.accessRun?.abort();
    valueOf(this.store.getState().data.access)?.client.terminate();
    if (this.stabilityTimer) clearTimeout(this.stabilityTimer);
    this.stabilityCancel?.();
    this.stability?.terminate();
    const source = this.source;
    this.source = null;
    // a hung load must not hang the shutdown
    await Promise.race([Promise.allSettled([...this.inflight]), new Promise((r) => setTimeout(r, 5_000))]);
    await source?.close();
  }

  /** Loads a dataset again after an error. */
  retry(key: DatasetKey | 'engine'): void {
    this.store.getState().retryLoad(key);
  }

  private commit(recipe: (s: CoreState) => Partial<CoreState>) {
    if (!this.disposed) this.store.getState().commit(recipe);
  }
  private setData(key: DatasetKey, state: LoadState<unknown>) {
    this.commit((s) => ({ data: withState(s.data, key, state) }));
  }
  private controller(): AbortController {
    const c = new AbortController();
    this.controllers.add(c);
    return c;
  }

  private async startEngine(): Promise<void> {
    const c = this.controller();
    const setEngine = (engine: LoadState<Engine>) => this.commit((s) => ({ data: { ...s.data, engine } }));
    let step: LoadStep = 'catalog';
    setEngine(loading(step));
    this.starting = true;
    // The first ranked map does not wait for the engine: the pipeline's snapshot of the scenario's
    // level (same SQL, native DuckDB) is ranked as soon as it and the boundaries are here, when it
    // was computed under this scenario's definitions and holds every indicator the scenario weighs.
    // The engine checks it once ready.
    const start = this.store.getState().scenario;
    const level = start.level;
    const early: { geo: Geo | null; boundaries: Boundaries | null; snapshot: IndicatorSnapshot | null } = { geo: null, boundaries: null, snapshot: null };
    const showEarly = () => {
      const { geo, snapshot } = early;
      const boundaries = level === 'provincia' ? geo?.provincias : early.boundaries;
      if (c.signal.aborted || !geo || !boundaries || !snapshot || this.store.getState().data.levels[level].status === 'ready') return;
      this.commit((s) => ({
        data: { ...s.data, levels: { ...s.data.levels, [level]: ready({ units: snapshot.units, boundaries }) }, snapshot: { status: 'pending', level } },
      }));
    };
    const definitionsKey = unitsKey(start.definitions);
    // the engine starts once the snapshot's map is drawn, or at once when there is no snapshot to draw
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const gateTimer = setTimeout(openGate, this.timeouts.engineDefer);
    c.signal.addEventListener('abort', () => openGate());
    const unwatch = this.store.subscribe((s) => s.view.firstMapDrawn && openGate());
    if (this.store.getState().view.firstMapDrawn) openGate(); // a retried start-up: the map is there
    void gate.then(() => {
      clearTimeout(gateTimer);
      unwatch();
    });
    const snapshotting = this.deps.loadSnapshot?.(level, definitionsKey, c.signal);
    if (!snapshotting) openGate();
    snapshotting
      ?.then((snapshot) => {
        const usable = snapshot?.units.definitionsKey === definitionsKey && snapshot.units.level === level && weighsOnly(start, snapshot.units);
        if (!usable) return openGate();
        early.snapshot = snapshot;
        showEarly();
        // a district map needs its own boundaries (the provinces' come with the start-up's); only
        // fetched for a snapshot in use, or the level's load would read them a second time
        if (level !== 'provincia') {
          void this.deps
            .loadBoundaries?.(level, c.signal)
            .then((b) => {
              early.boundaries = b;
              showEarly();
            })
            .catch(() => openGate());
        }
      })
      .catch(() => openGate()); // no snapshot: the map is ranked when the engine is ready, as before
    try {
      const opening = this.deps.openEngine(
        (next) => {
          step = next;
          if (!c.signal.aborted) setEngine(loading(next));
        },
        (geo) => {
          if (c.signal.aborted) return;
          this.commit((s) => ({ data: { ...s.data, geo } }));
          early.geo = geo;
          showEarly();
        },
        c.signal,
        this.store.getState().scenario.definitions,
        gate,
      );
      // an engine that arrives after its start was given up (timeout, dispose) is closed
      opening.then((late) => c.signal.aborted && void late.source.close()).catch(() => undefined);
      const r = await withTimeout(opening, this.timeouts.engine, stageOf('engine')).catch((err: unknown) => {
        // the step that hung or failed is named with the error
        throw err instanceof DataError && err.key === 'timeout' ? new DataError('timeout', { ...err.params, step }) : err;
      });
      if (c.signal.aborted) {
        await r.source.close();
        return;
      }
      this.source = r.source;
      // a dead worker replaced under the data access: say so (the data and the scenario are intact)
      r.source.onRestart?.((what) => this.commit((s) => ({ data: { ...s.data, restarts: { ...s.data.restarts, [what]: s.data.restarts[what] + 1 } } })));
      // the snapshot ranked first, if any, against the engine's own numbers: any difference is an error on screen
      const used = this.store.getState().data.snapshot.status === 'pending' ? early.snapshot : null;
      if (used && level !== 'provincia') {
        // the provinces as usual; the level drawn first stays on screen while the engine computes it again
        this.commit((s) => ({ data: { ...s.data, engine: ready(r.engine), geo: r.geo, levels: { ...s.data.levels, provincia: ready({ units: r.provincias, boundaries: r.geo.provincias }) } } }));
        this.react(this.store.getState());
        // the engine is up: a failed check is that level's load error (with its retry), not the engine's
        await withTimeout(this.deps.loadUnits(r.source, level, start.definitions, c.signal), this.timeouts.load, stageOf(`level:${level}`)).then(
          (units) => !c.signal.aborted && this.verifySnapshot(used, units, r.engine.catalog.inputsSha256),
          (err: unknown) => {
            if (c.signal.aborted) return;
            this.commit((s) => ({ data: { ...withState(s.data, `level:${level}`, failed(toDataError(err))), snapshot: { status: 'unused' } } }));
          },
        );
        return;
      }
      const check = used ? snapshotCheck(used, r.provincias, r.engine.catalog.inputsSha256) : null;
      // verified: the units on screen are kept, so the same numbers do not rank (and start a stability run) twice
      const verified = check !== null && check.differences === 0;
      this.commit((s) => ({
        data: {
          ...s.data,
          engine: ready(r.engine),
          geo: verified ? s.data.geo : r.geo,
          levels: verified ? s.data.levels : { ...s.data.levels, provincia: ready({ units: r.provincias, boundaries: r.geo.provincias }) },
          snapshot: check ? { status: verified ? 'verified' : 'mismatch', level, check } : { status: 'unused' },
        },
      }));
      this.react(this.store.getState());
    } catch (err) {
      if (!c.signal.aborted) {
        const e = toDataError(err);
        setEngine(failed(e.key === 'timeout' ? e : new DataError(e.key, { ...e.params, step })));
        c.abort(); // a late engine is closed, not used
      }
    } finally {
      this.controllers.delete(c);
      this.starting = false;
    }
  }

  /**
   * The engine's units of the level drawn first from the snapshot: equal, the snapshot's stay (no
   * second ranking); different, the engine's replace them and the screen names the first difference.
   */
  private verifySnapshot(used: IndicatorSnapshot, units: Units, inputsSha256: string) {
    const check = snapshotCheck(used, units, inputsSha256);
    const verified = check.differences === 0;
    const level = units.level;
    this.commit((s) => {
      const shown = valueOf(s.data.levels[level]);
      // a level reloaded meanwhile (other definitions) is not the snapshot's any more: left as it is
      const replace = !verified && shown?.units === used.units;
      return {
        data: {
          ...s.data,
          levels: replace ? { ...s.data.levels, [level]: ready({ ...shown, units }) } : s.data.levels,
          snapshot: { status: verified ? 'verified' : 'mismatch', level, check },
        },
      };
    });
  }

  /** Starts a dataset's load if it is idle; its result (or typed error) is committed unless cancelled. */
  private load<T>(key: DatasetKey, run: (source: DataSource, signal: AbortSignal) => Promise<T>) {
    const source = this.source;
    if (!source || stateOf(this.store.getState().data, key).status !== 'idle') return;
    const c = this.controller();
    this.setData(key, loading());
    const p = withTimeout(run(source, c.signal), this.timeouts.load, stageOf(key))
      .then((value) => !c.signal.aborted && this.setData(key, ready(value)))
      .catch((err) => !c.signal.aborted && this.setData(key, failed(toDataError(err))))
      .finally(() => {
        this.controllers.delete(c);
        this.inflight.delete(p);
      });
    this.inflight.add(p);
  }

  /** What the state needs now, loaded if not yet asked for. */
  private react(s: AppState) {
    // a failed start-up the user asked to retry
    if (s.data.engine.status === 'idle' && !this.starting && !this.disposed) {
      void this.startEngine();
      return;
    }
    const engine = valueOf(s.data.engine);
    if (!engine || !this.source || this.disposed) return;
    for (const level of levelsNeeded(s)) {
      this.load(`level:${level}`, (src, signal) => this.deps.loadLevel(src, level, signal, this.store.getState().scenario.definitions));
    }
    this.syncDefinitions(s);
    if (s.scenario.layers.facilities.visible) this.load('facilities', (src, signal) => this.deps.loadFacilities(src, signal));
    this.load('conflicts', (src, signal) => this.deps.loadConflicts(src, engine.catalog, signal));
    if (accessNeeded(s)) this.load('access', (src, signal) => this.deps.loadAccess(src, engine.catalog, signal));
    if (s.view.searchWanted) this.load('searchIndex', (src, signal) => this.deps.loadSearchIndex(src, signal));
    if (userDataNeeded(s)) this.load('register', (src) => loadRegister(src));
    // issue 19: the periods of the scenario's level, for «Tendencias» and the projected population
    const units = baseUnitsOf(s, s.scenario.level);
    if ((s.view.trendsWanted || projectionNeeded(s.scenario)) && units) this.load(`series:${s.scenario.level}`, (src) => loadSeries(src, units.level, units.ids));
    this.syncUserFiles(s);
    this.syncStaging(s);
    this.syncConflictFiles(s);
    this.syncConsulta(s);
    this.syncConsultaIndicators(s);
    const access = valueOf(s.data.access);
    if (access) this.syncAccess(s, access);
    this.syncStability(s);
  }

  private setStability(patch: Partial<StabilityState>) {
    this.commit((st) => (st.derived.stability ? { derived: { ...st.derived, stability: { ...st.derived.stability, ...patch } } } : {}));
  }

  /**
   * Issue 14: keeps the rank-stability analysis in step with the ranking, in its worker. A change
   * of the ranking or of the settings marks the result stale at once (it stays on screen) and
   * starts a run once changes have settled for STABILITY_SETTLE_MS; a newer change cancels the
   * run in progress rather than queueing behind it.
   */
  private syncStability(s: AppState) {
    if (!this.deps.startStability) return;
    const key = stabilityKey(s);
    const current = s.derived.stability;
    if (key === null || current?.key === key) return;
    if (this.stabilityTimer) clearTimeout(this.stabilityTimer);
    this.stabilityCancel?.();
    this.stabilityCancel = null;
    this.commit((st) => ({
      derived: {
        ...st.derived,
        stability: {
          key,
          status: 'waiting',
          progress: 0,
          phase: null,
          result: st.derived.stability?.result ?? null,
          sobol: st.derived.stability?.sobol ?? null,
          fresh: false,
          error: null,
        },
      },
    }));
    this.stabilityTimer = setTimeout(() => {
      this.stabilityTimer = null;
      void this.startStability(key).catch((err: unknown) => {
        if (this.store.getState().derived.stability?.key === key) this.setStability({ status: 'error', error: toDataError(err).message });
      });
    }, STABILITY_SETTLE_MS);
  }

  private async startStability(key: string) {
    const s0 = this.store.getState();
    const ranking = s0.derived.ranking;
    if (!ranking || this.disposed) return;
    const { scenario } = s0;
    const level = ranking.units.level;
    // the units under each alternative definition the settings vary (SQL, cached per definitions)
    const factors = definitionFactorsOf(scenario.stability);
    const variants: (Units | undefined)[] = [];
    for (let mask = 1; mask < 1 << factors.length; mask++) {
      variants[mask] = await this.unitsUnder(level, variantDefinitions(scenario.definitions, factors, mask));
    }
    const s = this.store.getState();
    if (s.derived.stability?.key !== key || !s.derived.ranking || this.disposed) return;
    const { units } = s.derived.ranking;
    const model = stabilityModelOf(units, s.derived.ranking.ranking, s.scenario, variants);
    this.stability ??= this.deps.startStability!();
    const ids = Array.from(model.scope, (i) => units.ids[i]);
    const ranked = s.derived.ranking.ranking.order.length;
    // the draws are the first half of the progress bar when a Sobol run follows
    const drawsShare = factorsOf(model, s.scenario.stability).length >= 2 ? 0.5 : 1;
    this.setStability({ status: 'running', progress: 0, phase: 'draws' });
    this.stabilityCancel = this.stability.run(
      { model, settings: s.scenario.stability, topN: s.scenario.topN, sobol: true },
      (reply: StabilityReply) => {
        if (this.store.getState().derived.stability?.key !== key) return;
        switch (reply.type) {
          case 'progress': {
            const share = reply.done / reply.total;
            this.setStability({ phase: reply.phase, progress: reply.phase === 'draws' ? share * drawsShare : drawsShare + share * (1 - drawsShare) });
            break;
          }
          case 'uncertainty':
            this.setStability({
              fresh: true,
              sobol: null,
              result: {
                key,
                ids,
                position: new Map(ids.map((id, p) => [id, p])),
                summary: reply.summary,
                baseRanks: reply.baseRanks,
                factors: reply.factors,
                ranked,
                seed: s.scenario.stability.seed,
                ms: reply.ms,
              },
            });
            break;
          case 'sobol':
            this.setStability({ sobol: { indices: reply.indices, factors: reply.factors, ms: reply.ms } });
            break;
          case 'done':
            this.setStability({ status: 'ready', progress: 1, phase: null });
            this.stabilityCancel = null;
            break;
          case 'error':
            this.setStability({ status: 'error', error: reply.message });
            this.stabilityCancel = null;
        }
      },
    );
  }

  /** A level's SQL units under other definitions, loaded once per definitions while the base ones stay. */
  private unitsUnder(level: Level, definitions: IndicatorDefinitions): Promise<Units> {
    const key = `${level}|${unitsKey(definitions)}`;
    let p = this.variantUnits.get(key);
    if (!p) {
      const source = this.source;
      if (!source) return Promise.reject(new DataError('timeout', { what: 'engine', seconds: 0 }));
      const c = this.controller();
      p = withTimeout(this.deps.loadUnits(source, level, definitions, c.signal), this.timeouts.load, stageOf(`level:${level}`));
      p.catch(() => this.variantUnits.delete(key)).finally(() => this.controllers.delete(c));
      if (this.variantUnits.size > 16) this.variantUnits.clear();
      this.variantUnits.set(key, p);
      this.inflight.add(p);
      void p.finally(() => this.inflight.delete(p!)).catch(() => undefined);
    }
    return p;
  }

  /**
   * Issue 12: the definitions (universe, ratio, zeros, dates, year) change the SQL. A loaded
   * level whose units were computed with other definitions gets its units reloaded (the old ones
   * stay on screen meanwhile) and committed in one update; derive then ranks once. A newer change
   * cancels the reload in progress.
   */
  private syncDefinitions(s: AppState) {
    const definitions = s.scenario.definitions;
    const key = unitsKey(definitions);
    for (const level of LEVELS) {
      const loaded = valueOf(s.data.levels[level]);
      const running = this.unitsReload.get(level);
      if (!loaded || loaded.units.definitionsKey === key) {
        if (running) {
          running.controller.abort();
          this.unitsReload.delete(level);
        }
        continue;
      }
      if (running?.key === key) continue;
      running?.controller.abort();
      const source = this.source!;
      const c = this.controller();
      this.unitsReload.set(level, { key, controller: c });
      const p = this.deps
        .loadUnits(source, level, definitions, c.signal)
        .then((units) => {
          if (c.signal.aborted) return;
          this.unitsReload.delete(level);
          this.commit((st) => {
            const current = valueOf(st.data.levels[level]);
            if (!current) return {};
            return { data: withState(st.data, `level:${level}`, ready({ ...current, units })) };
          });
        })
        .catch((err) => {
          if (c.signal.aborted) return;
          this.unitsReload.delete(level);
          this.setData(`level:${level}`, failed(toDataError(err)));
        })
        .finally(() => {
          this.controllers.delete(c);
          this.inflight.delete(p);
        });
      this.inflight.add(p);
    }
  }

  /**
   * Reads and joins each user file the scenario references and the state does not hold yet (a
   * saved scenario opened after a reload): from the local file store, once the districts (and,
   * for IPRESS keys, the register) are loaded. A file no longer in this browser is a typed error.
   */
  private syncUserFiles(s: AppState) {
    const ctx = joinContextOf(s);
    const load = this.deps.loadUserFile;
    if (!ctx || !load) return;
    for (const ref of s.scenario.userData.files) {
      if (s.data.userFiles[ref.sha256] || (ref.key.kind === 'ipress' && !ctx.register)) continue;
      const c = this.controller();
      const put = (st: LoadState<UserFileSummary>) => this.commit((x) => ({ data: { ...x.data, userFiles: { ...x.data.userFiles, [ref.sha256]: st } } }));
      put(loading());
      const p = load(ref, ctx, c.signal)
        .then((summary) => !c.signal.aborted && put(ready(summary)))
        .catch((err) => !c.signal.aborted && put(failed(toDataError(err))))
        .finally(() => {
          this.controllers.delete(c);
          this.inflight.delete(p);
        });
      this.inflight.add(p);
    }
  }

  /**
   * The join of the file staged in «Datos propios» (its report, before the file joins the
   * scenario), once the districts (and, for IPRESS keys, the register) are loaded. Committed only
   * while the staging still asks for it: another key or file makes the answer stale.
   */
  private syncStaging(s: AppState) {
    const st = s.data.staging;
    const ctx = joinContextOf(s);
    const join = this.deps.joinStaged;
    if (!st || st.join.status !== 'idle' || !ctx || !join || (st.key.kind === 'ipress' && !ctx.register)) return;
    const put = (state: StagedJoin['join']) =>
      this.commit((x) => (x.data.staging?.handle === st.handle && x.data.staging.key === st.key ? { data: { ...x.data, staging: { ...x.data.staging, join: state } } } : {}));
    put(loading());
    const p = join(st.handle, st.key, ctx)
      .then((r) => put(ready(r)))
      .catch((err) => put(failed(toDataError(err))))
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  /**
   * «Consultas» (issue 18): runs the analyst's SQL asked for by `runConsulta` (one at a time: a
   * newer run cancels the older), cancels it when asked, and lists the tables when the view is
   * open (again after each run, which may have created some in `usuario`).
   */
  private syncConsulta(s: AppState) {
    const source = this.source!;
    if (s.view.consultasWanted && s.data.consultSchema.status === 'idle') {
      this.commit((x) => ({ data: { ...x.data, consultSchema: loading() } }));
      const p = consultSchema(source)
        .then((tables) => this.commit((x) => ({ data: { ...x.data, consultSchema: ready(tables) } })))
        .catch((err) => this.commit((x) => ({ data: { ...x.data, consultSchema: failed(toDataError(err)) } })))
        .finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }
    const c = s.data.consulta;
    if (!c) return;
    if (c.cancelled && this.consultRun?.run === c.run) this.consultRun.controller.abort();
    if (c.result.status !== 'idle' || this.consultRun?.run === c.run) return;
    if (c.cancelled) {
      this.commit((x) => (x.data.consulta?.run === c.run ? { data: { ...x.data, consulta: { ...c, result: failed(new DataError('consultCancelled')) } } } : {}));
      return;
    }
    this.consultRun?.controller.abort();
    const controller = new AbortController();
    this.consultRun = { run: c.run, controller };
    const put = (result: ConsultRun['result']) =>
      this.commit((x) => (x.data.consulta?.run === c.run ? { data: { ...x.data, consulta: { ...x.data.consulta, result } } } : {}));
    put(loading());
    const p = runConsult(source, c.sql, controller.signal)
      .then((r) => {
        put(ready(r));
        // a mapped column of the query follows the new result (its indicator's values change)
        const now = this.store.getState();
        if (now.scenario.consulta.mapped === c.sql && now.scenario.userData.indicators.some((u) => u.file === CONSULTA_FILE)) this.putConsultaSummary(r);
      })
      .catch((err: unknown) =>
        put(failed(err instanceof SqlGuardError ? new DataError('consultRefused', { reason: err.problem.key, ...('params' in err.problem ? err.problem.params : {}) }) : toDataError(err))),
      )
      .finally(() => {
        if (this.consultRun?.run === c.run) this.consultRun = null;
        this.inflight.delete(p);
        // tables the run created or dropped in `usuario`
        this.commit((x) => (x.view.consultasWanted && x.data.consultSchema.status !== 'loading' ? { data: { ...x.data, consultSchema: IDLE } } : {}));
      });
    this.inflight.add(p);
  }

  /** The query's rows joined as the source of the indicators made from it (an error when nothing in them names a place). */
  private putConsultaSummary(rows: ConsultResult) {
    this.commit((x) => {
      const ctx = joinContextOf(x);
      if (!ctx) return {};
      const summary = consultaSummary(rows, ctx);
      return { data: { ...x.data, userFiles: { ...x.data.userFiles, [CONSULTA_FILE]: summary ? ready(summary) : failed(new DataError('consultNotMappable')) } } };
    });
  }

  /**
   * A scenario with indicators from its query (reopened, or shared): the query is run again once
   * the districts are there to join its rows to.
   */
  private syncConsultaIndicators(s: AppState) {
    if (!s.scenario.userData.indicators.some((u) => u.file === CONSULTA_FILE) || s.data.userFiles[CONSULTA_FILE] || !joinContextOf(s)) return;
    const c = this.controller();
    this.commit((x) => ({ data: { ...x.data, userFiles: { ...x.data.userFiles, [CONSULTA_FILE]: loading() } } }));
    const p = runConsult(this.source!, s.scenario.consulta.mapped, c.signal)
      .then((r) => !c.signal.aborted && this.putConsultaSummary(r))
      .catch((err) => !c.signal.aborted && this.commit((x) => ({ data: { ...x.data, userFiles: { ...x.data.userFiles, [CONSULTA_FILE]: failed(toDataError(err)) } } })))
      .finally(() => {
        this.controllers.delete(c);
        this.inflight.delete(p);
      });
    this.inflight.add(p);
  }

  /**
   * Reads again each conflict file the scenario references and the state does not hold (a
   * scenario reopened after a reload): from the local file store, placed in the user-file worker
   * once the districts are loaded. A file no longer in this browser is kept as a typed error.
   */
  private syncConflictFiles(s: AppState) {
    const load = this.deps.loadConflictFile;
    const districts = valueOf(s.data.levels.distrito)?.boundaries;
    const provinces = s.data.geo?.provincias;
    if (!load || !districts || !provinces) return;
    for (const ref of s.scenario.userData.conflictFiles) {
      if (this.conflictFilesAsked.has(ref.sha256) || s.data.userConflicts.some((u) => u.sha256 === ref.sha256)) continue;
      this.conflictFilesAsked.add(ref.sha256);
      const c = this.controller();
      const put = (events: ConflictEvent[], error?: DataError) =>
        this.commit((x) => ({
          data: { ...x.data, userConflicts: [...x.data.userConflicts.filter((u) => u.sha256 !== ref.sha256), { sha256: ref.sha256, fileName: ref.name, events, rejected: ref.rejected, error }] },
        }));
      const p = load(ref, gazetteerPlaces(districts, provinces), c.signal)
        .then((events) => !c.signal.aborted && put(events))
        .catch((err) => !c.signal.aborted && put([], toDataError(err)))
        .finally(() => {
          this.controllers.delete(c);
          this.inflight.delete(p);
          this.conflictFilesAsked.delete(ref.sha256);
        });
      this.inflight.add(p);
    }
  }

  /**
   * Keeps the access results in step with the scenario, in the worker: the nearest facility of
   * every place when the category changes, then the per-unit summary of every loaded level,
   * committed in one update. A newer threshold or category cancels the run in progress.
   */
  private syncAccess(s: AppState, access: AccessData) {
    if (!this.accessWatched.has(access)) {
      // a dead access worker replaced: said like the engine's (the data were given to the new one)
      this.accessWatched.add(access);
      access.client.onRestart(() => this.commit((st) => ({ data: { ...st.data, restarts: { ...st.data.restarts, access: st.data.restarts.access + 1 } } })));
    }
    const { category, thresholdKm } = s.scenario.layers.places;
    // the nearest facility is one of the scenario's universe (issue 12), as for the SQL indicators
    const universe = universeKey(s.scenario.definitions.universe);
    if (universe !== (this.accessUniverse.get(access) ?? WHOLE_REGISTER)) {
      this.accessUniverse.set(access, universe);
      void access.client.setUniverse(universeMask(access.facilities.institution, access.facilities.group, s.scenario.definitions.universe));
    }
    const nearestKey = `${category}|${universe}`;
    if (nearestKey !== this.nearestKey) {
      this.nearestKey = nearestKey;
      void access.client.compute(category).then((n) => {
        if (n && nearestKey === this.nearestKey) this.commit((st) => ({ derived: { ...st.derived, accessNearest: n } }));
      });
    }
    const levels = LEVELS.filter((l) => baseUnitsOf(s, l));
    const key = `${nearestKey}:${thresholdKm}:${levels.join()}`;
    if (key === this.aggregateKey) return;
    this.aggregateKey = key;
    this.accessRun?.abort();
    const run = new AbortController();
    this.accessRun = run;
    void (async () => {
      const started = performance.now();
      let workerMs = 0;
      const groups: Partial<Record<Level, DerivedColumns>> = {};
      for (const level of levels) {
        const a = await access.client.aggregate({ category, thresholdKm, level });
        if (!a || run.signal.aborted) return; // a newer threshold or category is on its way
        workerMs += a.ms;
        const units = baseUnitsOf(this.store.getState(), level)!;
        groups[level] = accessColumns(a, level === 'provincia' ? access.provinceIds : access.districtIds, units.ids);
      }
      this.commit((st) => {
        const columns = { ...st.derived.columns };
        for (const [level, g] of Object.entries(groups) as [Level, DerivedColumns][]) columns[level] = { ...columns[level], access: g };
        return { derived: { ...st.derived, columns, accessTiming: { roundTripMs: performance.now() - started, workerMs } } };
      });
    })().catch((err) => {
      if (!run.signal.aborted) this.commit((st) => ({ data: { ...st.data, access: failed(toDataError(err)) } }));
    });
  }
}
