import type { UserFileResult } from './codes';
import type { ColumnProfile } from '../../domain/userData';

/** A file to read in the user-file worker (src/workers/userFile.worker.ts). */
export interface UserFileRequest {
  id: number;
  blob: Blob;
  name: string;
  sheet: string | null;
  maxBytes: number;
  dropColumns: string[];
}

export type UserFileStage = 'leyendo' | 'huella' | 'analizando';

export type UserFileResponse =
  | { id: number; kind: 'progress'; stage: UserFileStage; done: number; total: number }
  | { id: number; kind: 'done'; result: UserFileResult; profile: ColumnProfile[] | null; sha256: string; bytes: number; parseMs: number }
  | { id: number; kind: 'failed'; detail: string };
