/// <reference lib="webworker" />
import { readUserFile } from '../data/userFile/read';
import type { UserTable } from '../data/userFile/table';
import { fetchBoundaries } from '../data/boundaries';
import { guessKey, joinTable, profileColumns, type ColumnProfile, type JoinContext, type Register } from '../domain/userData';
import { summariseJoin } from '../domain/userSummary';
import { buildGazetteer, conflictEventsFromTable } from '../domain/conflictEvents';
import type { UserFileRequest, UserFileResponse, WorkerJoinContext } from '../data/userFile/workerProtocol';
import { monitoringFromTable } from '../domain/monitoring';

/**
 * Reads a user's file off the main thread: the bytes in chunks (progress), their SHA-256, then
 * the one reader (src/data/userFile/read.ts). The rows stay here, under a handle: joins and
 * conflict parsing run here too, and only their summaries go to the page, so the map and the
 * controls stay responsive with a 700,000-row file.
 */

/** Tables kept for the panel's key choices; the oldest goes first (a few files at most are open). */
const KEPT = 3;
const tables = new Map<number, { table: UserTable; profile: ColumnProfile[] }>();
let districtIds = new Set<string>();
let provinceIds = new Set<string>();
let departmentIds = new Set<string>();
let register: Register | null = null;
let polygons: { url: string; features: Promise<NonNullable<JoinContext['districts']>> } | null = null;

function keep(handle: number, table: UserTable, profile: ColumnProfile[]) {
  tables.set(handle, { table, profile });
  while (tables.size > KEPT) tables.delete(tables.keys().next().value!);
}

async function context(c: WorkerJoinContext, needPolygons: boolean): Promise<JoinContext> {
  if (c.districtIds) districtIds = new Set(c.districtIds);
  if (c.provinceIds) provinceIds = new Set(c.provinceIds);
  if (c.departmentIds) departmentIds = new Set(c.departmentIds);
  if (c.register) register = c.register;
  if (needPolygons && polygons?.url !== c.districtsUrl) {
    polygons = { url: c.districtsUrl, features: fetchBoundaries(c.districtsUrl, c.districtsObject).then((b) => b.features) };
    polygons.features.catch(() => (polygons = null)); // a failed fetch is tried again next time
  }
  return { districtIds, provinceIds, departmentIds, register, districts: needPolygons ? await polygons!.features : null };
}

async function read(m: Extract<UserFileRequest, { kind: 'read' }>, post: (r: UserFileResponse) => void) {
  const { id, blob, name, sheet, maxBytes, dropColumns } = m;
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
  const parseMs = performance.now() - started;
  if (!result.ok) return post({ id, kind: 'read', result, handle: null, profile: null, guess: null, sha256, bytes: total, parseMs });
  const { table, ...head } = result;
  // the column profile of the join report and the likely key are computed here too, off the main thread
  const profile = profileColumns(table);
  keep(id, table, profile);
  post({
    id,
    kind: 'read',
    result: { ...head, columns: table.columns, rows: table.records.length },
    handle: id,
    profile,
    guess: guessKey(table),
    sha256,
    bytes: total,
    parseMs,
  });
}

self.onmessage = async (event: MessageEvent<UserFileRequest>) => {
  const m = event.data;
  const post = (r: UserFileResponse) => postMessage(r);
  if (m.kind === 'release') return void tables.delete(m.handle);
  try {
    if (m.kind === 'read') return await read(m, post);
    const held = tables.get(m.handle);
    // a handle released or evicted: the caller reads the file again
    if (!held) throw new Error(`user file ${m.handle} is no longer held`);
    if (m.kind === 'join') {
      const { table, profile } = held;
      post({ id: m.id, kind: 'progress', stage: 'uniendo', done: 0, total: table.records.length });
      const started = performance.now();
      const ctx = await context(m.context, m.key.kind === 'coordenadas');
      const summary = summariseJoin(joinTable(table, m.key, ctx, profile), ctx.register);
      post({ id: m.id, kind: 'joined', summary, joinMs: performance.now() - started });
    } else if (m.kind === 'monitoring') {
      post({ id: m.id, kind: 'monitoring', result: monitoringFromTable(held.table, new Set(m.known)) });
    } else {
      const result = conflictEventsFromTable(held.table, buildGazetteer(m.places), { ...m.options, maxRows: m.maxEvents });
      post({ id: m.id, kind: 'conflicts', result });
    }
  } catch (err) {
    post({ id: m.id, kind: 'failed', detail: err instanceof Error ? err.message : String(err) });
  }
};
