import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromArrays, type Table } from 'apache-arrow';
import type { DataSource } from '../src/data/source';

/**
 * The app's DataSource on native DuckDB, for tests and notebooks: the same SQL the browser runs,
 * over the same built Parquet files. (The second implementation of the interface, after PMTiles'
 * Source model; the browser's is src/data/duckdb.ts.)
 */
export class NodeDataSource implements DataSource {
  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly dataDir?: string,
  ) {}

  /** `dataDir`: where the app's data URLs (`/data/x.parquet`) are read from, so the app's own loaders run unchanged. */
  static async open(dataDir?: string, options: { threads?: number } = {}): Promise<NodeDataSource> {
    // one thread sums doubles in one order, as DuckDB-WASM (single-threaded) does
    const db = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : undefined);
    return new NodeDataSource(await db.connect(), dataDir);
  }

  async loadParquet(table: string, url: string) {
    const path = this.dataDir && !existsSync(url) ? join(this.dataDir, basename(url)) : url;
    await this.conn.run(`CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`);
    const r = await this.conn.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM "${table}"`);
    return { rows: Number(r.getRowObjects()[0].n), bytes: readFileSync(path).byteLength };
  }

  /** Runs SQL and returns an Arrow table, numbers as doubles (like castBigIntToDouble in the browser). */
  async query(sql: string): Promise<Table> {
    const reader = await this.conn.runAndReadAll(sql);
    const rows = reader.getRowObjects();
    const toJs = (v: unknown) => {
      if (typeof v === 'bigint') return Number(v);
      if (v !== null && typeof v === 'object' && 'toDouble' in v) return (v as { toDouble: () => number }).toDouble();
      return v;
    };
    const arrays = Object.fromEntries(reader.columnNames().map((name) => [name, rows.map((r) => toJs(r[name]))]));
    return tableFromArrays(arrays as never) as unknown as Table;
  }

  async close() {
    this.conn.closeSync();
  }
}
