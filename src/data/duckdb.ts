import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
// Self-hosted engine files: Vite copies them into the build; nothing is fetched from a CDN.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ParquetWorker from '../workers/parquet.worker?worker';
import type { ParquetRequest, ParquetResponse } from '../workers/parquet.worker';
import { DataError } from './errors';
import type { DataSource } from './source';

export type { DataSource };

class DuckDBSource implements DataSource {
  private nextId = 1;
  private pending = new Map<number, (r: ParquetResponse) => void>();
  private parquetWorker: Worker;

  private prefetched = new Map<string, Promise<ParquetResponse>>();
  private db: duckdb.AsyncDuckDB | null = null;
  private conn: duckdb.AsyncDuckDBConnection | null = null;
  private engineWorker: Worker | null = null;

  constructor() {
    this.parquetWorker = new ParquetWorker();
    this.parquetWorker.onmessage = (e: MessageEvent<ParquetResponse>) => {
      const resolve = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      resolve?.(e.data);
    };
    // A worker that fails to load or crashes must not leave the app waiting forever.
    this.parquetWorker.onerror = (e: ErrorEvent) => this.failAll(e.message || 'worker');
    this.parquetWorker.onmessageerror = () => this.failAll('mensaje ilegible');
  }

  private failAll(detail: string) {
    for (const [id, resolve] of this.pending) resolve({ id, ok: false, stage: 'decode', detail });
    this.pending.clear();
  }

  /** Starts fetching and decoding files now, while the engine compiles its wasm. */
  prefetch(urls: string[]) {
    for (const url of urls) if (!this.prefetched.has(url)) this.prefetched.set(url, this.decode(url));
  }

  async open() {
    const worker = new Worker(workerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    // Offline: never try to download extensions (it fails with a confusing wasm error).
    await conn.query('SET autoinstall_known_extensions=false');
    await conn.query('SET autoload_known_extensions=false');
    this.db = db;
    this.conn = conn;
    this.engineWorker = worker;
  }

  private get connection(): duckdb.AsyncDuckDBConnection {
    if (!this.conn) throw new DataError('engineFailed', { detail: 'sin conexión' });
    return this.conn;
  }

  private decode(url: string): Promise<ParquetResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      // Absolute: a relative URL would resolve against the worker's script, not the page.
      this.parquetWorker.postMessage({ id, url: new URL(url, document.baseURI).href } satisfies ParquetRequest);
    });
  }

  async loadParquet(table: string, url: string) {
    const res = await (this.prefetched.get(url) ?? this.decode(url));
    this.prefetched.delete(url);
    if (!res.ok) {
      if (res.stage === 'fetch') throw new DataError('fetchFailed', { url, status: res.status ?? 0 });
      throw new DataError('parquetInvalid', { url, detail: res.detail });
    }
    await this.connection.query(`DROP TABLE IF EXISTS "${table}"`);
    // insertArrowFromIPCStream detaches the buffer; it is ours alone, so no copy is needed.
    await this.connection.insertArrowFromIPCStream(res.ipc, { name: table, create: true });
    const count = await this.query(`SELECT count(*)::DOUBLE AS n FROM "${table}"`, table);
    return { rows: Number(count.getChild('n')?.get(0) ?? 0), bytes: res.bytes };
  }

  async query(sql: string, what: string): Promise<Table> {
    try {
      return await this.connection.query(sql);
    } catch (err) {
      throw new DataError('queryFailed', { what, detail: err instanceof Error ? err.message : String(err) });
    }
  }

  async close() {
    this.parquetWorker.terminate();
    await this.conn?.close();
    await this.db?.terminate();
    this.engineWorker?.terminate();
  }
}

/**
 * Opens DuckDB-WASM (self-hosted wasm and worker). Parquet files named in `prefetch` start
 * downloading and decoding at once, in parallel with the engine's start-up.
 */
export async function openDuckDB(prefetch: string[] = []): Promise<DataSource> {
  const source = new DuckDBSource();
  source.prefetch(prefetch);
  try {
    await source.open();
  } catch (err) {
    await source.close().catch(() => undefined);
    throw new DataError('engineFailed', { detail: err instanceof Error ? err.message : String(err) });
  }
  performance.mark('territorio:engine-ready');
  return source;
}
