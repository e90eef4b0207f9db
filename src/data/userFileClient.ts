/**
 * The main thread's side of the user-file worker: one worker, started on first use. It reads a
 * file and keeps its rows under a handle; the page asks it for the join's summary or for conflict
 * events, and never receives the rows. Files over the limit are refused before a byte is read,
 * so a 200 MB file never reaches memory and the tab never freezes.
 */
import { fail, type UserFileResult } from './userFile/codes';
import { DEFAULT_MAX_BYTES } from './userFile/read';
import { DataError } from './errors';
import type { UserFileHead, UserFileRequest, UserFileResponse, UserFileStage, WorkerJoinContext } from './userFile/workerProtocol';
import UserFileWorker from '../workers/userFile.worker?worker';
import type { ColumnProfile, JoinContext, KeySpec, Register, UserFileRef } from '../domain/userData';
import type { UserFileSummary } from '../domain/userSummary';
import { MAX_USER_EVENTS, type ConflictImportOptions, type ConflictImportResult, type GazetteerPlace } from '../domain/conflictEvents';
import { DATA_BASE_URL, LEVEL_BOUNDARIES } from './loadApp';
import type { MonitoringImport } from '../domain/monitoring';

export interface ReadInWorker {
  result: UserFileHead;
  /** The rows' handle in the worker, for joins and conflict parsing (null when the file was refused). */
  handle: number | null;
  /** Hex SHA-256 of the file's bytes (null when it was refused before reading). */
  sha256: string | null;
  bytes: number;
  parseMs: number;
  /** The columns' profile for the join report (null when refused). */
  profile: ColumnProfile[] | null;
  /** The key the columns suggest. */
  guess: KeySpec | null;
}

export type ReadProgress = (stage: UserFileStage, done: number, total: number) => void;

type Final = Exclude<UserFileResponse, { kind: 'progress' }>;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (m: Final) => void; reject: (e: Error) => void; onProgress?: ReadProgress }>();
/** The register last given to the worker (it keeps it: 20,000 facilities are sent once). */
let sentRegister: Register | null = null;

function getWorker(): Worker {
  if (worker) return worker;
  const w = new UserFileWorker();
  w.onmessage = (e: MessageEvent<UserFileResponse>) => {
    const m = e.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') return p.onProgress?.(m.stage, m.done, m.total);
    pending.delete(m.id);
    if (m.kind === 'failed') p.reject(new Error(m.detail));
    else p.resolve(m);
  };
  // a dead worker fails what it was doing; the next request starts a new one (its handles are gone)
  w.onerror = (e) => {
    e.preventDefault();
    for (const p of pending.values()) p.reject(new Error(e.message || 'user-file worker failed'));
    pending.clear();
    w.terminate();
    if (worker === w) worker = null;
    sentRegister = null;
  };
  worker = w;
  return w;
}

type Body = UserFileRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function ask<K extends Final['kind']>(body: Body, onProgress?: ReadProgress): Promise<Extract<Final, { kind: K }>> {
  const w = getWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (m: Final) => void, reject, onProgress });
    w.postMessage({ ...body, id } as UserFileRequest);
  });
}

export async function readUserFileInWorker(
  blob: Blob,
  name: string,
  options: { sheet?: string | null; maxBytes?: number; dropColumns?: string[]; onProgress?: ReadProgress } = {},
): Promise<ReadInWorker> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const refused = (result: UserFileResult) => ({ handle: null, sha256: null, parseMs: 0, profile: null, guess: null, bytes: blob.size, result: result as UserFileHead });
  if (blob.size === 0) return refused(fail({ code: 'archivo_vacio', params: { archivo: name } }));
  if (blob.size > maxBytes) return refused(fail({ code: 'archivo_muy_grande', params: { archivo: name, bytes: blob.size, limite: maxBytes } }));
  const m = await ask<'read'>({ kind: 'read', blob, name, sheet: options.sheet ?? null, maxBytes, dropColumns: options.dropColumns ?? [] }, options.onProgress);
  return { result: m.result, handle: m.handle, sha256: m.sha256, bytes: m.bytes, parseMs: m.parseMs, profile: m.profile, guess: m.guess };
}

/** The join's context as the worker takes it: ids, the register once, and where to fetch the polygons. */
function workerContext(ctx: JoinContext): WorkerJoinContext {
  const register = ctx.register && ctx.register !== sentRegister ? ctx.register : null;
  if (register) sentRegister = register;
  const b = LEVEL_BOUNDARIES.distrito;
  return {
    districtIds: [...ctx.districtIds],
    provinceIds: [...ctx.provinceIds],
    departmentIds: [...ctx.departmentIds],
    register,
    // absolute: the worker's own URL is under assets/
    districtsUrl: new URL(`${DATA_BASE_URL}${b.file}`, location.href).href,
    districtsObject: b.object,
  };
}

/** Joins the rows held under `handle` by `key`, in the worker: the summary the indicators are made from. */
export async function joinInWorker(handle: number, key: KeySpec, ctx: JoinContext, onProgress?: ReadProgress): Promise<{ summary: UserFileSummary; joinMs: number }> {
  const m = await ask<'joined'>({ kind: 'join', handle, key, context: workerContext(ctx) }, onProgress);
  return { summary: m.summary, joinMs: m.joinMs };
}

/** Conflict events from the rows held under `handle`, placed with the gazetteer's places, in the worker. */
export async function conflictsInWorker(handle: number, places: GazetteerPlace[], options: ConflictImportOptions, maxEvents: number): Promise<ConflictImportResult> {
  return (await ask<'conflicts'>({ kind: 'conflicts', handle, places, options, maxEvents })).result;
}

export function releaseInWorker(handle: number | null) {
  if (handle !== null && worker) worker.postMessage({ kind: 'release', handle } satisfies UserFileRequest);
}

export interface ConflictFileRead {
  read: ReadInWorker;
  /** null when the file itself was refused (read.result says why). */
  result: ConflictImportResult | null;
}

/**
 * A file of conflict events, read and placed in the worker: refused from its row count before
 * anything else when over `MAX_USER_EVENTS`, the rows released after.
 */
export async function readConflictFileInWorker(blob: Blob, name: string, places: () => Promise<GazetteerPlace[]>, options: ConflictImportOptions): Promise<ConflictFileRead> {
  const read = await readUserFileInWorker(blob, name);
  if (!read.result.ok || read.handle === null) return { read, result: null };
  const handle = read.handle;
  try {
    if (read.result.rows > MAX_USER_EVENTS) {
      return { read, result: { ok: false, error: { code: 'demasiadas_filas', params: { filas: read.result.rows, limite: MAX_USER_EVENTS } } } };
    }
    return { read, result: await conflictsInWorker(handle, await places(), options, MAX_USER_EVENTS) };
  } finally {
    releaseInWorker(handle);
  }
}

/** A scenario's file, read again from its bytes and joined as the scenario says (the rows are released after). */
export async function loadUserFileInWorker(blob: Blob, ref: UserFileRef, ctx: JoinContext): Promise<UserFileSummary> {
  const read = await readUserFileInWorker(blob, ref.name, { sheet: ref.sheet, dropColumns: ref.dropped });
  if (!read.result.ok || read.handle === null) {
    throw new DataError('userFileUnreadable', { file: ref.name, code: read.result.ok ? 'sin_datos' : read.result.error.code });
  }
  try {
    return (await joinInWorker(read.handle, ref.key, ctx)).summary;
  } finally {
    releaseInWorker(read.handle);
  }
}

/**
 * A file of planned and executed amounts (issue 19), read by the one reader and turned into
 * entries in the worker; `known` are the UBIGEO the entries may name. The rows are released after.
 */
export async function readMonitoringFileInWorker(blob: Blob, name: string, known: readonly string[]): Promise<{ read: ReadInWorker; result: MonitoringImport | null }> {
  const read = await readUserFileInWorker(blob, name);
  if (!read.result.ok || read.handle === null) return { read, result: null };
  try {
    return { read, result: (await ask<'monitoring'>({ kind: 'monitoring', handle: read.handle, known: [...known] })).result };
  } finally {
    releaseInWorker(read.handle);
  }
}
