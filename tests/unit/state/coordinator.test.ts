import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Coordinator, type CoordinatorDeps } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { rankScenario } from '../../../src/state/ranking';
import { DataError } from '../../../src/data/errors';
import { nodeDeps } from '../../support/nodeDeps';
import { withBuiltData, until } from '../../support/builtData';
import { NodeDataSource } from '../../support/nodeDataSource';

// The coordinator against native DuckDB over the pipeline's real output, without React.
const dataDir = withBuiltData();


/** Counts of a query on a fresh native connection: the reference the coordinator's results are checked against. */
async function count(sql: string): Promise<number> {
  const db = await NodeDataSource.open(dataDir());
  try {
    return Number((await db.query(sql)).getChild('n')!.get(0));
  } finally {
    await db.close();
  }
}

describe('coordinator', () => {
  it('starts the engine step by step, ranks the provinces and loads the conflicts without being asked', async () => {
    const store = createAppStore();
    const steps: string[] = [];
    store.subscribe((s) => {
      const e = s.data.engine;
      if (e.status === 'loading' && e.step && steps.at(-1) !== e.step) steps.push(e.step);
    });
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    expect(steps).toEqual(['catalog', 'engine', 'tables', 'indicators']);
    const s = store.getState();
    expect(s.data.engine.status).toBe('ready');
    expect(s.derived.ranking!.units.ids).toHaveLength(await count('SELECT count(*) AS n FROM read_parquet(\'' + path.join(dataDir(), 'provincias.parquet') + "')"));
    const done = await until(store, (st) => st.data.conflicts.status === 'ready');
    expect(done.derived.conflictEvents).toHaveLength(await count(`SELECT count(*) AS n FROM read_parquet('${path.join(dataDir(), 'conflictos.parquet')}')`));
    await c.dispose();
  }, 120_000);

  it('loads the districts when the level changes and the facilities when their layer is shown', async () => {
    const store = createAppStore();
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    expect(store.getState().data.levels.distrito.status).toBe('idle');
    store.getState().setLevel('distrito');
    expect(store.getState().data.levels.distrito.status).toBe('loading');
    const s = await until(store, (st) => st.derived.ranking?.units.level === 'distrito');
    expect(s.derived.ranking!.units.ids).toHaveLength(await count(`SELECT count(*) AS n FROM read_parquet('${path.join(dataDir(), 'distritos.parquet')}')`));
    expect(s.data.facilities.status).toBe('idle');
    store.getState().setLayer('facilities', { visible: true });
    const f = await until(store, (st) => st.data.facilities.status === 'ready');
    expect(f.derived.facilitiesShown.visible.length).toBe(
      await count(`SELECT count(*) AS n FROM read_parquet('${path.join(dataDir(), 'establecimientos.parquet')}') WHERE lon IS NOT NULL AND lat IS NOT NULL`),
    );
    await c.dispose();
  }, 120_000);

  it('cancels: a load still running when the coordinator is disposed never reaches the store', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let ran = false;
    const slow: CoordinatorDeps = {
      ...deps,
      loadFacilities: async (source, signal) => {
        await gate;
        ran = true;
        return deps.loadFacilities(source, signal);
      },
    };
    const c = new Coordinator(store, slow);
    await c.start();
    store.getState().setLayer('facilities', { visible: true });
    expect(store.getState().data.facilities.status).toBe('loading');
    // dispose waits for the load to settle before closing the engine, then drops its result
    const disposed = c.dispose();
    release();
    await disposed;
    expect(ran).toBe(true);
    expect(store.getState().data.facilities.status).toBe('loading');
  }, 120_000);

  it('reports a failed load as a typed error in its LoadState, and loads again on retry', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    let fail = true;
    const flaky: CoordinatorDeps = {
      ...deps,
      loadLevel: (source, level, signal, definitions) =>
        fail && level === 'distrito' ? Promise.reject(new DataError('fetchFailed', { url: 'limites_distritos.topojson', status: 503 })) : deps.loadLevel(source, level, signal, definitions),
    };
    const c = new Coordinator(store, flaky);
    await c.start();
    store.getState().setLevel('distrito');
    const s = await until(store, (st) => st.data.levels.distrito.status === 'error');
    const st = s.data.levels.distrito;
    expect(st.status === 'error' && st.error.key).toBe('fetchFailed');
    expect(st.status === 'error' && st.error.params.status).toBe(503);
    // the province level and the app are untouched
    expect(s.data.levels.provincia.status).toBe('ready');
    fail = false;
    c.retry('level:distrito');
    await until(store, (x) => x.data.levels.distrito.status === 'ready');
    await c.dispose();
  }, 120_000);

  it('reports an engine that fails to start', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    const c = new Coordinator(store, { ...deps, openEngine: () => Promise.reject(new DataError('engineFailed', { detail: 'wasm' })) });
    await c.start();
    const e = store.getState().data.engine;
    expect(e.status === 'error' && e.error.key).toBe('engineFailed');
    await c.dispose();
  });

  it('a time-window change recomputes the conflict counts and ranks exactly once, with the new counts', async () => {
    let calls = 0;
    const store = createAppStore({ rank: (u, s) => (calls++, rankScenario(u, s)) });
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    await until(store, (st) => st.data.conflicts.status === 'ready');
    // the conflict rate counts in the score, so a wrong (stale) count would change the ranking
    store.getState().setWeight('conflictos_por_100k', 30);
    const before = store.getState().derived.ranking!;
    const activeBefore = Array.from(before.units.values.conflictos_activos).reduce((a, b) => a + b, 0);
    expect(activeBefore).toBeGreaterThan(0);
    calls = 0;
    // a window before any report: every count drops to 0
    store.getState().setTimeWindow({ from: '2000-01-01', to: '2000-01-31' });
    expect(calls).toBe(1);
    const after = store.getState().derived.ranking!;
    expect(Array.from(after.units.values.conflictos_activos).every((v) => v === 0)).toBe(true);
    expect(after.units).not.toBe(before.units);
    await c.dispose();
  }, 120_000);

  it('a load that never answers is reported as a timeout naming what hung, and a retry loads it', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    let hang = true;
    const hanging: CoordinatorDeps = {
      ...deps,
      loadFacilities: (source, signal) => (hang ? new Promise<never>(() => undefined) : deps.loadFacilities(source, signal)),
    };
    const c = new Coordinator(store, hanging, { load: 2_000 });
    await c.start();
    store.getState().setLayer('facilities', { visible: true });
    const s = await until(store, (st) => st.data.facilities.status === 'error');
    const f = s.data.facilities;
    expect(f.status === 'error' && f.error.key).toBe('timeout');
    expect(f.status === 'error' && f.error.params).toMatchObject({ what: 'facilities', seconds: 2 });
    hang = false;
    store.getState().retryLoad('facilities');
    await until(store, (st) => st.data.facilities.status === 'ready');
    await c.dispose();
  }, 120_000);

  it('an engine start that hangs is reported with the step it hung at, and «Reintentar» starts it again', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    let hang = true;
    const c = new Coordinator(
      store,
      {
        ...deps,
        openEngine: (onStep, onGeo, signal, defs) => {
          if (!hang) return deps.openEngine(onStep, onGeo, signal, defs);
          onStep('engine');
          return new Promise<never>(() => undefined); // the wasm never arrives
        },
      },
      // long enough for the real start of the retry on a loaded CI machine (single-threaded DuckDB)
      { engine: 5_000 },
    );
    await c.start();
    const e = store.getState().data.engine;
    expect(e.status === 'error' && e.error.key).toBe('timeout');
    expect(e.status === 'error' && e.error.params).toMatchObject({ what: 'engine', step: 'engine' });
    hang = false;
    store.getState().retryLoad('engine');
    const s = await until(store, (st) => st.data.engine.status === 'ready');
    expect(s.derived.ranking?.units.level).toBe('provincia');
    await c.dispose();
  }, 120_000);
});
