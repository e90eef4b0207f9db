import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import type { Level } from '../domain/indicators';
import { defaultScenario, type Scenario } from './scenario';
import { updaters } from './scenarioUpdaters';
import { emptyHistory, record, redo, undo } from './history';
import { derive, emptyDerived, type DeriveContext } from './derive';
import { IDLE, loading, ready, valueOf } from './loadState';
import { CONSULTA_FILE, userIndicatorId } from '../domain/userIndicators';
import { consultaSummary, joinContextOf } from './userDataState';
import { stateOf, withState, type LoadKey } from './datasets';
import { NormalisationCache, rankScenario } from './ranking';
import { NO_SELECTION, type AppUpdate, type CoreState, type Notice, type Selection, type UserConflictUpload, type WorkshopScreen, type PhoneTab } from './slices';
import type { LibraryEntry } from './scenarioLibrary';
import { sameKey, type KeySpec } from '../domain/userData';

export type { DerivedColumns, Hotspots, Selection, UserConflictUpload, Engine, LevelData, Notice, WorkshopScreen } from './slices';
import type { LevelData } from './slices';
import type { LeftBehind } from './scenarioLink';

type Updaters = typeof updaters;
/** Each scenario updater, minus its first argument: the store supplies the current scenario. */
type ScenarioActions = {
  [K in keyof Updaters]: Updaters[K] extends (s: Scenario, ...args: infer A) => Scenario ? (...args: A) => void : never;
};

export interface Actions extends ScenarioActions {
  /** Replaces the whole scenario (a loaded or shared one): clears the selection and the undo history. */
  setScenario: (scenario: Scenario) => void;
  setLinkLeftBehind: (files: LeftBehind[]) => void;
  undo: () => void;
  redo: () => void;
  /** What the detail area explains (a map click goes through here). */
  setSelection: (selection: Selection) => void;
  select: (ubigeo: string | null) => void;
  selectFacility: (index: number | null) => void;
  selectConflict: (id: string | null) => void;
  selectPlace: (index: number | null) => void;
  setDataPanelOpen: (open: boolean) => void;
  setAppUpdate: (patch: Partial<AppUpdate>) => void;
  setLeftPanel: (state: 'auto' | 'open' | 'closed') => void;
  setPhoneTab: (tab: PhoneTab) => void;
  focusMap: (target: { ubigeo?: string; lonlat?: [number, number] }) => void;
  setPendingFacility: (codigo: number | null) => void;
  /** Asks for a level's data although the scenario is at another level (compare, reports). */
  wantLevel: (level: Level) => void;
  wantSearch: () => void;
  /** The user-data panel needs the districts and the register to join a file. */
  wantUserData: () => void;
  /** The map drew its first ranked frame. */
  setFirstMapDrawn: () => void;
  /**
   * The staged file's rows (a worker handle) are to be joined by this key; null for either
   * clears the staging (another file, the file added, a key that cannot join).
   */
  stageJoin: (handle: number | null, key: KeySpec | null) => void;
  /** «Consultas»: runs the scenario's SQL (scenario.consulta), or cancels the run in progress. */
  runConsulta: () => void;
  cancelConsulta: () => void;
  /** A numeric column of the last result becomes an indicator (weight 0) drawn on the map. */
  mapConsulta: (column: string) => void;
  /** «Consultas» is open: the coordinator lists the tables. */
  wantConsultas: () => void;
  /** «Tendencias» is open: the coordinator loads the series of the scenario's level. */
  wantTrends: () => void;
  /** A file loaded again replaces its earlier events instead of doubling them. */
  addUserConflicts: (upload: UserConflictUpload) => void;
  setPanelOpen: (open: boolean) => void;
  setScreen: (screen: WorkshopScreen) => void;
  setNotice: (notice: Notice | null) => void;
  /** The saved entry the scenario was opened from or saved as, and its revision. */
  setCurrentId: (id: string | null, revision?: number | null) => void;
  setLibraryList: (entries: LibraryEntry[], unreadable: number) => void;
  /** A failed load (or the start-up) is set back to idle: the coordinator loads it again. */
  retryLoad: (key: LoadKey) => void;
  /** For the coordinator: one update of the data and derived slices (derivations follow in the same update). */
  commit: (recipe: (s: CoreState) => Partial<CoreState>) => void;
}

export type AppState = CoreState & Actions;

/**
 * How consecutive calls of an updater coalesce into one undo step (a slider drag, typing):
 * the key, or null for a change that is always its own step.
 */
const COALESCE: { [K in keyof Updaters]?: (...args: Parameters<Updaters[K]> extends [Scenario, ...infer A] ? A : never) => string | null } = {
  setWeight: (id) => `weight:${id}`,
  setMonitoringEntry: (entry) => `monitoring:${entry.ubigeo}`,
  setCoverageThreshold: () => 'coverage',
  setTopN: () => 'topN',
  // the noise slider and the number fields coalesce; the switches are steps of their own
  setStability: (patch) => (Object.values(patch).every((v) => typeof v === 'number') ? `stability:${Object.keys(patch).sort().join()}` : null),
  setWorkshop: (patch) => `workshop:${Object.keys(patch).sort().join()}`,
  // sliders (opacity, radius, threshold) coalesce; switches and lists are steps of their own
  setLayer: (layer, patch) => (Object.values(patch).every((v) => typeof v === 'number') ? `layer:${String(layer)}:${Object.keys(patch).sort().join()}` : null),
};

export function initialState(scenario: Scenario = defaultScenario()): CoreState {
  return {
    scenario,
    history: emptyHistory(),
    data: {
      engine: loading('catalog'),
      geo: null,
      levels: { provincia: IDLE, distrito: IDLE },
      facilities: IDLE,
      conflicts: IDLE,
      userConflicts: [],
      access: IDLE,
      searchIndex: IDLE,
      register: IDLE,
      userFiles: {},
      staging: null,
      consulta: null,
      consultSchema: IDLE,
      series: { provincia: IDLE, distrito: IDLE },
      restarts: { engine: 0, parquet: 0, access: 0 },
      snapshot: { status: 'unused' },
    },
    derived: emptyDerived(),
    view: {
      selection: NO_SELECTION,
      dataPanelOpen: false,
      mapFocus: null,
      pendingFacility: null,
      levelsWanted: [],
      searchWanted: false,
      userDataWanted: false,
      consultasWanted: false,
      trendsWanted: false,
      firstMapDrawn: false,
      workshop: { panelOpen: false, screen: 'none', notice: null, currentId: null, currentRevision: null, entries: [], unreadable: 0, linkLeftBehind: [] },
      appUpdate: { offlineReady: false, waiting: false, updatedElsewhere: false, error: null },
      leftPanel: 'auto',
      phoneTab: 'mapa',
    },
  };
}

export interface StoreOptions {
  /** The ranking function (tests count its calls). */
  rank?: DeriveContext['rank'];
  /** Clock for coalescing undo steps (tests). */
  now?: () => number;
  scenario?: Scenario;
}

/**
 * The one store. Every update passes through `derive`, so derived columns and the ranking are
 * always those of the scenario and data in the same state. Scenario changes go through the pure
 * updaters in scenarioUpdaters.ts and are recorded for undo/redo.
 */
export function createAppStore(options: StoreOptions = {}): StoreApi<AppState> {
  const cache = new NormalisationCache();
  const ctx: DeriveContext = { rank: options.rank ?? ((units, scenario) => rankScenario(units, scenario, cache)) };
  const now = options.now ?? (() => performance.now());
  return createStore<AppState>()((rawSet, get) => {
    const set = (recipe: (s: AppState) => Partial<CoreState>) =>
      rawSet((s) => {
        const next = { ...s, ...recipe(s) };
        return derive(s, next, ctx) as AppState;
      });
    const view = (patch: Partial<CoreState['view']>) => set((s) => ({ view: { ...s.view, ...patch } }));
    const workshop = (patch: Partial<CoreState['view']['workshop']>) => set((s) => ({ view: { ...s.view, workshop: { ...s.view.workshop, ...patch } } }));
    const selectOr = (selection: Selection | null) => view({ selection: selection ?? NO_SELECTION });

    const scenarioActions = Object.fromEntries(
      Object.entries(updaters).map(([name, fn]) => [
        name,
        (...args: unknown[]) =>
          set((s) => {
            const scenario = (fn as (s: Scenario, ...a: unknown[]) => Scenario)(s.scenario, ...args);
            // A change that changes nothing is not a step (and does not rank again).
            if (JSON.stringify(scenario) === JSON.stringify(s.scenario)) return {};
            const keyOf = COALESCE[name as keyof Updaters] as ((...a: unknown[]) => string | null) | undefined;
            return { scenario, history: record(s.history, s.scenario, keyOf ? keyOf(...args) : null, now()) };
          }),
      ]),
    ) as ScenarioActions;

    return {
      ...initialState(options.scenario),
      ...scenarioActions,
      // another scenario: a link's note about files left behind no longer applies (the link handler sets it after)
      setScenario: (scenario) =>
        set(() => ({ scenario, history: emptyHistory(), view: { ...get().view, selection: NO_SELECTION, workshop: { ...get().view.workshop, linkLeftBehind: [] } } })),
      setLinkLeftBehind: (files) => workshop({ linkLeftBehind: files }),
      undo: () =>
        set((s) => {
          const r = undo(s.history, s.scenario);
          return r ? { scenario: r.scenario, history: r.history } : {};
        }),
      redo: () =>
        set((s) => {
          const r = redo(s.history, s.scenario);
          return r ? { scenario: r.scenario, history: r.history } : {};
        }),
      setSelection: (selection) => view({ selection }),
      select: (ubigeo) => selectOr(ubigeo === null ? null : { kind: 'unit', ubigeo }),
      selectFacility: (index) => selectOr(index === null ? null : { kind: 'facility', index }),
      selectConflict: (id) => selectOr(id === null ? null : { kind: 'conflict', id }),
      selectPlace: (index) => selectOr(index === null ? null : { kind: 'place', index }),
      setDataPanelOpen: (dataPanelOpen) => view({ dataPanelOpen }),
      setLeftPanel: (leftPanel) => view({ leftPanel }),
      setPhoneTab: (phoneTab) => view({ phoneTab }),
      setAppUpdate: (patch) => set((s) => ({ view: { ...s.view, appUpdate: { ...s.view.appUpdate, ...patch } } })),
      focusMap: (target) => set((s) => ({ view: { ...s.view, mapFocus: { ...target, seq: (s.view.mapFocus?.seq ?? 0) + 1 } } })),
      setPendingFacility: (pendingFacility) => view({ pendingFacility }),
      wantLevel: (level) => set((s) => (s.view.levelsWanted.includes(level) ? {} : { view: { ...s.view, levelsWanted: [...s.view.levelsWanted, level] } })),
      wantSearch: () => set((s) => (s.view.searchWanted ? {} : { view: { ...s.view, searchWanted: true } })),
      wantUserData: () => set((s) => (s.view.userDataWanted ? {} : { view: { ...s.view, userDataWanted: true } })),
      setFirstMapDrawn: () => set((s) => (s.view.firstMapDrawn ? {} : { view: { ...s.view, firstMapDrawn: true } })),
      stageJoin: (handle, key) =>
        set((s) => {
          const st = s.data.staging;
          if (handle === null || key === null) return st ? { data: { ...s.data, staging: null } } : {};
          // the same question again keeps its answer (or the join already running)
          if (st && st.handle === handle && sameKey(st.key, key)) return {};
          return { data: { ...s.data, staging: { handle, key, join: IDLE } } };
        }),
      runConsulta: () =>
        set((s) => ({ data: { ...s.data, consulta: { run: (s.data.consulta?.run ?? 0) + 1, sql: s.scenario.consulta.sql, cancelled: false, result: IDLE } } })),
      cancelConsulta: () =>
        set((s) => {
          const c = s.data.consulta;
          return c && (c.result.status === 'loading' || c.result.status === 'idle') && !c.cancelled ? { data: { ...s.data, consulta: { ...c, cancelled: true } } } : {};
        }),
      mapConsulta: (column) => {
        const run = get().data.consulta;
        const result = valueOf(run?.result ?? IDLE);
        if (!run || !result) return;
        (get() as AppState).mapConsultaColumn({
          id: userIndicatorId(CONSULTA_FILE, column, 'mean'),
          file: CONSULTA_FILE,
          column,
          stat: 'mean',
          categories: [],
          label: column,
          unit: '',
          vintage: '',
          direction: 'up',
          weight: 0,
          enabled: true,
          method: { kind: 'minmax' },
          winsorise: null,
        }, run.sql);
        // the rows at hand, joined now when the districts are loaded (else the coordinator runs the query)
        set((s) => {
          const ctx = joinContextOf(s);
          const summary = ctx ? consultaSummary(result, ctx) : null;
          return summary ? { data: { ...s.data, userFiles: { ...s.data.userFiles, [CONSULTA_FILE]: ready(summary) } } } : {};
        });
      },
      wantConsultas: () => set((s) => (s.view.consultasWanted ? {} : { view: { ...s.view, consultasWanted: true } })),
      wantTrends: () => set((s) => (s.view.trendsWanted ? {} : { view: { ...s.view, trendsWanted: true } })),
      // the events read from a file, kept by SHA-256; the scenario's references say which count
      addUserConflicts: (upload) =>
        set((s) => ({ data: { ...s.data, userConflicts: [...s.data.userConflicts.filter((u) => u.sha256 !== upload.sha256), upload] } })),
      setPanelOpen: (panelOpen) => workshop({ panelOpen }),
      setScreen: (screen) => workshop({ screen }),
      setNotice: (notice) => workshop({ notice }),
      setCurrentId: (currentId, revision = null) => workshop({ currentId, currentRevision: currentId === null ? null : revision }),
      setLibraryList: (entries, unreadable) => workshop({ entries, unreadable }),
      retryLoad: (key) => set((s) => (stateOf(s.data, key).status === 'error' ? { data: withState(s.data, key, IDLE) } : {})),
      commit: (recipe) => set(recipe),
    };
  });
}

/** The app's store, and its React hook (`useStore(selector)`, `useStore.getState()`). */
export const appStore = createAppStore();
export const useStore = Object.assign(<T>(selector: (s: AppState) => T): T => useZustand(appStore, selector), {
  getState: appStore.getState,
  subscribe: appStore.subscribe,
});

/**
 * Asks for a level (the coordinator loads it) and resolves with its data when ready; rejects
 * with the level's typed error. For actions that need a level the view has not loaded yet
 * (placing uploaded events in districts).
 */
export function requestLevel(level: Level, store: StoreApi<AppState> = appStore): Promise<LevelData> {
  const settled = (s: AppState) => s.data.levels[level].status === 'ready' || s.data.levels[level].status === 'error';
  return new Promise((resolve, reject) => {
    const finish = (s: AppState) => {
      const st = s.data.levels[level];
      if (st.status === 'ready') resolve(st.value);
      else if (st.status === 'error') reject(st.error);
    };
    if (settled(store.getState())) return finish(store.getState());
    const unsubscribe = store.subscribe((s) => {
      if (!settled(s)) return;
      unsubscribe();
      finish(s);
    });
    store.getState().wantLevel(level);
  });
}
