import { DATA_BASE_URL, LEVEL_BOUNDARIES, loadApp, loadLevel } from '../data/loadApp';
import { parseSnapshot, snapshotFile } from '../data/indicatorSnapshot';
import { fetchBoundaries } from '../data/boundaries';
import { loadUnits } from '../data/units';
import { loadFacilities } from '../data/facilities';
import { loadConflicts } from '../data/conflicts';
import { loadAccess } from '../data/places';
import { createStabilityRunner } from '../workers/stabilityClient';
import StabilityWorker from '../workers/stability.worker?worker';
import { loadSearchIndex } from '../data/searchIndex';
import type { CoordinatorDeps } from './coordinator';
import { DataError } from '../data/errors';
import { joinInWorker, loadUserFileInWorker, readConflictFileInWorker } from '../data/userFileClient';
import { fileStore } from './fileStore';

/** The coordinator's loaders in the browser: DuckDB-WASM, fetched boundaries, the access worker. */
export const browserDeps: CoordinatorDeps = {
  async openEngine(onStep, onGeo, _signal, definitions, gate) {
    const d = await loadApp(onStep, onGeo, definitions, gate);
    // the recovery e2e test ends a worker the way a crash would (tests/e2e/recovery.spec.ts)
    (window as unknown as { __territorioWorkers?: unknown }).__territorioWorkers = d.source;
    return { source: d.source, engine: { catalog: d.catalog, tables: d.tables }, provincias: d.provincias, geo: d.geo };
  },
  async loadSnapshot(level, definitionsKey, signal) {
    // definitions no preset has are not snapshotted: a 404 (or a server's fallback page) is «none»
    const res = await fetch(`${DATA_BASE_URL}${snapshotFile(level, definitionsKey)}`, { signal });
    return res.ok ? parseSnapshot(await res.text()) : null;
  },
  loadBoundaries: (level) => fetchBoundaries(`${DATA_BASE_URL}${LEVEL_BOUNDARIES[level].file}`, LEVEL_BOUNDARIES[level].object),
  loadLevel: (source, level, _signal, definitions) => loadLevel(source, level, definitions),
  loadUnits: (source, level, definitions) => loadUnits(source, level, definitions),
  loadFacilities: (source) => loadFacilities(source),
  loadConflicts: (source, catalog) => loadConflicts(source, catalog),
  async loadAccess(source, catalog) {
    const access = await loadAccess(source, catalog);
    // the recovery e2e test ends the access worker the way a crash would
    (window as unknown as { __territorioAccess?: unknown }).__territorioAccess = access.client;
    return access;
  },
  startStability: () => createStabilityRunner(() => new StabilityWorker()),
  loadSearchIndex: (source) => loadSearchIndex(source),
  async loadConflictFile(ref, places) {
    const stored = await fileStore.get(ref.sha256);
    if (!stored) throw new DataError('userFileMissing', { file: ref.name });
    const { read, result } = await readConflictFileInWorker(stored.blob, ref.name, async () => places, { idPrefix: `usuario_${ref.name}`, fuente: ref.fuente });
    if (!result || !result.ok) throw new DataError('userFileUnreadable', { file: ref.name, code: read.result.ok ? (result?.ok === false ? result.error.code : 'sin_datos') : read.result.error.code });
    return result.events;
  },
  joinStaged: (handle, key, ctx) => joinInWorker(handle, key, ctx),
  async loadUserFile(ref, ctx) {
    const stored = await fileStore.get(ref.sha256);
    if (!stored) throw new DataError('userFileMissing', { file: ref.name });
    return loadUserFileInWorker(stored.blob, ref, ctx);
  },
};
