/**
 * The app's data in a notebook: the built Parquet files (npm run data) loaded into native DuckDB
 * under the same table names the browser uses, through the app's own DataSource interface.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { resolveDataPaths } from '../../data/config';
import { NodeDataSource } from '../../data/nodeSource';
import type { Catalog } from '../../src/data/catalog';

export const { outDir } = resolveDataPaths();

export function catalog(): Catalog {
  return JSON.parse(readFileSync(path.join(outDir, 'catalog.json'), 'utf8')) as Catalog;
}

/** DuckDB (one thread, as in the browser) with the app's tables. */
export async function openAppData(tables = ['establecimientos', 'provincias', 'distritos', 'emergencias_2024']): Promise<NodeDataSource> {
  const source = await NodeDataSource.open(outDir, { threads: 1 });
  for (const t of tables) await source.loadParquet(t, path.join(outDir, `${t}.parquet`));
  return source;
}

/** Rows of a query as plain objects. */
export async function rows(source: NodeDataSource, sql: string): Promise<Record<string, unknown>[]> {
  const t = await source.query(sql);
  return t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
}
