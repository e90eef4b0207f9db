// The SQL indicators of every level under each preset's definitions, with the app's own SQL
// (src/data/units.ts) on native DuckDB over the Parquet just built: the snapshots the app ranks
// from before its engine is ready (src/data/indicatorSnapshot.ts). Importing the app's SQL here
// puts it in the pipeline's fingerprint (inputs.ts hashPipeline): a change to an indicator's SQL
// rebuilds the snapshots.
import path from 'node:path';
import { NodeDataSource } from './nodeSource';
import { datasetMeta, type DatasetId } from './datasets';
import { loadUnits } from '../src/data/units';
import { serialiseSnapshot, snapshotDefinitions, snapshotFile, START_TABLES } from '../src/data/indicatorSnapshot';
import { LEVELS } from '../src/domain/indicators';
import { unitsKey } from '../src/domain/universe';

/** File name → text, for every level and every preset's definitions. */
export async function buildIndicatorSnapshots(dir: string, inputsSha256: string): Promise<Map<string, string>> {
  // single-threaded like DuckDB-WASM: doubles summed in the same order
  const source = await NodeDataSource.open(dir, { threads: 1 });
  try {
    for (const id of START_TABLES) await source.loadParquet(id, path.join(dir, datasetMeta(id as DatasetId).file));
    const files = new Map<string, string>();
    for (const definitions of snapshotDefinitions()) {
      for (const level of LEVELS) {
        const units = await loadUnits(source, level, definitions);
        files.set(snapshotFile(level, unitsKey(definitions)), serialiseSnapshot(units, inputsSha256));
      }
    }
    return files;
  } finally {
    await source.close();
  }
}
