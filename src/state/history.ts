import type { Scenario } from './scenario';

/**
 * Undo/redo of scenario changes, as pure functions over a history value (the store keeps one).
 * Consecutive changes with the same coalescing key (one slider being dragged, one text being
 * typed) within `COALESCE_MS` of each other make one step.
 */
export interface History {
  past: Scenario[];
  future: Scenario[];
  /** Key of the last recorded change (null: the next change starts a new step). */
  lastKey: string | null;
  lastAt: number;
}

/** Steps kept; the issue asks for at least 100. */
export const HISTORY_LIMIT = 200;
/** A pause this long ends a drag: the next move of the same slider is a new step. */
export const COALESCE_MS = 1000;

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Records that `before` was replaced by a change with key `key` (null: never coalesced) at time `now`. */
export function record(h: History, before: Scenario, key: string | null, now: number): History {
  if (key !== null && key === h.lastKey && now - h.lastAt < COALESCE_MS) {
    // Same gesture: the step that started it already holds the scenario before the gesture.
    return { ...h, future: [], lastAt: now };
  }
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(h.past.length - HISTORY_LIMIT + 1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** The scenario one step back, and the history after it; null when there is nothing to undo. */
export function undo(h: History, current: Scenario): { scenario: Scenario; history: History } | null {
  if (h.past.length === 0) return null;
  return {
    scenario: h.past[h.past.length - 1],
    history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null, lastAt: 0 },
  };
}

/** The scenario one step forward, and the history after it; null when there is nothing to redo. */
export function redo(h: History, current: Scenario): { scenario: Scenario; history: History } | null {
  if (h.future.length === 0) return null;
  return {
    scenario: h.future[0],
    history: { past: [...h.past, current], future: h.future.slice(1), lastKey: null, lastAt: 0 },
  };
}
