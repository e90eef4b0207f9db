import { create } from 'zustand';
import type { AppData, LoadStep } from '../data/loadApp';
import type { DataError } from '../data/errors';
import { defaultScenario, type Scenario } from './scenario';

export type Status =
  | { phase: 'loading'; step: LoadStep }
  | { phase: 'ready' }
  | { phase: 'error'; error: DataError };

export interface AppState {
  scenario: Scenario;
  status: Status;
  data: AppData | null;
  /** UBIGEO of the province selected in the table or on the map. */
  selected: string | null;
  dataPanelOpen: boolean;
  setStep: (step: LoadStep) => void;
  setData: (data: AppData) => void;
  setError: (error: DataError) => void;
  setScope: (departamento: string | null) => void;
  select: (ubigeo: string | null) => void;
  setDataPanelOpen: (open: boolean) => void;
}

/** The one store. Updaters are small and pure over the state, after kepler.gl's reducers. */
export const useStore = create<AppState>()((set) => ({
  scenario: defaultScenario(),
  status: { phase: 'loading', step: 'catalog' },
  data: null,
  selected: null,
  dataPanelOpen: false,
  setStep: (step) => set({ status: { phase: 'loading', step } }),
  setData: (data) => set({ data, status: { phase: 'ready' } }),
  setError: (error) => set({ status: { phase: 'error', error } }),
  setScope: (departamento) =>
    set((s) => ({ scenario: { ...s.scenario, scope: { departamento } }, selected: null })),
  select: (selected) => set({ selected }),
  setDataPanelOpen: (dataPanelOpen) => set({ dataPanelOpen }),
}));
