import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
// Self-hosted engine files: Vite copies them into the build; nothing is fetched from a CDN.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ParquetWorker from '../workers/parquet.worker?worker';
import type { ParquetRequest, ParquetResponse } from '../workers/parquet.worker';
import { DataError } from './errors';
import { settlesWithin } from './settles';
import type { ConsultRows, DataSource } from './source';
import { USER_SCHEMA } from '../domain/sqlGuard';
import { arrowRows } from './arrowRows';

export type { DataSource };

/** Without an answer for this long, a query makes the engine be checked (our queries take well under a second). */
const QUERY_WATCH_MS = 10_000;
/** A live worker posts something (an answer to some query) within this while work is pending. */
const PING_MS = 4_000;
/** Decoding a Parquet file takes under a second here; this long without a reply, the worker is gone. */
const DECODE_WATCH_MS = 20_000;
const SILENT = Symbol('silent');

class DuckDBSource implements DataSource {
  private nextId = 1;
  private pending = new Map<number, (r: ParquetResponse) => void>();
  private parquetWorker: Worker;

  private prefetched = new Map<string, Promise<ParquetResponse>>();
  private db: duckdb.AsyncDuckDB | null = null;
  private conn: duckdb.AsyncDuckDBConnection | null = null;
  /** The analyst's connection («Consultas»): its search path starts at their own schema. */
  private consultConn: duckdb.AsyncDuckDBConnection | null = null;
  private engineWorker: Worker | null = null;

  /** Tables loaded so far (name → file), in order: what a restarted engine loads again. */
  private tables = new Map<string, string>();
  private restarting: Promise<void> | null = null;
  /** When the engine's worker last posted anything (its answers): the sign it is alive. */
  private lastHeard = 0;
  private restartListeners: ((what: 'engine' | 'parquet') => void)[] = [];

  constructor() {
    this.parquetWorker = this.spawnParquet();
  }

  private spawnParquet(): Worker {
    const w = new ParquetWorker();
    w.onmessage = (e: MessageEvent<ParquetResponse>) => {
      const resolve = this.pending.get(e.data.id);
      this.pending.delete(e.data.id);
      resolve?.(e.data);
    };
    // A worker that fails to load or crashes must not leave the app waiting forever.
    w.onerror = (e: ErrorEvent) => this.failAll(e.message || 'worker');
    w.onmessageerror = () => this.failAll('mensaje ilegible');
    return w;
  }

  onRestart(listener: (what: 'engine' | 'parquet') => void) {
    this.restartListeners.push(listener);
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
    worker.addEventListener('message', () => {
      this.lastHeard = performance.now();
    });
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(wasmUrl);
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    // Offline: never try to download extensions (it fails with a confusing wasm error).
    await conn.query('SET autoinstall_known_extensions=false');
    await conn.query('SET autoload_known_extensions=false');
    // The app's data arrive as Arrow from the Parquet worker, so the engine never needs files or
    // the network: an analyst's read_csv('https://…') in «Consultas» fails instead of leaving the
    // origin, and the setting cannot be turned back on from SQL.
    await conn.query(`CREATE SCHEMA IF NOT EXISTS ${USER_SCHEMA}`);
    const consultConn = await db.connect();
    await consultConn.query(`SET search_path = '${USER_SCHEMA},main'`);
    await conn.query('SET enable_external_access=false');
    await conn.query('SET lock_configuration=true');
    this.db = db;
    this.conn = conn;
    this.consultConn = consultConn;
    this.engineWorker = worker;
  }

  private get connection(): duckdb.AsyncDuckDBConnection {
    if (!this.conn) throw new DataError('engineFailed', { detail: 'sin conexión' });
    return this.conn;
  }

  private decodeOnce(url: string): Promise<ParquetResponse | typeof SILENT> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      // A worker that was terminated answers nothing and fires no event: after DECODE_WATCH_MS
      // without a reply it counts as gone.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(SILENT);
      }, DECODE_WATCH_MS);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      // Absolute: a relative URL would resolve against the worker's script, not the page.
      this.parquetWorker.postMessage({ id, url: new URL(url, document.baseURI).href } satisfies ParquetRequest);
    });
  }

  /** Fetch and decode in the Parquet worker; a silent worker is replaced once and the file asked again. */
  private async decode(url: string): Promise<ParquetResponse> {
    const first = await this.decodeOnce(url);
    if (first !== SILENT) return first;
    this.parquetWorker.terminate();
    this.parquetWorker = this.spawnParquet();
    this.restartListeners.forEach((l) => l('parquet'));
    const second = await this.decodeOnce(url);
    return second === SILENT ? { id: 0, ok: false, stage: 'decode', detail: 'el lector de Parquet no responde' } : second;
  }

  async loadParquet(table: string, url: string) {
    const res = await (this.prefetched.get(url) ?? this.decode(url));
    this.prefetched.delete(url);
    if (!res.ok) {
      if (res.stage === 'fetch') throw new DataError('fetchFailed', { url, status: res.status ?? 0 });
      throw new DataError('parquetInvalid', { url, detail: res.detail });
    }
    await this.engine(async () => {
      await this.connection.query(`DROP TABLE IF EXISTS "${table}"`);
      // insertArrowFromIPCStream detaches the buffer; a retry after a restart decodes the file again.
      await this.connection.insertArrowFromIPCStream(res.ipc.buffer.byteLength ? res.ipc : await this.reread(url), { name: table, create: true });
    });
    this.tables.set(table, url);
    const count = await this.query(`SELECT count(*)::DOUBLE AS n FROM "${table}"`, table);
    return { rows: Number(count.getChild('n')?.get(0) ?? 0), bytes: res.bytes };
  }

  /** A file decoded again (from the browser's cache or the service worker's: no network needed). */
  private async reread(url: string): Promise<Uint8Array> {
    const res = await this.decode(url);
    if (!res.ok) throw new DataError('parquetInvalid', { url, detail: res.detail });
    return res.ipc;
  }

  async query(sql: string, what: string): Promise<Table> {
    try {
      return await this.engine(() => this.connection.query(sql));
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError('queryFailed', { what, detail: err instanceof Error ? err.message : String(err) });
    }
  }

  async consult(statements: string[], signal: AbortSignal, maxRows: number): Promise<ConsultRows> {
    if (this.restarting) await this.restarting;
    const conn = this.consultConn;
    if (!conn) throw new DataError('engineFailed', { detail: 'sin conexión' });
    let cancelled = false;
    const cancel = () => {
      cancelled = true;
      void conn.cancelSent().catch(() => undefined);
    };
    signal.addEventListener('abort', cancel);
    try {
      for (const sql of statements.slice(0, -1)) {
        if (cancelled) break;
        // sent, not run, so that a cancel stops it too
        const reader = await conn.send(sql);
        for await (const batch of reader) void batch;
      }
      if (cancelled) throw new DataError('consultCancelled');
      const reader = await conn.send(statements[statements.length - 1]);
      // the schema, before the stream is read (a finished or cut stream forgets it)
      const schema = (await reader.open()).schema;
      const batches = [];
      let rows = 0;
      let truncated = false;
      for await (const batch of reader) {
        if (cancelled) break;
        batches.push(batch);
        rows += batch.numRows;
        if (rows >= maxRows) {
          truncated = true;
          // the rest is not wanted: stop the query rather than stream it
          await conn.cancelSent().catch(() => undefined);
          break;
        }
      }
      if (cancelled) throw new DataError('consultCancelled');
      return arrowRows(schema, batches, maxRows, truncated);
    } catch (err) {
      if (cancelled || signal.aborted) throw new DataError('consultCancelled');
      if (err instanceof DataError) throw err;
      throw new DataError('consultFailed', { detail: err instanceof Error ? err.message : String(err) });
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  /**
   * Runs work on the engine. If it has not answered in QUERY_WATCH_MS, the engine is asked
   * something trivial; no answer in PING_MS means its worker is gone (a terminated worker fires
   * no event): the engine is restarted, its tables loaded again, and the work run once more.
   */
  private async engine<T>(work: () => Promise<T>): Promise<T> {
    if (this.restarting) await this.restarting;
    const first = work();
    first.catch(() => undefined);
    if (await settlesWithin(first, QUERY_WATCH_MS)) return first;
    // The worker answers in order, so a ping waits behind queued queries: any message from the
    // worker while we wait means it is alive and busy; only silence means it is gone.
    for (;;) {
      const asked = performance.now();
      this.connection.query('SELECT 1').catch(() => undefined);
      if (await settlesWithin(first, PING_MS)) return first;
      if (this.lastHeard < asked) break;
    }
    await this.restart();
    return work();
  }

  private restart(): Promise<void> {
    this.restarting ??= (async () => {
      this.engineWorker?.terminate();
      this.db = null;
      this.conn = null;
      this.consultConn = null;
      this.engineWorker = null;
      await this.open();
      for (const [table, url] of this.tables) {
        await this.connection.insertArrowFromIPCStream(await this.reread(url), { name: table, create: true });
      }
      this.restartListeners.forEach((l) => l('engine'));
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  /** For the recovery test: ends a worker the way a crash would (no event, no answer). */
  terminateWorker(which: 'engine' | 'parquet') {
    if (which === 'engine') this.engineWorker?.terminate();
    else this.parquetWorker.terminate();
  }

  async close() {
    this.parquetWorker.terminate();
    await this.consultConn?.close().catch(() => undefined);
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
