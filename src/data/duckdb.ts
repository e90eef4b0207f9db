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

  constructor(
    private readonly db: duckdb.AsyncDuckDB,
    private readonly conn: duckdb.AsyncDuckDBConnection,
    private readonly engineWorker: Worker,
  ) {
    this.parquetWorker = new ParquetWorker();
    this.parquetWorker.onmessage = (e: MessageEvent<ParquetResponse>) => {
      const resolve = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      resolve?.(e.data);
    };
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
    const res = await this.decode(url);
    if (!res.ok) {
      if (res.stage === 'fetch') throw new DataError('fetchFailed', { url, status: res.status ?? 0 });
      throw new DataError('parquetInvalid', { url, detail: res.detail });
    }
    await this.conn.query(`DROP TABLE IF EXISTS "${table}"`);
    // insertArrowFromIPCStream detaches the buffer; it is ours alone, so no copy is needed.
    await this.conn.insertArrowFromIPCStream(res.ipc, { name: table, create: true });
    const count = await this.query(`SELECT count(*)::DOUBLE AS n FROM "${table}"`, table);
    return { rows: Number(count.getChild('n')?.get(0) ?? 0), bytes: res.bytes };
  }

  async query(sql: string, what: string): Promise<Table> {
    try {
      return await this.conn.query(sql);
    } catch (err) {
      throw new DataError('queryFailed', { what, detail: err instanceof Error ? err.message : String(err) });
    }
  }

  async close() {
    this.parquetWorker.terminate();
    await this.conn.close();
    await this.db.terminate();
    this.engineWorker.terminate();
  }
}

export async function openDuckDB(): Promise<DataSource> {
  try {
    const worker = new Worker(workerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    // Offline: never try to download extensions (it fails with a confusing wasm error).
    await conn.query('SET autoinstall_known_extensions=false');
    await conn.query('SET autoload_known_extensions=false');
    performance.mark('territorio:engine-ready');
    return new DuckDBSource(db, conn, worker);
  } catch (err) {
    throw new DataError('engineFailed', { detail: err instanceof Error ? err.message : String(err) });
  }
}
