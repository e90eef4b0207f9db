/// <reference lib="webworker" />
import { readUserFile } from '../data/userFile/read';
import { profileColumns } from '../domain/userData';
import type { UserFileRequest, UserFileResponse } from '../data/userFile/workerProtocol';

/**
 * Reads a user's file off the main thread: the bytes in chunks (progress), their SHA-256, then
 * the one reader (src/data/userFile/read.ts). The map and the controls stay responsive.
 */
self.onmessage = async (event: MessageEvent<UserFileRequest>) => {
  const { id, blob, name, sheet, maxBytes, dropColumns } = event.data;
  const post = (m: UserFileResponse) => postMessage(m);
  try {
    const total = blob.size;
    const bytes = new Uint8Array(total);
    let offset = 0;
    let lastReport = 0;
    const reader = blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes.set(value, offset);
      offset += value.byteLength;
      if (offset - lastReport > 1 << 20) {
        lastReport = offset;
        post({ id, kind: 'progress', stage: 'leyendo', done: offset, total });
      }
    }
    post({ id, kind: 'progress', stage: 'huella', done: total, total });
    const sha256 = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
    post({ id, kind: 'progress', stage: 'analizando', done: total, total });
    const started = performance.now();
    const result = await readUserFile(bytes, name, { sheet, maxBytes, dropColumns });
    // the column profile of the join report is computed here too, off the main thread
    const profile = result.ok ? profileColumns(result.table) : null;
    post({ id, kind: 'done', result, profile, sha256, bytes: total, parseMs: performance.now() - started });
  } catch (err) {
    post({ id, kind: 'failed', detail: err instanceof Error ? err.message : String(err) });
  }
};
