// The province indicators of the default scenario, with the app's own SQL (src/data/units.ts) on
// native DuckDB over the Parquet just built: the snapshot the app ranks from before its engine is
// ready (src/data/indicatorSnapshot.ts). Importing the app's SQL here puts it in the pipeline's
// fingerprint (inputs.ts hashPipeline): a change to an indicator's SQL rebuilds the snapshot.
import path from 'node:path';
import { NodeDataSource } from './nodeSource';
import { datasetMeta, type DatasetId } from './datasets';
import { loadUnits } from '../src/data/units';
import { serialiseSnapshot, START_TABLES } from '../src/data/indicatorSnapshot';
import { DEFAULT_PRESET_ID, presetById } from '../src/domain/presets';
import { defaultDefinitions } from '../src/domain/universe';

export async function buildIndicatorSnapshot(dir: string, inputsSha256: string): Promise<string> {
  const source = await NodeDataSource.open(dir, { threads: 1 });
  try {
    for (const id of START_TABLES) await source.loadParquet(id, path.join(dir, datasetMeta(id as DatasetId).file));
    const units = await loadUnits(source, 'provincia', defaultDefinitions(presetById(DEFAULT_PRESET_ID).institutions));
    return serialiseSnapshot(units, inputsSha256);
  } finally {
    await source.close();
  }
}
