/// <reference lib="webworker" />
import { parquetToArrowIPC } from '../data/parquetToArrow';

/** Fetches and decodes Parquet off the main thread, which is busy with the map. */
export interface ParquetRequest {
  id: number;
  url: string;
}
export type ParquetResponse =
  | { id: number; ok: true; ipc: Uint8Array; bytes: number }
  | { id: number; ok: false; stage: 'fetch' | 'decode'; status?: number; detail: string };

self.onmessage = async (event: MessageEvent<ParquetRequest>) => {
  const { id, url } = event.data;
  let buffer: ArrayBuffer;
  try {
    const res = await fetch(url);
    // A static server's SPA fallback answers a missing file with index.html: that is a 404 too.
    if (!res.ok || (res.headers.get('content-type') ?? '').includes('text/html')) {
      postMessage({ id, ok: false, stage: 'fetch', status: res.ok ? 404 : res.status, detail: res.statusText } satisfies ParquetResponse);
      return;
    }
    buffer = await res.arrayBuffer();
  } catch (err) {
    postMessage({ id, ok: false, stage: 'fetch', status: 0, detail: String(err) } satisfies ParquetResponse);
    return;
  }
  try {
    const ipc = await parquetToArrowIPC(buffer);
    const msg: ParquetResponse = { id, ok: true, ipc, bytes: buffer.byteLength };
    postMessage(msg, [ipc.buffer]);
  } catch (err) {
    postMessage({ id, ok: false, stage: 'decode', detail: err instanceof Error ? err.message : String(err) } satisfies ParquetResponse);
  }
};
