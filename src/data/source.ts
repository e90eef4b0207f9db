import type { Table } from 'apache-arrow';

/**
 * The one small interface the rest of the app uses to reach data (after kepler.gl's
 * DatabaseAdapter): load a Parquet file as a table, run SQL, get Arrow back.
 */
export interface DataSource {
  loadParquet(table: string, url: string): Promise<{ rows: number; bytes: number }>;
  query(sql: string, what: string): Promise<Table>;
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
