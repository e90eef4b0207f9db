import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { ready } from '../../../src/state/loadState';
import { defaultScenario } from '../../../src/state/scenario';
import type { Units } from '../../../src/data/units';
import type { Boundaries } from '../../../src/data/boundaries';
import type { Facilities } from '../../../src/data/facilities';
import { COALESCE_MS } from '../../../src/state/history';
import { rankScenario } from '../../../src/state/ranking';

/** Three provinces in two departments, with two of the default preset's indicators. */
function fakeUnits(): Units {
  return {
    level: 'provincia',
    ids: ['0101', '0102', '0201'],
    names: ['A', 'B', 'C'],
    departamentos: ['Uno', 'Uno', 'Dos'],
    ubigeoDep: ['01', '01', '02'],
    ubigeoProv: ['0101', '0102', '0201'],
    provincias: ['A', 'B', 'C'],
    values: {
      poblacion_2017: Float64Array.from([1000, 2000, 3000]),
      antiguedad_mediana: Float64Array.from([40, 10, 25]),
      pct_antiguos: Float64Array.from([90, 20, 50]),
      personas_por_establecimiento: Float64Array.from([500, 900, 700]),
      emergencias_por_establecimiento: Float64Array.from([30, 10, 20]),
      pobreza_pct: Float64Array.from([10, 50, 30]),
      ruralidad_pct: Float64Array.from([60, 20, 40]),
    },
    sql: {},
  };
}
const noBoundaries = { type: 'FeatureCollection', features: [] } as unknown as Boundaries;

function storeWithUnits(clock = { t: 0 }) {
  const store = createAppStore({ now: () => clock.t, scenario: defaultScenario() });
  store.getState().commit((s) => ({ data: { ...s.data, levels: { ...s.data.levels, provincia: ready({ units: fakeUnits(), boundaries: noBoundaries }) } } }));
  return { store, clock };
}

describe('store: ranking derived in state', () => {
  it('ranks as soon as the level is loaded, with the browser-computed conflict columns (missing before any event)', () => {
    const { store } = storeWithUnits();
    const r = store.getState().derived.ranking!;
    expect(r.units.ids).toEqual(['0101', '0102', '0201']);
    expect(Array.from(r.units.values.conflictos_activos).every(Number.isNaN)).toBe(true);
    expect(r.ranking.order.length).toBe(3);
  });

  it('ranks once per scenario change and never for a layer or view change', () => {
    let calls = 0;
    const store = createAppStore({ rank: (u, s) => (calls++, rankScenario(u, s)) });
    store.getState().commit((s) => ({ data: { ...s.data, levels: { ...s.data.levels, provincia: ready({ units: fakeUnits(), boundaries: noBoundaries }) } } }));
    expect(calls).toBe(1);
    const id = store.getState().scenario.indicators.find((i) => i.enabled)!.id;
    store.getState().setWeight(id, 77);
    expect(calls).toBe(2);
    store.getState().setLayer('choropleth', { opacity: 0.5 });
    store.getState().select('0101');
    store.getState().setDataPanelOpen(true);
    expect(calls).toBe(2);
    // a change that changes nothing is neither ranked nor recorded
    const steps = store.getState().history.past.length;
    store.getState().setWeight(id, 77);
    expect(calls).toBe(2);
    expect(store.getState().history.past.length).toBe(steps);
  });
});

describe('store: undo and redo', () => {
  it('undoes three changes one by one and redoes them, the ranking following each time', () => {
    const { store, clock } = storeWithUnits();
    const s = () => store.getState();
    const scoreOf = () => Array.from(s().derived.ranking!.ranking.score).join();
    const before = scoreOf();
    clock.t = 0;
    s().setScope({ departamento: '01', provincia: null });
    clock.t = 5000;
    s().setAggregation('geometric');
    clock.t = 10000;
    s().setTopN(2);
    expect(s().history.past).toHaveLength(3);
    const after = scoreOf();
    s().undo();
    expect(s().scenario.topN).not.toBe(2);
    s().undo();
    expect(s().scenario.aggregation).toBe('arithmetic');
    s().undo();
    expect(s().scenario.scope.departamento).toBeNull();
    expect(scoreOf()).toBe(before);
    s().undo(); // nothing left: no change
    expect(s().history.past).toHaveLength(0);
    s().redo();
    s().redo();
    s().redo();
    expect(s().scenario.topN).toBe(2);
    expect(scoreOf()).toBe(after);
  });

  it('coalesces a slider drag into one step', () => {
    const { store, clock } = storeWithUnits();
    const id = store.getState().scenario.indicators.find((i) => i.enabled)!.id;
    const start = store.getState().scenario.indicators.find((i) => i.id === id)!.weight;
    for (let w = 1; w <= 40; w++) {
      clock.t = w * 16;
      store.getState().setWeight(id, start + w);
    }
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().scenario.indicators.find((i) => i.id === id)!.weight).toBe(start);
    // after a pause, the same slider starts a new step
    clock.t += COALESCE_MS * 5;
    store.getState().setWeight(id, 3);
    clock.t += COALESCE_MS * 5;
    store.getState().setWeight(id, 4);
    expect(store.getState().history.past).toHaveLength(2);
  });

  it('keeps at least 100 steps', () => {
    const { store, clock } = storeWithUnits();
    for (let i = 1; i <= 120; i++) {
      clock.t += COALESCE_MS * 2;
      store.getState().setTopN(i);
    }
    for (let i = 0; i < 120; i++) store.getState().undo();
    expect(store.getState().scenario.topN).toBe(defaultScenario().topN);
  });

  it('opening another scenario clears the history and every selection (a facility card too)', () => {
    const { store } = storeWithUnits();
    store.getState().setTopN(3);
    store.getState().commit((s) => ({ data: { ...s.data, facilities: ready({ codigo: Int32Array.from([7]) } as unknown as Facilities) } }));
    store.getState().selectFacility(0);
    expect(store.getState().view.selection).toEqual({ kind: 'facility', index: 0 });
    store.getState().setScenario(defaultScenario());
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().view.selection).toEqual({ kind: 'none' });
  });

  it('a scope change clears a unit selection but keeps a facility card', () => {
    const { store } = storeWithUnits();
    store.getState().select('0101');
    store.getState().setScope({ departamento: '02', provincia: null });
    expect(store.getState().view.selection.kind).toBe('none');
    store.getState().selectPlace(4);
    store.getState().setScope({ departamento: null, provincia: null });
    expect(store.getState().view.selection).toEqual({ kind: 'place', index: 4 });
  });
});
