import type { StoreApi } from 'zustand/vanilla';
import { parseScenario } from './scenarioCodec';
import type { Scenario } from './scenario';
import type { AppState } from './store';

/**
 * The scenario being worked on, kept in the browser's local storage after every change, so a
 * crash, a reload or a closed tab never loses it (canvas text included). It is a working copy,
 * not a saved scenario: the library in IndexedDB holds those.
 */
export const WORKING_COPY_KEY = 'territorio:escenario-en-curso';
const KIND = 'territorio-copia-de-trabajo';

/** The part of `Storage` used here (a Map-backed one in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface WorkingCopy {
  scenario: Scenario;
  /** The saved entry it was opened from or saved as, if any, and the revision this tab held. */
  currentId: string | null;
  currentRevision: number | null;
  savedAt: string;
}

/** The browser's local storage, or null where it is blocked (some private modes throw on access). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The working copy left by the last visit, validated like any scenario that comes in; null if none or unreadable. */
export function readWorkingCopy(storage: KeyValueStorage): WorkingCopy | null {
  let text: string | null;
  try {
    text = storage.getItem(WORKING_COPY_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const value = JSON.parse(text) as { kind?: unknown; scenario?: unknown; currentId?: unknown; currentRevision?: unknown; savedAt?: unknown };
    if (value.kind !== KIND || typeof value.savedAt !== 'string') throw new Error('not a working copy');
    const { scenario } = parseScenario(value.scenario);
    const currentId = typeof value.currentId === 'string' ? value.currentId : null;
    const currentRevision = currentId !== null && Number.isInteger(value.currentRevision) ? (value.currentRevision as number) : null;
    return { scenario, currentId, currentRevision, savedAt: value.savedAt };
  } catch {
    // a damaged copy is dropped rather than kept failing on every start
    storage.removeItem(WORKING_COPY_KEY);
    return null;
  }
}

export function writeWorkingCopy(storage: KeyValueStorage, copy: WorkingCopy): boolean {
  try {
    storage.setItem(WORKING_COPY_KEY, JSON.stringify({ kind: KIND, ...copy }));
    return true;
  } catch {
    return false; // full or blocked: the app keeps working, the scenario can still be saved or exported
  }
}

/**
 * Writes the working copy shortly after every scenario change (and at once when the page is
 * hidden or closed). Returns the function that stops it.
 */
export function keepWorkingCopy(store: StoreApi<AppState>, storage: KeyValueStorage, delayMs = 250, now = () => new Date().toISOString()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    pending = false;
    const s = store.getState();
    const { currentId, currentRevision } = s.view.workshop;
    writeWorkingCopy(storage, { scenario: s.scenario, currentId, currentRevision, savedAt: now() });
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const w = s.view.workshop;
    const pw = prev.view.workshop;
    if (s.scenario === prev.scenario && w.currentId === pw.currentId && w.currentRevision === pw.currentRevision) return;
    pending = true;
    if (!timer) timer = setTimeout(flush, delayMs);
  });
  const onHide = () => flush();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
  }
  return () => {
    flush();
    unsubscribe();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    }
  };
}
