import type { Catalog } from './catalog';
import { fetchCatalog } from './catalog';
import { openDuckDB, type DataSource } from './duckdb';
import { fetchBoundaries, type Boundaries } from './boundaries';
import type { Level } from '../domain/indicators';
import { loadUnits, type Units } from './units';

export type { Units };

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
