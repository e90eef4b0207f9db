import type { Catalog } from './catalog';
import { fetchCatalog } from './catalog';
import { openDuckDB, type DataSource } from './duckdb';
import { fetchBoundaries, type Boundaries } from './boundaries';
import type { Table } from 'apache-arrow';
import { indicatorSql, unitsSql } from './indicatorSql';
import { INDICATORS, type Level } from '../domain/indicators';

/** The units of one level with their indicator values, column-wise (one Float64Array per indicator, NaN = missing). */
export interface Units {
  level: Level;
  ids: string[];
  names: string[];
  departamentos: string[];
  ubigeoDep: string[];
  ubigeoProv: string[];
  provincias: string[];
  population: Float64Array;
  values: Record<string, Float64Array>;
  /** The SQL that produced each indicator, shown to the user. */
  sql: Record<string, string>;
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

const strings = (t: Table, col: string) => Array.from(t.getChild(col)!.toArray() as string[]);

/** Runs the units query and one query per indicator of the level. */
export async function loadUnits(source: DataSource, level: Level): Promise<Units> {
  const base = await source.query(unitsSql(level), level);
  const ids = strings(base, 'ubigeo');
  const index = new Map(ids.map((id, i) => [id, i]));
  const values: Record<string, Float64Array> = {};
  const sqlById: Record<string, string> = {};
  for (const def of INDICATORS.filter((d) => d.levels.includes(level))) {
    const sql = indicatorSql(def.id, level);
    const table = await source.query(sql, def.id);
    const col = new Float64Array(ids.length).fill(NaN);
    const u = table.getChild('ubigeo')!;
    const v = table.getChild('value')!;
    for (let r = 0; r < table.numRows; r++) {
      const i = index.get(u.get(r) as string);
      const x = v.get(r) as number | null;
      if (i !== undefined && x != null && Number.isFinite(x)) col[i] = x;
    }
    values[def.id] = col;
    sqlById[def.id] = sql;
  }
  return {
    level,
    ids,
    names: strings(base, 'nombre'),
    departamentos: strings(base, 'departamento'),
    ubigeoDep: strings(base, 'ubigeo_dep'),
    ubigeoProv: strings(base, 'ubigeo_prov'),
    provincias: strings(base, 'provincia'),
    population: Float64Array.from({ length: base.numRows }, (_, r) => (base.getChild('pob_2017')!.get(r) as number | null) ?? NaN),
    values,
    sql: sqlById,
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
  const units = await loadUnits(source, 'provincia');
  return { catalog, source, tables, provincias: units, geo: { provincias, departamentos, paises } };
}

const LEVEL_BOUNDARIES: Record<Level, { file: string; object: string }> = {
  provincia: { file: 'limites_provincias.topojson', object: 'provincias' },
  distrito: { file: 'limites_distritos.topojson', object: 'distritos' },
};

/** Loads a level on first use: its indicator values (SQL) and its boundaries. */
export async function loadLevel(source: DataSource, level: Level): Promise<{ units: Units; boundaries: Boundaries }> {
  const b = LEVEL_BOUNDARIES[level];
  const [units, boundaries] = await Promise.all([
    loadUnits(source, level),
    fetchBoundaries(`${DATA_BASE_URL}${b.file}`, b.object),
  ]);
  return { units, boundaries };
}
