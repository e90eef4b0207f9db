import type { Catalog } from './catalog';
import { fetchCatalog } from './catalog';
import { openDuckDB, type DataSource } from './duckdb';
import { fetchBoundaries, type Boundaries } from './boundaries';
import { PROVINCE_INDICATOR_SQL, PROVINCE_UNITS_SQL } from './indicatorSql';

/** Provinces with their indicator values, column-wise (one Float64Array per indicator, NaN = missing). */
export interface Units {
  ids: string[];
  names: string[];
  departamentos: string[];
  ubigeoDep: string[];
  population: Float64Array;
  values: Record<string, Float64Array>;
}

export interface LoadedTable {
  rows: number;
  bytes: number;
}

export interface AppData {
  catalog: Catalog;
  source: DataSource;
  tables: Record<string, LoadedTable>;
  provincias: Units;
  geo: { provincias: Boundaries; departamentos: Boundaries; paises: Boundaries };
}

export type LoadStep = 'catalog' | 'engine' | 'tables' | 'boundaries' | 'indicators';

/** Tables loaded into DuckDB-WASM at start-up (catalog dataset id = table name). */
export const START_TABLES = ['establecimientos', 'provincias', 'distritos', 'emergencias_2024'];

export const DATA_BASE_URL = `${import.meta.env.BASE_URL}data/`;

export async function loadProvinceUnits(source: DataSource): Promise<Units> {
  const base = await source.query(PROVINCE_UNITS_SQL, 'provincias');
  const ids = base.getChild('ubigeo')!.toArray() as string[];
  const index = new Map(ids.map((id, i) => [id, i]));
  const values: Record<string, Float64Array> = {};
  for (const [id, sql] of Object.entries(PROVINCE_INDICATOR_SQL)) {
    const table = await source.query(sql, id);
    const col = new Float64Array(ids.length).fill(NaN);
    const u = table.getChild('ubigeo')!;
    const v = table.getChild('value')!;
    for (let r = 0; r < table.numRows; r++) {
      const i = index.get(u.get(r) as string);
      const x = v.get(r) as number | null;
      if (i !== undefined && x != null && Number.isFinite(x)) col[i] = x;
    }
    values[id] = col;
  }
  return {
    ids: Array.from(ids),
    names: Array.from(base.getChild('provincia')!.toArray() as string[]),
    departamentos: Array.from(base.getChild('departamento')!.toArray() as string[]),
    ubigeoDep: Array.from(base.getChild('ubigeo_dep')!.toArray() as string[]),
    population: Float64Array.from(base.getChild('pob_2017')!.toArray() as ArrayLike<number>),
    values,
  };
}

export async function loadApp(onStep: (step: LoadStep) => void): Promise<AppData> {
  onStep('catalog');
  const catalog = await fetchCatalog(DATA_BASE_URL);
  onStep('engine');
  // Boundaries download while the engine compiles its wasm.
  const geoPromise = Promise.all([
    fetchBoundaries(`${DATA_BASE_URL}limites_provincias.topojson`, 'provincias'),
    fetchBoundaries(`${DATA_BASE_URL}limites_departamentos.topojson`, 'departamentos'),
    fetchBoundaries(`${DATA_BASE_URL}paises.topojson`, 'paises'),
  ]);
  geoPromise.catch(() => undefined); // awaited below; avoids an unhandled rejection meanwhile
  const source = await openDuckDB();
  onStep('tables');
  const tables: Record<string, LoadedTable> = {};
  await Promise.all(
    START_TABLES.map(async (id) => {
      const ds = catalog.datasets.find((d) => d.id === id);
      if (!ds) return;
      tables[id] = await source.loadParquet(id, `${DATA_BASE_URL}${ds.file}`);
    }),
  );
  onStep('boundaries');
  const [provincias, departamentos, paises] = await geoPromise;
  onStep('indicators');
  const units = await loadProvinceUnits(source);
  return { catalog, source, tables, provincias: units, geo: { provincias, departamentos, paises } };
}
