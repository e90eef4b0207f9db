import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Coordinator } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { valueOf } from '../../../src/state/loadState';
import { nodeDeps } from '../../support/nodeDeps';
import { withBuiltData, until } from '../../support/builtData';
import { NodeDataSource } from '../../support/nodeDataSource';
import { PROJECTION_ID } from '../../../src/state/projectionState';
import { parseScenario, scenarioToFile, parseScenarioText } from '../../../src/state/scenarioCodec';

// Issue 19: periods are one more dimension of the loaded data. The coordinator loads a level's
// series on demand; the projection column follows the gate over the scenario's scope.
const dataDir = withBuiltData();

describe('series and the projected population through the coordinator', () => {
  it('loads every population vintage apart, projects it where the rule holds and leaves it missing where not', async () => {
    const store = createAppStore();
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    try {
      // settled: the provinces ranked with the published conflicts in (their arrival ranks again)
      await until(store, (st) => st.derived.ranking !== null && st.data.conflicts.status === 'ready', 90_000);
      const before = store.getState().derived.ranking!.version;
      store.getState().wantTrends();
      await until(store, (st) => st.data.series.provincia.status === 'ready', 90_000);
      // opening «Tendencias» changes no ranked number: nothing ranks again (nor restarts stability)
      expect(store.getState().derived.ranking!.version).toBe(before);
      expect(store.getState().derived.units.provincia!.values[PROJECTION_ID]).toBeUndefined();
      const series = valueOf(store.getState().data.series.provincia)!;
      expect(Object.keys(series.values.poblacion).sort()).toEqual(['2007', '2017', '2020', '2022']);
      // each vintage equals the Parquet's column, not a blend of them
      const db = await NodeDataSource.open(dataDir());
      const t = await db.query(`SELECT ubigeo, pob_2007::DOUBLE AS a, pob_2022::DOUBLE AS b FROM read_parquet('${path.join(dataDir(), 'provincias.parquet')}') WHERE ubigeo = '0801'`);
      await db.close();
      const i = series.ids.indexOf('0801');
      expect(series.values.poblacion['2007'][i]).toBe(t.getChild('a')!.get(0));
      expect(series.values.poblacion['2022'][i]).toBe(t.getChild('b')!.get(0));

      // weighed in the ranking, its column comes with that change: one ranking, not two
      store.getState().setEnabled(PROJECTION_ID, true);
      expect(store.getState().derived.ranking!.version).toBe(before + 1);
      expect(store.getState().derived.ranking!.ranking.indicatorIds).toContain(PROJECTION_ID);
      // the projection column: P2022 · (P2022 / P2017) for every province (the gate holds for Peru)
      const units = () => store.getState().derived.units.provincia!;
      const u = units().ids.indexOf('0801');
      const p17 = series.values.poblacion['2017'][i];
      const p22 = series.values.poblacion['2022'][i];
      expect(units().values[PROJECTION_ID][u]).toBeCloseTo(p22 * (p22 / p17), 6);
      expect(units().methods![PROJECTION_ID][0].key).toBe('methods.projection');

      // districts of Ucayali: 17 of 19 complete, below 90 %: every value missing, the method says why
      store.getState().setLevel('distrito');
      store.getState().setScope({ departamento: '25', provincia: null });
      await until(store, (st) => st.data.series.distrito.status === 'ready', 90_000);
      const d = store.getState().derived.units.distrito!;
      const inUcayali = d.ids.map((id, k) => [id, k] as const).filter(([id]) => id.startsWith('25'));
      expect(inUcayali).toHaveLength(19);
      expect(inUcayali.every(([, k]) => Number.isNaN(d.values[PROJECTION_ID][k]))).toBe(true);
      expect(d.methods![PROJECTION_ID][0]).toMatchObject({ key: 'methods.projectionOff', params: { complete: 17, units: 19 } });
      // Ayacucho's districts (118 of 124) pass
      store.getState().setScope({ departamento: '05', provincia: null });
      const a = store.getState().derived.units.distrito!;
      expect(a.methods![PROJECTION_ID][0]).toMatchObject({ key: 'methods.projection', params: { complete: 118, units: 124 } });
      expect(a.ids.filter((id, k) => id.startsWith('05') && Number.isFinite(a.values[PROJECTION_ID][k]))).toHaveLength(118);
    } finally {
      await c.dispose();
    }
  }, 300_000);
});

describe('monitoring entries in the scenario file', () => {
  it('round-trip through the codec, and a bad entry is refused with its field', () => {
    const store = createAppStore();
    store.getState().setMonitoringEntry({ ubigeo: '0801', planned: 1_000_000.5, executed: 250_000, date: '2026-06-30' });
    store.getState().setMonitoringEntry({ ubigeo: '080101', planned: null, executed: 5, date: null });
    const back = parseScenarioText(scenarioToFile(store.getState().scenario)).scenario;
    expect(back.monitoreo).toEqual(store.getState().scenario.monitoreo);
    // an old file without monitoring opens with none
    const { monitoreo: _m, ...old } = back;
    void _m;
    expect(parseScenario(old).scenario.monitoreo).toEqual([]);
    expect(() => parseScenario({ ...back, monitoreo: [{ ubigeo: '0801', planned: -1, executed: null, date: null }] })).toThrow(/monitoreo\[0\]\.planned/);
    expect(() => parseScenario({ ...back, monitoreo: [{ ubigeo: '99', planned: 1, executed: null, date: null }] })).toThrow(/monitoreo\[0\]\.ubigeo/);
    // undo takes the last entry back out
    store.getState().undo();
    expect(store.getState().scenario.monitoreo.map((e) => e.ubigeo)).toEqual(['0801']);
  });
});
