import type { Table } from 'apache-arrow';

/** The last statement's result: column names and DuckDB types, rows as plain values, whether more were left unread. */
export interface ConsultRows {
  columns: { name: string; type: string; numeric: boolean }[];
  rows: (string | number | boolean | null)[][];
  truncated: boolean;
}

/**
 * The one small interface the rest of the app uses to reach data (after kepler.gl's
 * DatabaseAdapter): load a Parquet file as a table, run SQL, get Arrow back.
 */
export interface DataSource {
  loadParquet(table: string, url: string): Promise<{ rows: number; bytes: number }>;
  query(sql: string, what: string): Promise<Table>;
  /**
   * An analyst's statements («Consultas», issue 18), already checked by domain/sqlGuard, on a
   * connection of their own whose search path starts at the `usuario` schema: every statement is
   * run, the last one's rows are read up to `maxRows`. An aborted signal cancels the query.
   */
  consult(statements: string[], signal: AbortSignal, maxRows: number): Promise<ConsultRows>;
  close(): Promise<void>;
  /** Told when a dead worker was replaced and its data loaded again (the browser's engine does this). */
  onRestart?(listener: (what: 'engine' | 'parquet') => void): void;
}

/**
 * Wraps a loader so that it runs once per engine and every caller shares its promise: a layer
 * turned off and on again while loading must not load a table twice (or start a second worker).
 * A failed load is forgotten, so it can be retried.
 */
export function oncePerSource<A extends unknown[], T>(load: (source: DataSource, ...args: A) => Promise<T>) {
  const loading = new WeakMap<DataSource, Promise<T>>();
  return (source: DataSource, ...args: A): Promise<T> => {
    let p = loading.get(source);
    if (!p) {
      p = load(source, ...args);
      loading.set(source, p);
      p.catch(() => loading.delete(source));
    }
    return p;
  };
}
