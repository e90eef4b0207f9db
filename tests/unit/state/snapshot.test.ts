// Issue 16: the first map is ranked from the pipeline's snapshot of the province indicators,
// before the engine is ready; once ready, the engine's own numbers must be the same doubles.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Coordinator, type CoordinatorDeps } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { scenarioFromPreset } from '../../../src/state/scenario';
import { DEFAULT_PRESET_ID } from '../../../src/domain/presets';
import { parseSnapshot, serialiseSnapshot, snapshotDefinitions, snapshotFile, SNAPSHOT_FILES } from '../../../src/data/indicatorSnapshot';
import { unitsKey } from '../../../src/domain/universe';
import { loadUnits } from '../../../src/data/units';
import { NodeDataSource } from '../../support/nodeDataSource';
import { START_TABLES } from '../../../src/data/indicatorSnapshot';
import { PRESETS } from '../../../src/domain/presets';
import { awaitingEngine } from '../../../src/state/derive';
import { nodeDeps } from '../../support/nodeDeps';
import { withBuiltData, until } from '../../support/builtData';

const dataDir = withBuiltData();

/** nodeDeps whose engine opens only when `release` is called. */
function heldEngine(deps: CoordinatorDeps) {
  let release = () => undefined as void;
  const gate = new Promise<void>((r) => (release = r));
  const held: CoordinatorDeps = {
    ...deps,
    async openEngine(onStep, onGeo, signal, definitions) {
      // the boundaries arrive first, as in the browser; the engine after the gate
      return deps.openEngine(onStep, (geo) => onGeo(geo), signal, definitions).then(async (r) => (await gate, r));
    },
  };
  return { held, release: () => release() };
}

describe('the indicator snapshot', () => {
  it('reads back as the same doubles it was written from', () => {
    const key = unitsKey(scenarioFromPreset(DEFAULT_PRESET_ID).definitions);
    const snap = parseSnapshot(readFileSync(path.join(dataDir(), snapshotFile('provincia', key)), 'utf8'))!;
    expect(snap.units.ids.length).toBe(196);
    expect(snap.units.definitionsKey).toBe(key);
    const again = parseSnapshot(serialiseSnapshot(snap.units, snap.inputsSha256))!;
    for (const [id, v] of Object.entries(snap.units.values)) expect(Array.from(again.units.values[id]), id).toEqual(Array.from(v));
    expect(parseSnapshot('{"schemaVersion":2}')).toBeNull();
    expect(parseSnapshot('no es json')).toBeNull();
  });

  it('ranks the provinces before the engine is ready, and the engine then finds every value equal', async () => {
    const store = createAppStore();
    const { held, release } = heldEngine(nodeDeps(dataDir()));
    const c = new Coordinator(store, held);
    const started = c.start();
    const early = await until(store, (s) => s.derived.ranking !== null && s.derived.ranking !== undefined);
    expect(early.data.engine.status).toBe('loading');
    expect(early.data.snapshot.status).toBe('pending');
    const firstOrder = Array.from(early.derived.ranking!.ranking.order);
    const firstUnits = early.data.levels.provincia.status === 'ready' ? early.data.levels.provincia.value.units : null;
    expect(firstOrder.length).toBeGreaterThan(150);
    release();
    await started;
    const s = store.getState();
    expect(s.data.engine.status).toBe('ready');
    expect(s.data.snapshot.status).toBe('verified');
    const check = s.data.snapshot.status === 'verified' ? s.data.snapshot.check : null;
    expect(check!.differences).toBe(0);
    // every indicator and count of every province was compared
    expect(check!.compared).toBeGreaterThan(196 * 10);
    // the ranking the engine's numbers give is the one drawn first
    expect(Array.from(s.derived.ranking!.ranking.order)).toEqual(firstOrder);
    // verified: the units drawn first are kept, not replaced by equal numbers (which would rank again)
    expect(s.data.levels.provincia.status === 'ready' && s.data.levels.provincia.value.units).toBe(firstUnits);
    await c.dispose();
  }, 120_000);

  it('a snapshot that differs from the engine by one value is reported, naming the value', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    const doctored: CoordinatorDeps = {
      ...deps,
      async loadSnapshot(level, key, signal) {
        const snap = (await deps.loadSnapshot!(level, key, signal))!;
        const id = Object.keys(snap.units.values)[0];
        snap.units.values[id][5] += 1;
        return snap;
      },
    };
    const c = new Coordinator(store, doctored);
    await c.start();
    const s = store.getState();
    expect(s.data.snapshot.status).toBe('mismatch');
    const check = s.data.snapshot.status === 'mismatch' ? s.data.snapshot.check : null;
    expect(check!.differences).toBe(1);
    expect(check!.first!.ubigeo).toBe(s.data.levels.provincia.status === 'ready' ? s.data.levels.provincia.value.units.ids[5] : '');
    await c.dispose();
  }, 120_000);

  it('a scenario under other definitions does not use it', async () => {
    const scenario = scenarioFromPreset(DEFAULT_PRESET_ID);
    const store = createAppStore({ scenario: { ...scenario, definitions: { ...scenario.definitions, referenceYear: scenario.definitions.referenceYear - 1 } } });
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    expect(store.getState().data.snapshot.status).toBe('unused');
    await c.dispose();
  }, 120_000);

  /** nodeDeps whose engine opens only once the coordinator's gate lets it; `opened` says when. */
  function gatedEngine(deps: CoordinatorDeps) {
    const opened: number[] = [];
    const gated: CoordinatorDeps = {
      ...deps,
      async openEngine(onStep, onGeo, signal, definitions, gate) {
        const geoFirst = deps.openEngine(onStep, onGeo, signal, definitions);
        await gate;
        opened.push(performance.now());
        return geoFirst;
      },
    };
    return { gated, opened };
  }

  it('the engine starts once the first ranked map is drawn, not during it', async () => {
    const store = createAppStore();
    const { gated, opened } = gatedEngine(nodeDeps(dataDir()));
    const c = new Coordinator(store, gated, { engineDefer: 60_000 });
    const started = c.start();
    await until(store, (s) => s.derived.ranking !== null);
    await new Promise((r) => setTimeout(r, 300));
    expect(opened).toEqual([]);
    store.getState().setFirstMapDrawn();
    await started;
    expect(opened).toHaveLength(1);
    expect(store.getState().data.engine.status).toBe('ready');
    await c.dispose();
  }, 120_000);

  it('a map that never draws holds the engine back no longer than the limit', async () => {
    const store = createAppStore();
    const { gated, opened } = gatedEngine(nodeDeps(dataDir()));
    const t0 = performance.now();
    const c = new Coordinator(store, gated, { engineDefer: 400 });
    await c.start();
    expect(opened[0] - t0).toBeGreaterThanOrEqual(390);
    expect(store.getState().data.engine.status).toBe('ready');
    await c.dispose();
  }, 120_000);

  it('one snapshot per level and preset definitions, each holding what native DuckDB computes now', async () => {
    // the presets' definitions: 2 distinct ones (regional government's facilities, all) × 2 levels
    expect(snapshotDefinitions().length).toBe(new Set(PRESETS.map((p) => unitsKey(scenarioFromPreset(p.id).definitions))).size);
    expect(SNAPSHOT_FILES.length).toBe(snapshotDefinitions().length * 2);
    const source = await NodeDataSource.open(dataDir(), { threads: 1 });
    try {
      for (const t of START_TABLES) await source.loadParquet(t, path.join(dataDir(), `${t}.parquet`));
      for (const d of snapshotDefinitions()) {
        for (const level of ['provincia', 'distrito'] as const) {
          const snap = parseSnapshot(readFileSync(path.join(dataDir(), snapshotFile(level, unitsKey(d))), 'utf8'))!;
          expect(snap.units.level).toBe(level);
          const engine = await loadUnits(source, level, d);
          expect(snap.units.ids).toEqual(engine.ids);
          for (const [id, v] of Object.entries(engine.values)) expect(Array.from(snap.units.values[id]), `${level} ${id}`).toEqual(Array.from(v));
        }
      }
    } finally {
      await source.close();
    }
  }, 120_000);

  it('a scenario at district level ranks the districts from their snapshot before the engine, which then agrees', async () => {
    const scenario = scenarioFromPreset('vulnerabilidad_social');
    const store = createAppStore({ scenario: { ...scenario, level: 'distrito' } });
    const { held, release } = heldEngine(nodeDeps(dataDir()));
    const c = new Coordinator(store, held);
    const started = c.start();
    const early = await until(store, (s) => s.derived.ranking != null);
    expect(early.data.engine.status).toBe('loading');
    expect(early.data.snapshot).toEqual({ status: 'pending', level: 'distrito' });
    expect(early.derived.ranking!.units.level).toBe('distrito');
    const firstOrder = Array.from(early.derived.ranking!.ranking.order);
    expect(firstOrder.length).toBeGreaterThan(1500);
    release();
    await started;
    const s = await until(store, (st) => st.data.snapshot.status !== 'pending');
    expect(s.data.snapshot.status).toBe('verified');
    expect(s.data.snapshot.status === 'verified' && s.data.snapshot.check.compared).toBeGreaterThan(1800 * 4);
    expect(Array.from(s.derived.ranking!.ranking.order)).toEqual(firstOrder);
    await c.dispose();
  }, 120_000);

  it('a district check that fails is the level error, with the engine still ready', async () => {
    const scenario = scenarioFromPreset('vulnerabilidad_social');
    const store = createAppStore({ scenario: { ...scenario, level: 'distrito' } });
    const deps = nodeDeps(dataDir());
    const c = new Coordinator(store, { ...deps, loadUnits: () => Promise.reject(new Error('sin memoria')) });
    await c.start();
    const s = await until(store, (st) => st.data.snapshot.status !== 'pending');
    expect(s.data.engine.status).toBe('ready');
    expect(s.data.levels.distrito.status).toBe('error');
    expect(s.data.snapshot.status).toBe('unused');
    await c.dispose();
  }, 120_000);

  it('a scenario that weighs an indicator only the engine computes does not rank from the snapshot', async () => {
    // «Brecha de acceso» weighs the access indicators (the access worker reads the engine's tables)
    const store = createAppStore({ scenario: scenarioFromPreset('brecha_acceso') });
    const { gated, opened } = gatedEngine(nodeDeps(dataDir()));
    const t0 = performance.now();
    const c = new Coordinator(store, gated, { engineDefer: 60_000 });
    await c.start();
    expect(opened[0] - t0).toBeLessThan(10_000);
    expect(store.getState().data.snapshot.status).toBe('unused');
    await c.dispose();
  }, 120_000);

  it('a weight moved onto an engine-only indicator before the engine holds the ranking back until the engine is ready', async () => {
    const store = createAppStore();
    const { held, release } = heldEngine(nodeDeps(dataDir()));
    const c = new Coordinator(store, held);
    const started = c.start();
    await until(store, (s) => s.derived.ranking != null);
    store.getState().setWeight('conflictos_por_100k', 30);
    expect(awaitingEngine(store.getState())).toEqual(['conflictos_por_100k']);
    // ranked without the conflicts, the order would be wrong: no ranking until they can be counted
    expect(store.getState().derived.ranking).toBeNull();
    release();
    await started;
    expect(awaitingEngine(store.getState())).toEqual([]);
    expect(store.getState().derived.ranking).not.toBeNull();
    await c.dispose();
  }, 120_000);

  it('without a snapshot to draw, the engine starts at once', async () => {
    const scenario = scenarioFromPreset(DEFAULT_PRESET_ID);
    const store = createAppStore({ scenario: { ...scenario, definitions: { ...scenario.definitions, referenceYear: scenario.definitions.referenceYear - 1 } } });
    const { gated, opened } = gatedEngine(nodeDeps(dataDir()));
    const c = new Coordinator(store, gated, { engineDefer: 60_000 });
    await c.start();
    expect(opened).toHaveLength(1);
    expect(store.getState().data.engine.status).toBe('ready');
    await c.dispose();
  }, 120_000);
});
