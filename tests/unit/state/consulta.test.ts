import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { Coordinator } from '../../../src/state/coordinator';
import { createAppStore } from '../../../src/state/store';
import { errorOf, valueOf } from '../../../src/state/loadState';
import { nodeDeps } from '../../support/nodeDeps';
import { withBuiltData, until } from '../../support/builtData';
import { NodeDataSource } from '../../support/nodeDataSource';
import { CONSULT_EXAMPLES } from '../../../src/data/consulta';
import { rankScenario } from '../../../src/state/ranking';

// Issue 18, «Consultas»: the analyst's SQL runs through the coordinator on the engine's own
// tables; writes go to `usuario`, the app's tables stay as they were, errors come back typed.
const dataDir = withBuiltData();

describe('«Consultas» through the coordinator', () => {
  it('runs a read, a write to usuario, refuses a write to an app table, and reports a SQL error', async () => {
    const store = createAppStore();
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    const run = async (sql: string) => {
      store.getState().setConsultaSql(sql);
      store.getState().runConsulta();
      const n = store.getState().data.consulta!.run;
      await until(store, (st) => {
        const r = st.data.consulta;
        return r?.run === n && (r.result.status === 'ready' || r.result.status === 'error');
      }, 90_000);
      return store.getState().data.consulta!.result;
    };
    try {
      // the count of the app's table equals DuckDB's own count of the Parquet file
      const db = await NodeDataSource.open(dataDir());
      const direct = await db.query(`SELECT count(*)::DOUBLE AS n FROM read_parquet('${path.join(dataDir(), 'establecimientos.parquet')}') WHERE categoria = 'I-1'`);
      await db.close();
      const read = valueOf(await run("SELECT count(*) AS n FROM establecimientos WHERE categoria = 'I-1'"));
      expect(read?.rows).toEqual([[Number(direct.getChild('n')!.get(0))]]);
      expect(read?.columns[0]).toMatchObject({ name: 'n', numeric: true });
      expect(store.getState().scenario.consulta.sql).toContain('I-1');

      // an own table in `usuario`, listed with the app's after the run
      store.getState().wantConsultas();
      const own = valueOf(await run('CREATE TABLE mis_lima AS SELECT codigo FROM establecimientos WHERE ubigeo_dep = \'15\'; SELECT count(*) > 0 AS hay FROM usuario.mis_lima'));
      expect(own?.rows).toEqual([[true]]);
      expect(own?.statements).toBe(2);
      await until(store, (st) => valueOf(st.data.consultSchema)?.some((t) => t.schema === 'usuario' && t.name === 'mis_lima') ?? false, 90_000);
      const tables = valueOf(store.getState().data.consultSchema)!;
      expect(tables.find((t) => t.name === 'establecimientos')?.columns.some((col) => col.name === 'ubigeo')).toBe(true);

      // the app's table cannot be changed, and nothing ran
      const refused = errorOf(await run('DELETE FROM establecimientos'));
      expect(refused).toMatchObject({ key: 'consultRefused', params: { reason: 'appTable', table: 'establecimientos' } });
      const still = valueOf(await run("SELECT count(*) AS n FROM establecimientos WHERE categoria = 'I-1'"));
      expect(still?.rows).toEqual(read?.rows);

      // every example offered in the view runs on the app's tables and returns rows
      for (const ex of CONSULT_EXAMPLES) {
        const r = valueOf(await run(ex.sql));
        expect(r?.rows.length, ex.key).toBeGreaterThan(0);
      }

      // DuckDB's own message for a bad query
      const bad = errorOf(await run('SELECT no_existe FROM establecimientos'));
      expect(bad?.key).toBe('consultFailed');
      expect(String(bad?.params.detail)).toMatch(/no_existe/);
    } finally {
      await c.dispose();
    }
  }, 120_000);

  it('a numeric column by ubigeo becomes an indicator on the map, and a reopened scenario runs its query again', async () => {
    let ranks = 0;
    const store = createAppStore({
      rank: (u, sc) => {
        ranks += 1;
        return rankScenario(u, sc);
      },
    });
    const c = new Coordinator(store, nodeDeps(dataDir()));
    await c.start();
    const sql = "SELECT ubigeo, pob_2017 / 1000 AS miles FROM provincias WHERE ubigeo_dep = '08'";
    try {
      store.getState().setConsultaSql(sql);
      store.getState().runConsulta();
      await until(store, (st) => st.data.consulta?.result.status === 'ready', 90_000);
      store.getState().mapConsulta('miles');
      const id = store.getState().scenario.userData.indicators[0].id;
      expect(store.getState().scenario.classes).toEqual({ kind: 'indicator', count: 5, indicator: id });
      expect(store.getState().scenario.consulta.mapped).toBe(sql);
      const values = async (st: typeof store) => {
        await until(st, (x) => {
          const u = x.derived.units.provincia;
          return !!u && Number.isFinite(u.values[id]?.[u.ids.indexOf('0801')]);
        }, 90_000);
        const u = st.getState().derived.units.provincia!;
        return { cusco: u.values[id][u.ids.indexOf('0801')], lima: u.values[id][u.ids.indexOf('1501')], method: u.methods?.[id] };
      };
      const first = await values(store);
      expect(first.cusco).toBeGreaterThan(100);
      // outside the query's department: missing, not zero
      expect(first.lima).toBeNaN();
      expect(JSON.stringify(first.method)).toContain('consultas.method');
      // writing another query in the editor does not touch the mapped indicator: no new ranking
      const before = ranks;
      store.getState().setConsultaSql('SELECT 1');
      expect(ranks).toBe(before);

      // the same scenario in a fresh app: the mapped query runs again and gives the same values
      const again = createAppStore({ scenario: structuredClone(store.getState().scenario) });
      const c2 = new Coordinator(again, nodeDeps(dataDir()));
      await c2.start();
      try {
        expect((await values(again)).cusco).toBe(first.cusco);
      } finally {
        await c2.dispose();
      }
    } finally {
      await c.dispose();
    }
  }, 120_000);
});
