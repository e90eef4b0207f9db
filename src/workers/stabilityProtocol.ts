/**
 * Messages between the app and the stability worker (issue 14). A run is identified by its id;
 * a newer run supersedes the one in progress, which stops at its next slice (cancelled, not queued).
 */
import type { Factor, StabilityModel, StabilitySettings, UncertaintySummary } from '../domain/stability/uncertainty';
import type { SobolIndices } from '../domain/stability/sobol';

export interface StabilityRequest {
  type: 'run';
  id: number;
  model: StabilityModel;
  settings: StabilitySettings;
  topN: number;
  /** Also run the Saltelli design (skipped when fewer than two factors vary). */
  sobol: boolean;
}

export type StabilityMessage = StabilityRequest | { type: 'cancel'; id: number };

export interface UncertaintyReply {
  type: 'uncertainty';
  id: number;
  summary: UncertaintySummary;
  /** Scenario ranks per scope position, for the shift of each draw. */
  baseRanks: Int32Array;
  factors: Factor[];
  /** Worker compute time, pauses excluded. */
  ms: number;
}

export interface SobolReply {
  type: 'sobol';
  id: number;
  indices: SobolIndices;
  factors: Factor[];
  ms: number;
}

export type StabilityReply =
  | { type: 'progress'; id: number; phase: 'draws' | 'sobol'; done: number; total: number }
  | UncertaintyReply
  | SobolReply
  | { type: 'done'; id: number }
  | { type: 'error'; id: number; message: string };
