import { loadApp, loadLevel } from '../data/loadApp';
import { loadFacilities } from '../data/facilities';
import { loadConflicts } from '../data/conflicts';
import { loadAccess } from '../data/places';
import { loadSearchIndex } from '../data/searchIndex';
import type { CoordinatorDeps } from './coordinator';

/** The coordinator's loaders in the browser: DuckDB-WASM, fetched boundaries, the access worker. */
export const browserDeps: CoordinatorDeps = {
  async openEngine(onStep, onGeo) {
    const d = await loadApp(onStep, onGeo);
    return { source: d.source, engine: { catalog: d.catalog, tables: d.tables }, provincias: d.provincias, geo: d.geo };
  },
  loadLevel: (source, level) => loadLevel(source, level),
  loadFacilities: (source) => loadFacilities(source),
  loadConflicts: (source, catalog) => loadConflicts(source, catalog),
  loadAccess: (source, catalog) => loadAccess(source, catalog),
  loadSearchIndex: (source) => loadSearchIndex(source),
};
