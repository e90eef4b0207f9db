import { existsSync, readFileSync } from 'node:fs';
import { parseSnapshot, snapshotFile } from '../../src/data/indicatorSnapshot';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import type { CoordinatorDeps } from '../../src/state/coordinator';
import type { Catalog } from '../../src/data/catalog';
import { boundariesFromTopology } from '../../src/data/boundaries';
import { loadUnits } from '../../src/data/units';
import { loadFacilities } from '../../src/data/facilities';
import { loadConflicts } from '../../src/data/conflicts';
import { loadSearchIndex } from '../../src/data/searchIndex';
import type { Level } from '../../src/domain/indicators';
import { NodeDataSource } from './nodeDataSource';
import { inProcessStability } from './inProcessStability';

import { START_TABLES } from '../../src/data/indicatorSnapshot';
const LEVEL_FILES: Record<Level, [string, string]> = {
  provincia: ['limites_provincias.topojson', 'provincias'],
  distrito: ['limites_distritos.topojson', 'distritos'],
};

/**
 * The coordinator's loaders in Node: native DuckDB over the pipeline's output folder and
 * boundaries read from disk. Facilities, conflicts and the search index use the app's own
 * loaders unchanged. (The access worker needs a browser: `loadAccess` is not available here.)
 */
export function nodeDeps(dataDir: string): CoordinatorDeps & { sources: NodeDataSource[] } {
  const sources: NodeDataSource[] = [];
  const boundaries = (file: string, object: string, contiguity = false) =>
    boundariesFromTopology(JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as Topology, object, contiguity, file);
  return {
    sources,
    async openEngine(onStep, onGeo, _signal, definitions) {
      onStep('catalog');
      const catalog = JSON.parse(readFileSync(path.join(dataDir, 'catalog.json'), 'utf8')) as Catalog;
      onStep('engine');
      const geo = {
        provincias: boundaries('limites_provincias.topojson', 'provincias', true),
        departamentos: boundaries('limites_departamentos.topojson', 'departamentos'),
        paises: boundaries('paises.topojson', 'paises'),
      };
      onGeo(geo);
      // single-threaded like DuckDB-WASM (and the pipeline's snapshot): doubles summed in one order
      const source = await NodeDataSource.open(dataDir, { threads: 1 });
      sources.push(source);
      onStep('tables');
      const tables: Record<string, { rows: number; bytes: number }> = {};
      for (const t of START_TABLES) tables[t] = await source.loadParquet(t, path.join(dataDir, `${t}.parquet`));
      onStep('indicators');
      return { source, engine: { catalog, tables }, provincias: await loadUnits(source, 'provincia', definitions), geo };
    },
    async loadSnapshot(level, definitionsKey) {
      const file = path.join(dataDir, snapshotFile(level, definitionsKey));
      return existsSync(file) ? parseSnapshot(readFileSync(file, 'utf8')) : null;
    },
    async loadBoundaries(level) {
      const [file, object] = LEVEL_FILES[level];
      return boundaries(file, object);
    },
    async loadLevel(source, level, _signal, definitions) {
      const [file, object] = LEVEL_FILES[level];
      return { units: await loadUnits(source, level, definitions), boundaries: boundaries(file, object) };
    },
    loadUnits: (source, level, definitions) => loadUnits(source, level, definitions),
    loadFacilities: (source) => loadFacilities(source),
    loadConflicts: (source, catalog) => loadConflicts(source, catalog),
    loadAccess: () => Promise.reject(new Error('the access worker needs a browser')),
    loadSearchIndex: (source) => loadSearchIndex(source),
    startStability: inProcessStability,
  };
}
