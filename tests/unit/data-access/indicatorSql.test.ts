import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { resolveDataPaths } from '../../../data/config';
import { buildAll } from '../../../data/build';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadUnits, type Units } from '../../../src/data/units';
import { INDICATORS } from '../../../src/domain/indicators';
import { NodeDataSource } from '../../support/nodeDataSource';
import { rankScenario } from '../../../src/state/ranking';
import { defaultScenario } from '../../../src/state/scenario';

// The browser's indicator SQL, run on native DuckDB over the pipeline's real Parquet output.
let source: NodeDataSource;
let provincias: Units;
let distritos: Units;
let outDir: string;
let tmp: string | null = null;

beforeAll(async () => {
  outDir = resolveDataPaths().outDir;
  if (!existsSync(path.join(outDir, 'catalog.json'))) {
    tmp = mkdtempSync(path.join(tmpdir(), 'territorio-sql-'));
    outDir = tmp;
    await buildAll({ outDir });
  }
  source = await NodeDataSource.open();
  for (const t of ['establecimientos', 'provincias', 'distritos', 'emergencias_2024']) {
    await source.loadParquet(t, path.join(outDir, `${t}.parquet`));
  }
  provincias = await loadUnits(source, 'provincia');
  distritos = await loadUnits(source, 'distrito');
});

afterAll(async () => {
  await source?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** An independent, hand-written query for one value, to check the indicator SQL against. */
async function scalar(sql: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = await c.runAndReadAll(sql.replaceAll('$OUT', outDir));
  return Number(Object.values(r.getRowObjects()[0])[0]);
}

describe('indicator SQL on the real data', () => {
  it('yields every SQL indicator for all 196 provinces and 1,891 districts (not the browser-computed ones)', () => {
    expect(provincias.ids).toHaveLength(196);
    expect(distritos.ids).toHaveLength(1891);
    for (const def of INDICATORS.filter((d) => d.computed)) expect(provincias.values[def.id], def.id).toBeUndefined();
    for (const def of INDICATORS.filter((d) => !d.computed)) {
      expect(provincias.values[def.id], def.id).toBeInstanceOf(Float64Array);
      const present = Array.from(provincias.values[def.id]).filter((v) => !Number.isNaN(v)).length;
      expect(present, def.id).toBeGreaterThan(150);
    }
  });

  it('counts facilities per 10,000 by declared province (Cusco province, checked by hand)', async () => {
    const i = provincias.ids.indexOf('0801');
    const n = await scalar(`SELECT count(*) FROM '$OUT/establecimientos.parquet' WHERE substr(ubigeo, 1, 4) = '0801'`);
    const pop = await scalar(`SELECT pob_2017 FROM '$OUT/provincias.parquet' WHERE ubigeo = '0801'`);
    expect(provincias.values.establecimientos_por_10k[i]).toBeCloseTo((n * 10000) / pop, 9);
  });

  it("uses Lima's recomputed poverty (13.2 %), not the source's 26.25", () => {
    const lima = provincias.ids.indexOf('1501');
    expect(provincias.values.pobreza_pct[lima]).toBeCloseTo(13.2, 1);
  });

  it('ignores placeholder start dates in the median age', async () => {
    const i = provincias.ids.indexOf('0801');
    const median = await scalar(
      `SELECT median(2026 - anio_inicio) FROM '$OUT/establecimientos.parquet' WHERE ubigeo_prov = '0801' AND anio_inicio IS NOT NULL`,
    );
    expect(provincias.values.antiguedad_mediana[i]).toBe(median);
    expect(provincias.values.antiguedad_mediana[i]).toBeLessThan(100); // a 1900 placeholder would give 126
  });

  it('gives the state-presence index only at province level', () => {
    expect(distritos.values.indice_densidad_estado).toBeUndefined();
    expect(provincias.values.indice_densidad_estado).toBeDefined();
  });

  it('ranks all 196 provinces with the default preset, contributions adding up', () => {
    const r = rankScenario(provincias, defaultScenario());
    expect(r.order.length + r.insufficient.length).toBe(196);
    expect(r.order.length).toBeGreaterThan(190);
    for (const i of r.order) {
      const sum = r.contributionsOf(i).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - r.score[i])).toBeLessThan(1e-9);
    }
  });
});
