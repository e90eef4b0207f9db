/**
 * The main thread's side of the user-file worker: one worker, started on first use, reading
 * one file at a time. Files over the limit are refused before a byte is read, so a 200 MB file
 * never reaches memory and the tab never freezes.
 */
import { fail, type UserFileResult } from './userFile/codes';
import { DEFAULT_MAX_BYTES } from './userFile/read';
import type { UserFileRequest, UserFileResponse, UserFileStage } from './userFile/workerProtocol';
import UserFileWorker from '../workers/userFile.worker?worker';
import type { ColumnProfile } from '../domain/userData';

export interface ReadInWorker {
  result: UserFileResult;
  /** Hex SHA-256 of the file's bytes (null when it was refused before reading). */
  sha256: string | null;
  bytes: number;
  parseMs: number;
  /** The columns' profile for the join report, computed in the worker (null when refused). */
  profile: ColumnProfile[] | null;
}

export type ReadProgress = (stage: UserFileStage, done: number, total: number) => void;

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
  worker ??= new UserFileWorker();
  return worker;
}

export function readUserFileInWorker(
  blob: Blob,
  name: string,
  options: { sheet?: string | null; maxBytes?: number; dropColumns?: string[]; onProgress?: ReadProgress } = {},
): Promise<ReadInWorker> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (blob.size === 0) return Promise.resolve({ result: fail({ code: 'archivo_vacio', params: { archivo: name } }), sha256: null, bytes: 0, parseMs: 0, profile: null });
  if (blob.size > maxBytes) {
    return Promise.resolve({ result: fail({ code: 'archivo_muy_grande', params: { archivo: name, bytes: blob.size, limite: maxBytes } }), sha256: null, bytes: blob.size, parseMs: 0, profile: null });
  }
  const w = getWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<UserFileResponse>) => {
      const m = e.data;
      if (m.id !== id) return;
      if (m.kind === 'progress') {
        options.onProgress?.(m.stage, m.done, m.total);
        return;
      }
      w.removeEventListener('message', onMessage);
      if (m.kind === 'done') resolve({ result: m.result, sha256: m.sha256, bytes: m.bytes, parseMs: m.parseMs, profile: m.profile });
      else reject(new Error(m.detail));
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, blob, name, sheet: options.sheet ?? null, maxBytes, dropColumns: options.dropColumns ?? [] } satisfies UserFileRequest);
  });
}
