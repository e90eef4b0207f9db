import type { DataError } from '../data/errors';
import type { Catalog } from '../data/catalog';
import type { Boundaries } from '../data/boundaries';
import type { Facilities } from '../data/facilities';
import type { AccessData } from '../data/places';
import type { NearestReply } from '../data/accessClient';
import type { LoadedTable, Geo } from '../data/loadApp';
import type { Units } from '../data/units';
import type { Level } from '../domain/indicators';
import type { ConflictEvent } from '../domain/conflictEvents';
import type { HotspotClass, LocalMoranResult } from '../domain/hotspots';
import type { SearchEntry } from '../domain/search';
import type { TextCode } from '../domain/textCode';
import type { LoadState } from './loadState';
import type { History } from './history';
import type { Ranking } from './ranking';
import type { Scenario } from './scenario';
import type { LibraryEntry } from './scenarioLibrary';
import type { KeySpec, Register } from '../domain/userData';
import type { UserFileSummary } from '../domain/userSummary';
import type { SnapshotCheck } from '../data/indicatorSnapshot';
import type { ConsultResult, SchemaTable } from '../data/consulta';
import type { SeriesTable } from '../domain/series';
import type { LeftBehind } from './scenarioLink';
import type { Factor, UncertaintySummary } from '../domain/stability/uncertainty';
import type { SobolIndices } from '../domain/stability/sobol';

/**
 * The store's slices (after SQLRooms' composed room store): `scenario` (+ its undo history),
 * `data` (one LoadState per dataset), `derived` (columns and results computed in the browser,
 * always consistent with scenario + data) and `view` (selection, panels, focus).
 */

/** The engine once started: the catalogue and the tables loaded at start-up. The DataSource itself stays in the coordinator. */
export interface Engine {
  catalog: Catalog;
  tables: Record<string, LoadedTable>;
}

/** One level's SQL indicators and its boundaries. */
export interface LevelData {
  units: Units;
  boundaries: Boundaries;
}

/** One uploaded conflict-events file: its events and what could not be placed. */
/** The events of a conflict file the scenario references (`scenario.userData.conflictFiles`), once read. */
export interface UserConflictUpload {
  sha256: string;
  fileName: string;
  events: ConflictEvent[];
  rejected: number;
  /** Why it could not be read again (a file no longer in this browser): its events are missing. */
  error?: DataError;
}

/** A staged file's join (see DataSlice.staging): asked for by handle + key, its report when ready. */
export interface StagedJoin {
  handle: number;
  key: KeySpec;
  join: LoadState<{ summary: UserFileSummary; joinMs: number }>;
}

/** A run of the analyst's SQL («Consultas»): asked for by number, cancelled by flag, its result when done. */
export interface ConsultRun {
  run: number;
  sql: string;
  cancelled: boolean;
  result: LoadState<ConsultResult>;
}

export interface DataSlice {
  /** Start-up: catalogue, DuckDB-WASM, start tables, province indicators. */
  engine: LoadState<Engine>;
  /** Boundaries for the basemap and the first choropleth: they arrive before the engine is ready. */
  geo: Geo | null;
  levels: Record<Level, LoadState<LevelData>>;
  facilities: LoadState<Facilities>;
  conflicts: LoadState<ConflictEvent[]>;
  /** Conflict events the user loaded this session. */
  userConflicts: UserConflictUpload[];
  /** Populated places and the access worker. */
  access: LoadState<AccessData>;
  searchIndex: LoadState<SearchEntry[]>;
  /** The facility register for joining a user's file by IPRESS code (all facilities, with or without a point). */
  register: LoadState<Register>;
  /** The user's files the scenario references, read and joined (key: SHA-256). */
  userFiles: Record<string, LoadState<UserFileSummary>>;
  /**
   * The file being looked at in «Datos propios» before it joins the scenario: its rows stay in the
   * user-file worker under `handle`; the panel names the key, the coordinator runs the join there.
   */
  staging: StagedJoin | null;
  /** «Consultas» (issue 18): the last run asked for, and the tables the analyst can query (read again after a run). */
  consulta: ConsultRun | null;
  consultSchema: LoadState<SchemaTable[]>;
  /** Issue 19: every period the data hold, per level (loaded for «Tendencias» and the projection). */
  series: Record<Level, LoadState<SeriesTable>>;
  /** Workers found dead and replaced, their data loaded again (the notice counts them). */
  restarts: { engine: number; parquet: number; access: number };
  /**
   * The precomputed indicators the first map was ranked from (issue 16), for the scenario's level
   * at start-up: `pending` until the engine computes them again, then `verified` or `mismatch`
   * (shown as an error); `unused` when there was none for this scenario's definitions, or when the
   * scenario weighs an indicator only the engine computes (access, conflicts, own data).
   */
  snapshot: { status: 'unused' } | { status: 'pending'; level: Level } | { status: 'verified' | 'mismatch'; level: Level; check: SnapshotCheck };
}


/** Indicator columns computed in the browser, and how (shown where the SQL is shown for the others). */
export interface DerivedColumns {
  values: Record<string, Float64Array>;
  method: Record<string, TextCode[]>;
}

export interface Hotspots {
  result: LocalMoranResult;
  classOf: Map<string, HotspotClass>;
  counts: Partial<Record<HotspotClass, number>>;
  /** Changes with every recomputation: deck.gl's update trigger. */
  version: string;
}

export interface DerivedSlice {
  /** Browser-computed column groups ('conflicts', 'access') per level. */
  columns: Partial<Record<Level, Record<string, DerivedColumns>>>;
  /** SQL units with every derived group on top: what the ranking reads. */
  units: Partial<Record<Level, Units>>;
  /** Published and uploaded events in one list, and those in the scenario's time window. */
  conflictEvents: ConflictEvent[];
  conflictsInWindow: ConflictEvent[];
  /** The ranking of the scenario at its level; null until that level is loaded. */
  ranking: { units: Units; ranking: Ranking; version: number } | null;
  /** Local Moran's I of the conflict rate, while the hot-spot layer is shown. */
  hotspots: Hotspots | null;
  /** Facilities passing the layer's filter (indices), and those of them the pipeline flagged. */
  facilitiesShown: { visible: number[]; flagged: number[] };
  /** Nearest facility of every place for the scenario's category. */
  accessNearest: NearestReply | null;
  /** Last threshold/category change: main-thread round trip and worker time over every loaded level (ms). */
  accessTiming: { roundTripMs: number; workerMs: number } | null;
  /** Rank stability of the ranking (issue 14), from the stability worker; null before the first run. */
  stability: StabilityState | null;
}

/** The draws' result, per scope position of the ranking it was run on. */
export interface StabilityResult {
  /** The stability key this result was computed for (a version for views that cache on it). */
  key: string;
  /** Unit id per scope position, and the way back. */
  ids: string[];
  position: Map<string, number>;
  summary: UncertaintySummary;
  baseRanks: Int32Array;
  factors: Factor[];
  /** Units ranked in the scenario: the stable-band rule reads it. */
  ranked: number;
  seed: number;
  ms: number;
}

export interface StabilityState {
  /** The inputs (ranking version, settings, top N) the latest run was asked for. */
  key: string;
  /** `waiting`: inputs changed, the run starts once the change settles; the previous result stays on screen meanwhile. */
  status: 'waiting' | 'running' | 'ready' | 'error';
  /** 0–1, over the draws and then the Sobol design. */
  progress: number;
  phase: 'draws' | 'sobol' | null;
  result: StabilityResult | null;
  sobol: { indices: SobolIndices; factors: Factor[]; ms: number } | null;
  /** Set when `result` belongs to the current key (not a previous ranking's). */
  fresh: boolean;
  error: string | null;
}

/** What the detail area explains: one thing at a time. */
export type Selection =
  | { kind: 'none' }
  | { kind: 'unit'; ubigeo: string }
  | { kind: 'facility'; index: number }
  | { kind: 'conflict'; id: string }
  | { kind: 'place'; index: number };

export const NO_SELECTION: Selection = { kind: 'none' };

export type PhoneTab = 'mapa' | 'ranking' | 'detalle' | 'capas';
export const PHONE_TABS: readonly PhoneTab[] = ['mapa', 'ranking', 'detalle', 'capas'];

/** The workshop's full-screen views. */
export type WorkshopScreen = 'none' | 'compare' | 'present' | 'report' | 'consultas' | 'tendencias' | 'seguimiento';

export interface Notice {
  kind: 'info' | 'warning' | 'error';
  /** already translated lines */
  lines: string[];
}

/** The scenario panel and the workshop's screens: what is open, the notice, the saved list. */
export interface WorkshopView {
  panelOpen: boolean;
  screen: WorkshopScreen;
  notice: Notice | null;
  /** the saved entry the current scenario was opened from or saved as */
  currentId: string | null;
  /** The revision of that entry this tab holds: a save over it is refused if another tab saved since. */
  currentRevision: number | null;
  entries: LibraryEntry[];
  /** saved entries that could not be read */
  unreadable: number;
  /** The scenario came from a link made with files that stayed with its author: its ranking is computed without them. */
  linkLeftBehind: LeftBehind[];
}

export interface ViewSlice {
  selection: Selection;
  dataPanelOpen: boolean;
  /** Where the map should go next (a search result); `seq` makes a repeat request a new one. */
  mapFocus: { ubigeo?: string; lonlat?: [number, number]; seq: number } | null;
  /** A facility asked for (by code) before the facilities were loaded. */
  pendingFacility: number | null;
  /** Levels a view needs besides the scenario's own (compare, report of another scenario). */
  levelsWanted: Level[];
  /** The search box has been used: build its index. */
  searchWanted: boolean;
  /** The user-data panel is open: load what joining a file needs (districts, register). */
  userDataWanted: boolean;
  /** «Consultas» was opened: its table list is loaded. */
  consultasWanted: boolean;
  /** «Tendencias» was opened: the series of the scenario's level are loaded. */
  trendsWanted: boolean;
  /** The first ranked map has been drawn (the engine's start waits for it; see TIMEOUTS.engineDefer). */
  firstMapDrawn: boolean;
  workshop: WorkshopView;
  /** The service worker: ready to work offline, a new version waiting, or registration failed. */
  appUpdate: AppUpdate;
  /** The left panels (layers, weights…): folded by width ('auto': folded on a laptop screen) or by the user. */
  leftPanel: 'auto' | 'open' | 'closed';
  /** On a phone (issue 17), the one part of the workspace shown: map, ranking, detail or layers and weights. */
  phoneTab: PhoneTab;
}

export interface AppUpdate {
  offlineReady: boolean;
  waiting: boolean;
  /** Another tab installed a new version: this one runs the old code and should reload. */
  updatedElsewhere: boolean;
  error: string | null;
}

export interface CoreState {
  scenario: Scenario;
  history: History;
  data: DataSlice;
  derived: DerivedSlice;
  view: ViewSlice;
}
