import type { Catalog } from './catalog';
import { fetchCatalog } from './catalog';
import type { DataSource } from './duckdb';
import { fetchBoundaries, type Boundaries } from './boundaries';
import type { Level } from '../domain/indicators';
import { loadUnits, type Units } from './units';
import type { IndicatorDefinitions } from '../domain/universe';

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

import { START_TABLES } from './indicatorSnapshot';
export { START_TABLES };

export const DATA_BASE_URL = `${import.meta.env.BASE_URL}data/`;

export type Geo = AppData['geo'];

/**
 * Start-up. Everything that does not need the engine runs while its 34 MB wasm compiles:
 * boundaries (handed to `onGeo` so the map can draw first) and the Parquet downloads/decoding.
 * `gate`: the engine starts once it resolves (the first map drawn from the snapshot: on two
 * cores, compiling the wasm beside MapLibre's workers and the first shaders delays that map).
 */
export async function loadApp(
  onStep: (step: LoadStep) => void,
  onGeo: (geo: Geo) => void = () => undefined,
  definitions?: IndicatorDefinitions,
  gate: Promise<void> = Promise.resolve(),
): Promise<AppData> {
  onStep('catalog');
  // the boundaries do not wait for the catalogue: the first map needs them, not it
  const catalogPromise = fetchCatalog(DATA_BASE_URL);
  const geoPromise = Promise.all([
    fetchBoundaries(`${DATA_BASE_URL}limites_provincias.topojson`, 'provincias', true),
    fetchBoundaries(`${DATA_BASE_URL}limites_departamentos.topojson`, 'departamentos'),
    fetchBoundaries(`${DATA_BASE_URL}paises.topojson`, 'paises'),
  ]).then(([provincias, departamentos, paises]) => {
    const geo = { provincias, departamentos, paises };
    onGeo(geo);
    return geo;
  });
  geoPromise.catch(() => undefined); // awaited below; avoids an unhandled rejection meanwhile
  const catalog = await catalogPromise;
  onStep('engine');
  const files = START_TABLES.flatMap((id) => {
    const ds = catalog.datasets.find((d) => d.id === id);
    return ds ? [{ id, url: `${DATA_BASE_URL}${ds.file}` }] : [];
  });
  await gate;
  // DuckDB's client and Apache Arrow (≈ 0.2 MB of script) are a chunk of their own, fetched and
  // parsed once the first map is drawn: the first map does not need them
  const { openDuckDB } = await import('./duckdb');
  const source = await openDuckDB(files.map((f) => f.url));
  onStep('tables');
  const tables: Record<string, LoadedTable> = {};
  for (const f of files) tables[f.id] = await source.loadParquet(f.id, f.url);
  onStep('boundaries');
  const geo = await geoPromise;
  onStep('indicators');
  const units = await loadUnits(source, 'provincia', definitions);
  return { catalog, source, tables, provincias: units, geo };
}

export const LEVEL_BOUNDARIES: Record<Level, { file: string; object: string }> = {
  provincia: { file: 'limites_provincias.topojson', object: 'provincias' },
  distrito: { file: 'limites_distritos.topojson', object: 'distritos' },
};

/** Loads a level on first use: its indicator values (SQL) and its boundaries. */
export async function loadLevel(
  source: DataSource,
  level: Level,
  definitions?: IndicatorDefinitions,
): Promise<{ units: Units; boundaries: Boundaries }> {
  const b = LEVEL_BOUNDARIES[level];
  const [units, boundaries] = await Promise.all([
    loadUnits(source, level, definitions),
    fetchBoundaries(`${DATA_BASE_URL}${b.file}`, b.object),
  ]);
  return { units, boundaries };
}
