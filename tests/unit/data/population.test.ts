import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db } from '../../../data/db';
import {
  buildDistricts, buildProvinces, countRowsWithExtraFields, loadPopulation2007To2022, weightedMeanSql,
} from '../../../data/population';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/data');

describe('population steps', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('weights by population and skips rows without value or weight', async () => {
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES
      ('a', 10.0, 100), ('a', 40.0, 300), ('a', NULL, 1000), ('a', 99.0, NULL), ('b', NULL, 5)) v(g, x, w)`);
    const rows = await db.rows<{ g: string; m: number | null }>(
      `SELECT g, ${weightedMeanSql('x', 'w')} AS m FROM t GROUP BY g ORDER BY g`,
    );
    expect(rows[0].m).toBeCloseTo((10 * 100 + 40 * 300) / 400, 10);
    expect(rows[1].m).toBeNull();
  });

  it('reads the 2007-2022 file despite its trailing empty fields', async () => {
    const file = path.join(fixtures, 'poblacion_mini.csv');
    expect(countRowsWithExtraFields(file)).toEqual({ header: 5, rows: 2 });
    const r = await loadPopulation2007To2022(db, file);
    expect(r).toEqual({ padded: 0, extraFieldRows: 2 });
    const rows = await db.rows(`SELECT ubigeo, pob_2007, pob_2022 FROM poblacion_2007_2022 ORDER BY ubigeo`);
    expect(rows).toEqual([
      { ubigeo: '010101', pob_2007: 1000, pob_2022: 1200 },
      { ubigeo: '050413', pob_2007: null, pob_2022: 300 },
      { ubigeo: '150101', pob_2007: 310054, pob_2022: 266887 },
    ]);
  });

  it('recomputes province poverty from districts, keeping the source figure', async () => {
    // Province 1501: a census district and a new one (no 2017 census: weighted by 2022).
    await db.run(`CREATE OR REPLACE TABLE limites_distritos AS SELECT * FROM (VALUES
      ('150101', 'Lima', 'Lima', 'Lima', 'Costa'),
      ('150102', 'Lima', 'Lima', 'Nuevo', 'Costa')) v(ubigeo, departamento, provincia, distrito, region_natural)`);
    await db.run(`CREATE OR REPLACE TABLE limites_provincias AS SELECT '1501' AS ubigeo, 'Lima' AS departamento, 'Lima' AS provincia`);
    await db.run(`CREATE OR REPLACE TABLE censo AS SELECT * FROM (VALUES
      ('150101', 300, 300, 0, 310, 10.0, 90.0, 1.0, 2.0)) v(ubigeo, pob_2017, pob_urbana_2017, pob_rural_2017, pob_2020, nbi_pct, nbi_porc_fuente, pobreza_ic_inf, pobreza_ic_sup)`);
    await db.run(`CREATE OR REPLACE TABLE poblacion_2007_2022 AS SELECT * FROM (VALUES
      ('150101', 250, 320), ('150102', NULL, 100)) v(ubigeo, pob_2007, pob_2022)`);
    await db.run(`CREATE OR REPLACE TABLE indicadores_distrito AS SELECT * FROM (VALUES
      ('150101', 10.0, 1.0, 0.7, 0.2, 100.0, 10.0), ('150102', 50.0, 5.0, NULL, NULL, NULL, NULL))
      v(ubigeo, pobreza_pct, pobreza_extrema_pct, idh_2019, indice_vulnerabilidad_alimentaria, altitud_m, superficie_km2)`);
    await db.run(`CREATE OR REPLACE TABLE indicadores_provincia AS SELECT '1501' AS ubigeo, 26.25 AS pobreza_pct_fuente,
      0.5 AS idh_2019, 0.8 AS indice_densidad_estado, 0.3 AS indice_vulnerabilidad_alimentaria, 150.0 AS altitud_m, 2600.0 AS superficie_km2`);
    await buildDistricts(db);
    await buildProvinces(db);
    const [p] = await db.rows<Record<string, number | string>>(`SELECT * FROM provincias`);
    expect(p.pob_2017).toBe(300);
    expect(p.pob_2022).toBe(420);
    expect(p.pobreza_pct as number).toBeCloseTo((10 * 300 + 50 * 100) / 400, 10);
    expect(p.pobreza_extrema_pct as number).toBeCloseTo((1 * 300 + 5 * 100) / 400, 10);
    expect(p.nbi_pct).toBe(10);
    expect(p.pobreza_pct_fuente).toBe(26.25);
    const d = await db.rows(`SELECT ubigeo, pob_2017, pob_2022 FROM distritos ORDER BY ubigeo`);
    expect(d).toEqual([
      { ubigeo: '150101', pob_2017: 300, pob_2022: 320 },
      { ubigeo: '150102', pob_2017: null, pob_2022: 100 },
    ]);
  });
});
