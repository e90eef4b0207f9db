import { create } from 'zustand';
import { IndexedDbRepository, MemoryRepository, ScenarioLibrary, type LibraryEntry } from '../../state/scenarioLibrary';

/** What the scenario features show: the panel, and at most one full-screen view. */
export type ScenarioView = 'none' | 'compare' | 'present' | 'report';

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  /** already translated lines */
  lines: string[];
}

interface ScenarioUiState {
  panelOpen: boolean;
  view: ScenarioView;
  notice: Notice | null;
  /** the saved entry the current scenario was opened from or saved as */
  currentId: string | null;
  entries: LibraryEntry[];
  unreadable: number;
  setPanelOpen: (open: boolean) => void;
  setView: (view: ScenarioView) => void;
  setNotice: (notice: Notice | null) => void;
  setCurrentId: (id: string | null) => void;
  refresh: () => Promise<void>;
}

/** IndexedDB when the browser has it; memory otherwise (the scenarios then last one visit). */
export const library = new ScenarioLibrary(typeof indexedDB !== 'undefined' ? new IndexedDbRepository() : new MemoryRepository());

export const useScenarioUi = create<ScenarioUiState>()((set) => ({
  panelOpen: false,
  view: 'none',
  notice: null,
  currentId: null,
  entries: [],
  unreadable: 0,
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setView: (view) => set({ view }),
  setNotice: (notice) => set({ notice }),
  setCurrentId: (currentId) => set({ currentId }),
  refresh: async () => {
    const { entries, unreadable } = await library.list();
    set({ entries, unreadable });
  },
}));
