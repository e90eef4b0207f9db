import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Coordinator, type CoordinatorDeps } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { rankScenario } from '../../../src/state/ranking';
import { unitsKey } from '../../../src/domain/universe';
import { valueOf } from '../../../src/state/loadState';
import { nodeDeps } from '../../support/nodeDeps';
import { withBuiltData, until } from '../../support/builtData';
import { NodeDataSource } from '../../support/nodeDataSource';

// Issue 12: a change of the facility universe reruns the SQL of every loaded level (only its
// units), keeps the old units on screen meanwhile, and ranks once when the new ones arrive.
const dataDir = withBuiltData();


async function minsaCount(ubigeoProv: string): Promise<number> {
  const db = await NodeDataSource.open(dataDir());
  try {
    const t = await db.query(
      `SELECT count(*)::DOUBLE AS n FROM read_parquet('${path.join(dataDir(), 'establecimientos.parquet')}') WHERE ubigeo_prov = '${ubigeoProv}' AND institucion = 'MINSA'`,
    );
    return Number(t.getChild('n')!.get(0));
  } finally {
    await db.close();
  }
}

describe('coordinator and the facility universe', () => {
  it('starts with the scenario\'s definitions, reloads only the units of each loaded level when they change, and ranks once', async () => {
    let ranks = 0;
    const store = createAppStore({
      rank: (u, s) => {
        ranks += 1;
        return rankScenario(u, s);
      },
    });
    const deps = nodeDeps(dataDir());
    const calls: string[] = [];
    let release!: () => void;
    let gate: Promise<void> = Promise.resolve();
    const counting: CoordinatorDeps = {
      ...deps,
      loadLevel: (src, level, signal, d) => {
        calls.push(`level:${level}`);
        return deps.loadLevel(src, level, signal, d);
      },
      loadUnits: async (src, level, d, signal) => {
        calls.push(`units:${level}`);
        await gate;
        return deps.loadUnits(src, level, d, signal);
      },
    };
    const c = new Coordinator(store, counting);
    await c.start();
    const s0 = store.getState();
    const p0 = valueOf(s0.data.levels.provincia)!.units;
    // the start-up indicators were computed with the default scenario's definitions (GORE)
    expect(p0.definitionsKey).toBe(unitsKey(s0.scenario.definitions));
    const lima = p0.ids.indexOf('1501');
    expect(p0.facilityCounts!.universo[lima]).toBe(0);
    store.getState().setLevel('distrito');
    await until(store, (st) => st.data.levels.distrito.status === 'ready');
    store.getState().setLevel('provincia');
    // the conflicts arrive after start-up and rank again: wait for them, so only the reload counts
    await until(store, (st) => st.data.conflicts.status === 'ready');
    const boundaries = valueOf(store.getState().data.levels.distrito)!.boundaries;

    gate = new Promise<void>((r) => (release = r));
    ranks = 0;
    store.getState().setDefinitions({ universe: { ...s0.scenario.definitions.universe, institutions: ['minsa'] } });
    // the old units stay on screen while the new ones load
    expect(valueOf(store.getState().data.levels.provincia)!.units).toBe(p0);
    expect(store.getState().derived.ranking!.units.values).toBe(store.getState().derived.units.provincia!.values);
    expect(ranks).toBe(0);
    release();
    const s1 = await until(store, (st) => valueOf(st.data.levels.provincia)!.units.definitionsKey === unitsKey(st.scenario.definitions)
      && valueOf(st.data.levels.distrito)!.units.definitionsKey === unitsKey(st.scenario.definitions));
    const p1 = valueOf(s1.data.levels.provincia)!.units;
    expect(p1.facilityCounts!.universo[lima]).toBe(await minsaCount('1501'));
    // only the units were reloaded: no second level load, the boundaries are the same object
    expect(calls.filter((x) => x.startsWith('level:'))).toEqual(['level:distrito']);
    expect(calls.filter((x) => x.startsWith('units:')).sort()).toEqual(['units:distrito', 'units:provincia']);
    expect(valueOf(s1.data.levels.distrito)!.boundaries).toBe(boundaries);
    // the province ranking ran once, with the new units
    expect(ranks).toBe(1);
    expect(s1.derived.ranking!.units.values.personas_por_establecimiento[lima]).toBeGreaterThan(0);
    await c.dispose();
  }, 120_000);

  it('a newer change cancels the reload in progress: only the last definitions are committed', async () => {
    const store = createAppStore();
    const deps = nodeDeps(dataDir());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let first = true;
    const slowFirst: CoordinatorDeps = {
      ...deps,
      loadUnits: async (src, level, d, signal) => {
        if (first) {
          first = false;
          await gate;
        }
        return deps.loadUnits(src, level, d, signal);
      },
    };
    const c = new Coordinator(store, slowFirst);
    await c.start();
    const u = store.getState().scenario.definitions.universe;
    store.getState().setDefinitions({ universe: { ...u, institutions: ['minsa'] } });
    store.getState().setDefinitions({ universe: { ...u, institutions: ['essalud'] } });
    const s = await until(store, (st) => valueOf(st.data.levels.provincia)!.units.definitionsKey === unitsKey(st.scenario.definitions));
    release();
    await new Promise((r) => setTimeout(r, 200));
    const units = valueOf(store.getState().data.levels.provincia)!.units;
    expect(units.definitionsKey).toBe(unitsKey(s.scenario.definitions));
    expect(units.definitionsKey).toContain('essalud');
    await c.dispose();
  }, 120_000);
});
