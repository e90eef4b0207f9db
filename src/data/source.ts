import type { Table } from 'apache-arrow';

/**
 * The one small interface the rest of the app uses to reach data (after kepler.gl's
 * DatabaseAdapter): load a Parquet file as a table, run SQL, get Arrow back.
 */
export interface DataSource {
  loadParquet(table: string, url: string): Promise<{ rows: number; bytes: number }>;
  query(sql: string, what: string): Promise<Table>;
  close(): Promise<void>;
}
