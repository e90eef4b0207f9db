import type { UserFileResult } from './codes';
import type { ColumnProfile, KeySpec, Register } from '../../domain/userData';
import type { UserFileSummary } from '../../domain/userSummary';
import type { ConflictImportOptions, ConflictImportResult, GazetteerPlace } from '../../domain/conflictEvents';
import type { MonitoringImport } from '../../domain/monitoring';

/**
 * The user-file worker's messages (src/workers/userFile.worker.ts). The worker reads a file and
 * keeps its rows under a handle; the main thread gets the header, the profile and the join's
 * summary, never the rows, so a 700,000-row file never crosses to the page.
 */
export type UserFileRequest =
  | { kind: 'read'; id: number; blob: Blob; name: string; sheet: string | null; maxBytes: number; dropColumns: string[] }
  | { kind: 'join'; id: number; handle: number; key: KeySpec; context: WorkerJoinContext }
  | { kind: 'conflicts'; id: number; handle: number; places: GazetteerPlace[]; options: ConflictImportOptions; maxEvents: number }
  | { kind: 'monitoring'; id: number; handle: number; known: string[] }
  | { kind: 'release'; handle: number };

/** What the worker joins against; the register and the ids are sent once and kept (null: unchanged). */
export interface WorkerJoinContext {
  districtIds: string[] | null;
  provinceIds: string[] | null;
  departmentIds: string[] | null;
  register: Register | null;
  /** Absolute URL of the district boundaries, fetched by the worker for files keyed by coordinates. */
  districtsUrl: string;
  districtsObject: string;
}

/** A read file as the page sees it: the result without its rows. */
export type UserFileHead =
  | Exclude<UserFileResult, { ok: true }>
  | (Omit<Extract<UserFileResult, { ok: true }>, 'table'> & { columns: string[]; rows: number });

export type UserFileStage = 'leyendo' | 'huella' | 'analizando' | 'uniendo';

export type UserFileResponse =
  | { id: number; kind: 'progress'; stage: UserFileStage; done: number; total: number }
  | {
      id: number;
      kind: 'read';
      result: UserFileHead;
      /** The rows' handle in the worker (null when the file was refused). */
      handle: number | null;
      profile: ColumnProfile[] | null;
      /** The key the columns suggest. */
      guess: KeySpec | null;
      sha256: string;
      bytes: number;
      parseMs: number;
    }
  | { id: number; kind: 'joined'; summary: UserFileSummary; joinMs: number }
  | { id: number; kind: 'conflicts'; result: ConflictImportResult }
  | { id: number; kind: 'monitoring'; result: MonitoringImport }
  | { id: number; kind: 'failed'; detail: string };
