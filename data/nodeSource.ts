import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromArrays, type Table } from 'apache-arrow';
import type { ConsultRows, DataSource } from '../src/data/source';
import { USER_SCHEMA } from '../src/domain/sqlGuard';
import { DataError } from '../src/data/errors';

/**
 * The app's DataSource on native DuckDB, for tests and notebooks: the same SQL the browser runs,
 * over the same built Parquet files. (The second implementation of the interface, after PMTiles'
 * Source model; the browser's is src/data/duckdb.ts.)
 */
export class NodeDataSource implements DataSource {
  private constructor(
    private readonly conn: DuckDBConnection,
    /** The analyst's connection («Consultas»), as in the browser: search path from `usuario`. */
    private readonly consultConn: DuckDBConnection,
    private readonly dataDir?: string,
  ) {}

  /** `dataDir`: where the app's data URLs (`/data/x.parquet`) are read from, so the app's own loaders run unchanged. */
  static async open(dataDir?: string, options: { threads?: number } = {}): Promise<NodeDataSource> {
    // one thread sums doubles in one order, as DuckDB-WASM (single-threaded) does
    const db = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : undefined);
    const conn = await db.connect();
    await conn.run(`CREATE SCHEMA IF NOT EXISTS ${USER_SCHEMA}`);
    const consultConn = await db.connect();
    await consultConn.run(`SET search_path = '${USER_SCHEMA},main'`);
    return new NodeDataSource(conn, consultConn, dataDir);
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

  /** As the browser's (no row streaming here: the result is read whole, then cut at `maxRows`). */
  async consult(statements: string[], signal: AbortSignal, maxRows: number): Promise<ConsultRows> {
    const stop = () => this.consultConn.interrupt();
    signal.addEventListener('abort', stop);
    try {
      for (const sql of statements.slice(0, -1)) await this.consultConn.run(sql);
      const reader = await this.consultConn.runAndReadAll(statements[statements.length - 1]);
      const types = reader.columnTypes();
      const cell = (v: unknown): ConsultRows['rows'][number][number] => {
        if (typeof v === 'bigint') return Number(v);
        if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
        if (typeof v === 'object' && 'toDouble' in v) return (v as { toDouble: () => number }).toDouble();
        return String(v);
      };
      const rows = reader.getRows().slice(0, maxRows).map((r) => r.map(cell));
      return {
        columns: reader.columnNames().map((name, c) => ({ name, type: types[c].toString(), numeric: /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(types[c].toString()) })),
        rows,
        truncated: reader.currentRowCount > maxRows,
      };
    } catch (err) {
      if (signal.aborted) throw new DataError('consultCancelled');
      throw new DataError('consultFailed', { detail: err instanceof Error ? err.message : String(err) });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }

  async close() {
    this.consultConn.closeSync();
    this.conn.closeSync();
  }
}
