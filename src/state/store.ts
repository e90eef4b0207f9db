import { create } from 'zustand';
import type { AppData, Geo, LoadStep, Units } from '../data/loadApp';
import type { Boundaries } from '../data/boundaries';
import type { Facilities } from '../data/facilities';
import type { DataError } from '../data/errors';
import type { Level } from '../domain/indicators';
import type { ConflictEvent } from '../domain/conflictEvents';
import type { AccessData } from '../data/places';
import type { NearestReply } from '../data/accessClient';
import { defaultScenario, type Scenario } from './scenario';
import { updaters } from './scenarioUpdaters';

/** One uploaded conflict-events file: its events and what could not be placed. */
export interface UserConflictUpload {
  fileName: string;
  events: ConflictEvent[];
  rejected: number;
}

/** Indicator columns computed in the browser, and how (shown where SQL is shown for the others). */
export interface DerivedColumns {
  values: Record<string, Float64Array>;
  method: Record<string, string>;
}

/** The SQL units with every derived group's columns on top. */
function mergeUnits(base: Units | undefined, groups: Record<string, DerivedColumns> | undefined): Units | undefined {
  if (!base || !groups) return base;
  const values = { ...base.values };
  const sql = { ...base.sql };
  for (const g of Object.values(groups)) {
    Object.assign(values, g.values);
    Object.assign(sql, g.method);
  }
  return { ...base, values, sql };
}

export type Status =
  | { phase: 'loading'; step: LoadStep }
  | { phase: 'ready' }
  | { phase: 'error'; error: DataError };

type Updaters = typeof updaters;
/** Each scenario updater, minus its first argument: the store supplies the current scenario. */
type ScenarioActions = {
  [K in keyof Updaters]: Updaters[K] extends (s: Scenario, ...args: infer A) => Scenario ? (...args: A) => void : never;
};

export interface AppState extends ScenarioActions {
  scenario: Scenario;
  status: Status;
  data: AppData | null;
  /** Boundaries for the basemap and the first choropleth: they arrive before the engine is ready. */
  geo: Geo | null;
  /**
   * Units of each level with every indicator: the SQL ones loaded on first use (`baseUnits`,
   * districts only when asked for) plus the columns computed in the browser (`derived`: conflict
   * counts in the time window, access gaps), merged so the ranking sees one table.
   */
  units: Partial<Record<Level, Units>>;
  baseUnits: Partial<Record<Level, Units>>;
  derived: Partial<Record<Level, Record<string, DerivedColumns>>>;
  /** Replaces one group of browser-computed indicator columns (e.g. 'conflicts') at a level. */
  setDerived: (level: Level, group: string, columns: DerivedColumns) => void;
  boundaries: Partial<Record<Level, Boundaries>>;
  levelError: DataError | null;
  /** Geolocated facilities, loaded the first time their layer is shown. */
  facilities: Facilities | null;
  facilitiesError: DataError | null;
  /** Index (into `facilities`) of the facility whose card is open. */
  selectedFacility: number | null;
  /** Published conflict events (loaded after start-up) and those the user uploaded this session. */
  conflicts: ConflictEvent[] | null;
  conflictsError: DataError | null;
  userConflicts: UserConflictUpload[];
  setConflicts: (events: ConflictEvent[]) => void;
  setConflictsError: (e: DataError | null) => void;
  addUserConflicts: (upload: UserConflictUpload) => void;
  removeUserConflicts: (fileName: string) => void;
  /** Populated places and the access worker, loaded when the layer or an access indicator needs them. */
  access: AccessData | null;
  accessError: DataError | null;
  /** Nearest facility of every place for the scenario's category (colours, lines, the place card). */
  accessNearest: NearestReply | null;
  /** Last threshold/category change: main-thread round trip and worker time over every loaded level (ms). */
  accessTiming: { roundTripMs: number; workerMs: number } | null;
  setAccess: (a: AccessData) => void;
  setAccessError: (e: DataError | null) => void;
  setAccessNearest: (n: NearestReply) => void;
  setAccessTiming: (t: { roundTripMs: number; workerMs: number }) => void;
  /** Index (into access.places) of the populated place whose card is open. */
  selectedPlace: number | null;
  selectPlace: (i: number | null) => void;
  /** Id of the conflict event whose card is open. */
  selectedConflict: string | null;
  selectConflict: (id: string | null) => void;
  setFacilities: (f: Facilities) => void;
  setFacilitiesError: (e: DataError | null) => void;
  selectFacility: (i: number | null) => void;
  /** Where the map should go next (a search result); `seq` makes a repeat request a new one. */
  mapFocus: { ubigeo?: string; lonlat?: [number, number]; seq: number } | null;
  focusMap: (target: { ubigeo?: string; lonlat?: [number, number] }) => void;
  /** A facility asked for (by code) before the facilities were loaded. */
  pendingFacility: number | null;
  setPendingFacility: (codigo: number | null) => void;
  /** UBIGEO of the unit selected in the table or on the map. */
  selected: string | null;
  dataPanelOpen: boolean;
  setStep: (step: LoadStep) => void;
  setData: (data: AppData) => void;
  setGeo: (geo: Geo) => void;
  setError: (error: DataError) => void;
  setLevelData: (level: Level, units: Units, boundaries: Boundaries) => void;
  setLevelError: (error: DataError | null) => void;
  select: (ubigeo: string | null) => void;
  setDataPanelOpen: (open: boolean) => void;
  /** Replaces the whole scenario (a loaded or shared one). */
  setScenario: (scenario: Scenario) => void;
}

/** The one store. Scenario changes go through the pure updaters in scenarioUpdaters.ts. */
export const useStore = create<AppState>()((set) => {
  const scenarioActions = Object.fromEntries(
    Object.entries(updaters).map(([name, fn]) => [
      name,
      (...args: unknown[]) =>
        set((s) => {
          const scenario = (fn as (s: Scenario, ...a: unknown[]) => Scenario)(s.scenario, ...args);
          // A new scope or level invalidates the selection.
          const moved = scenario.level !== s.scenario.level || scenario.scope !== s.scenario.scope;
          return { scenario, ...(moved ? { selected: null } : {}) };
        }),
    ]),
  ) as ScenarioActions;
  return {
    ...scenarioActions,
    scenario: defaultScenario(),
    status: { phase: 'loading', step: 'catalog' },
    data: null,
    geo: null,
    units: {},
    baseUnits: {},
    derived: {},
    setDerived: (level, group, columns) =>
      set((s) => {
        const groups = { ...s.derived[level], [group]: columns };
        return { derived: { ...s.derived, [level]: groups }, units: { ...s.units, [level]: mergeUnits(s.baseUnits[level], groups) } };
      }),
    boundaries: {},
    levelError: null,
    selected: null,
    mapFocus: null,
    focusMap: (target) => set((s) => ({ mapFocus: { ...target, seq: (s.mapFocus?.seq ?? 0) + 1 } })),
    pendingFacility: null,
    setPendingFacility: (pendingFacility) => set({ pendingFacility }),
    facilities: null,
    facilitiesError: null,
    selectedFacility: null,
    setFacilities: (facilities) => set({ facilities, facilitiesError: null }),
    setFacilitiesError: (facilitiesError) => set({ facilitiesError }),
    selectFacility: (selectedFacility) => set({ selectedFacility, selectedConflict: null, selectedPlace: null }),
    conflicts: null,
    conflictsError: null,
    userConflicts: [],
    setConflicts: (conflicts) => set({ conflicts, conflictsError: null }),
    setConflictsError: (conflictsError) => set({ conflictsError }),
    // A file loaded again replaces its earlier events instead of doubling them.
    addUserConflicts: (upload) =>
      set((s) => ({ userConflicts: [...s.userConflicts.filter((u) => u.fileName !== upload.fileName), upload] })),
    // a card of a removed event would otherwise stay selected and show nothing
    removeUserConflicts: (fileName) =>
      set((s) => ({ userConflicts: s.userConflicts.filter((u) => u.fileName !== fileName), selectedConflict: null })),
    selectedConflict: null,
    selectConflict: (selectedConflict) => set({ selectedConflict, selectedFacility: null, selectedPlace: null }),
    access: null,
    accessError: null,
    accessNearest: null,
    accessTiming: null,
    setAccess: (access) => set({ access, accessError: null }),
    setAccessError: (accessError) => set({ accessError }),
    setAccessNearest: (accessNearest) => set({ accessNearest }),
    setAccessTiming: (accessTiming) => set({ accessTiming }),
    selectedPlace: null,
    selectPlace: (selectedPlace) => set({ selectedPlace, selectedFacility: null, selectedConflict: null }),
    dataPanelOpen: false,
    setStep: (step) => set({ status: { phase: 'loading', step } }),
    setData: (data) =>
      set((s) => ({
        data,
        geo: data.geo,
        status: { phase: 'ready' },
        baseUnits: { provincia: data.provincias },
        units: { provincia: mergeUnits(data.provincias, s.derived.provincia) },
        boundaries: { provincia: data.geo.provincias },
      })),
    setGeo: (geo) => set((s) => ({ geo, boundaries: { ...s.boundaries, provincia: geo.provincias } })),
    setError: (error) => set({ status: { phase: 'error', error } }),
    setLevelData: (level, units, boundaries) =>
      set((s) => ({
        baseUnits: { ...s.baseUnits, [level]: units },
        units: { ...s.units, [level]: mergeUnits(units, s.derived[level]) },
        boundaries: { ...s.boundaries, [level]: boundaries },
      })),
    setLevelError: (levelError) => set({ levelError }),
    // Selecting a unit closes the facility card: one explanation at a time.
    select: (selected) => set({ selected, selectedFacility: null, selectedConflict: null, selectedPlace: null }),
    setDataPanelOpen: (dataPanelOpen) => set({ dataPanelOpen }),
    setScenario: (scenario) => set({ scenario, selected: null, selectedConflict: null, selectedPlace: null }),
  };
});
