import { INDICATORS, indicatorById, type Direction, type Level } from '../domain/indicators';
import type { AhpWeighting } from './ahpWeighting';
import type { NormalisationMethod, Winsorisation } from '../domain/normalise';
import type { Aggregation } from '../domain/aggregate';
import type { MissingPolicy } from '../domain/score';
import { DEFAULT_PRESET_ID, presetById } from '../domain/presets';
import { FACILITY_GROUPS, type FacilityFilter } from '../domain/facilities';
import { DEFAULT_HEAT_WEIGHTS, type HeatWeights, type TimeWindow, type WindowKind } from '../domain/conflictWindow';
import type { AccessCategory } from '../domain/access';
import type { HotspotCorrection } from '../domain/hotspots';
import { APP_VERSION } from './appVersion';
import type { UserIndicator } from '../domain/userIndicators';
import type { UserFileRef } from '../domain/userData';
import { defaultDefinitions, type IndicatorDefinitions } from '../domain/universe';
import { defaultStabilitySettings, type StabilitySettings } from '../domain/stability/uncertainty';
import type { MonitoringEntry } from '../domain/monitoring';

/**
 * The scenario: everything that defines a ranking, and nothing derived. A plain, serialisable
 * object, so it can be saved, shared and compared.
 */
export interface ScenarioIndicator {
  id: string;
  /** Points as entered by the user; always shown normalised to 100 %. */
  weight: number;
  enabled: boolean;
  direction: Direction;
  method: NormalisationMethod;
  winsorise: Winsorisation | null;
}

export interface Scope {
  /** Department UBIGEO (2 digits); null = all of Peru. */
  departamento: string | null;
  /** Province UBIGEO (4 digits), only at district level; null = the whole department. */
  provincia: string | null;
}

/**
 * Map classes: equal score intervals, rank quantiles, equal intervals of P(top N) from the
 * stability run, or quantiles of one indicator's own values (the map of that one layer).
 */
export type ClassMode =
  | { kind: 'equal'; count: number }
  | { kind: 'quantile'; count: number }
  | { kind: 'ptop'; count: number }
  | { kind: 'indicator'; count: number; indicator: string };

/** «¿La IA agrega valor real?» */
export type AiAddsValue = 'si' | 'no' | 'no_sabemos';
/** A workshop group's canvas («mesa de trabajo»). */
export interface ScenarioCanvas {
  /** «¿Qué decisión tomamos hoy?» */
  decision: string;
  /** «¿Cómo los datos pueden mejorar esa decisión?» */
  innovation: string;
  ai: { addsValue: AiAddsValue | null; why: string };
}
/** Time window of the event layers (ISO dates); null = open. Defined with the window logic. */
export type { TimeWindow };
/** What a workshop adds to a ranking: question, canvas, minutes and provenance. Applying a preset keeps it. */
export interface ScenarioWorkshop {
  title: string;
  /** The decision question; empty = the app's question. */
  question: string;
  canvas: ScenarioCanvas;
  participants: string[];
  agreements: string;
  /** Who decided what: the ranking is an input to a human decision, not the decision. */
  decisions: string;
  author: string;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
  appVersion: string;
  /** catalog.json `inputsSha256` of the data the scenario was made with; null until known. */
  dataVersion: string | null;
  timeWindow: TimeWindow;
  /**
   * «Consultas» (issue 18): the analyst's SQL as last written (run on demand), and the query the
   * indicators made from a result come from (run again when the scenario is reopened; '' = none).
   */
  consulta: { sql: string; mapped: string };
  /** Issue 19: the investment decided per unit and what was spent (planned, executed, date). */
  monitoreo: MonitoringEntry[];
}

export const SCENARIO_VERSION = 2;

export function defaultWorkshop(now = new Date().toISOString()): ScenarioWorkshop {
  return {
    title: '',
    question: '',
    canvas: { decision: '', innovation: '', ai: { addsValue: null, why: '' } },
    participants: [],
    agreements: '',
    decisions: '',
    author: '',
    createdAt: now,
    updatedAt: now,
    appVersion: APP_VERSION,
    dataVersion: null,
    timeWindow: { from: null, to: null },
    consulta: { sql: '', mapped: '' },
    monitoreo: [],
  };
}

/** The workshop part of a scenario, to carry it over a preset change. */
export function workshopOf(s: Scenario): ScenarioWorkshop {
  const d = defaultWorkshop();
  return Object.fromEntries(Object.keys(d).map((k) => [k, s[k as keyof ScenarioWorkshop]])) as unknown as ScenarioWorkshop;
}

export interface Scenario extends ScenarioWorkshop {
  version: 2;
  presetId: string;
  level: Level;
  scope: Scope;
  indicators: ScenarioIndicator[];
  aggregation: Aggregation;
  missing: MissingPolicy;
  coverageThreshold: number;
  /** Facility universe and the rules of the facility-based indicators (issue 12): changing them reruns their SQL. */
  definitions: IndicatorDefinitions;
  /** Map classes (see ClassMode). */
  classes: ClassMode;
  /** The first N of the ranking are highlighted. */
  topN: number;
  /** What the map shows: part of the scenario, so a shared scenario shows the same map. */
  layers: MapLayers;
  /** The user's own files (kept in this browser's file store, by SHA-256) and the indicators made from them. */
  userData: UserData;
  /** Rank stability (issue 14): the assumptions marked as uncertain, draws and seed; part of every export. */
  stability: StabilitySettings;
  /** Weights from pairwise comparisons by one or several participants (issue 20); null: points set directly. */
  ahp: AhpWeighting | null;
}

/**
 * A file of conflict events the scenario adds to the published ones. The file stays in this
 * browser's file store (by SHA-256) and is read again after a reload; links do not carry it.
 */
export interface ConflictFileRef {
  sha256: string;
  name: string;
  bytes: number;
  /** Events placed and rows left out when it was loaded. */
  events: number;
  rejected: number;
  /** The source written on rows that name none (in the language of the upload). */
  fuente: string;
}

export interface UserData {
  files: UserFileRef[];
  indicators: UserIndicator[];
  conflictFiles: ConflictFileRef[];
}
export const emptyUserData = (): UserData => ({ files: [], indicators: [], conflictFiles: [] });

export interface LayerState {
  visible: boolean;
  /** 0–1 */
  opacity: number;
}
export interface MapLayers {
  basemap: LayerState;
  departamentos: LayerState;
  provincias: LayerState;
  distritos: LayerState;
  choropleth: LayerState;
  /** Unit names (the top N with their rank), decluttered on screen. */
  labels: LayerState;
  /** Health facilities, filtered; `flags` rings the points the pipeline flagged. */
  facilities: LayerState & FacilityFilter & { flags: boolean; universeOnly: boolean };
  /** Conflict heatmap: kernel radius (px), intensity, weights by status and violence, window kind. */
  conflictHeatmap: LayerState & { radiusPx: number; intensity: number; weights: HeatWeights; windowKind: WindowKind };
  conflictPoints: LayerState;
  /**
   * Local Moran's I of the conflict rate over provinces: significance level (the FDR level q
   * with correction 'fdr'), number of permutations, their seed and the multiple-testing correction.
   */
  hotspots: LayerState & { alpha: number; permutations: number; seed: number; correction: HotspotCorrection };
  /**
   * Populated places and the access-gap settings. The threshold and the facility category also
   * drive the access indicators, so they belong to the scenario even when the layer is hidden.
   */
  places: LayerState & { thresholdKm: number; category: AccessCategory; colourBy: 'distance' | 'threshold'; showLine: boolean };
}

export function defaultLayers(): MapLayers {
  return {
    basemap: { visible: true, opacity: 1 },
    departamentos: { visible: true, opacity: 1 },
    provincias: { visible: false, opacity: 0.8 },
    distritos: { visible: false, opacity: 0.6 },
    choropleth: { visible: true, opacity: 0.92 },
    labels: { visible: true, opacity: 1 },
    facilities: {
      visible: false,
      opacity: 0.9,
      categories: [...FACILITY_GROUPS],
      institutions: null,
      minAge: null,
      maxAge: null,
      includeUnknownAge: true,
      flags: false,
      // off: the layer shows the whole register; on: only the facilities the ranking counts
      universeOnly: false,
    },
    conflictHeatmap: { visible: false, opacity: 0.8, radiusPx: 40, intensity: 1, weights: { ...DEFAULT_HEAT_WEIGHTS }, windowKind: 'todo' },
    conflictPoints: { visible: false, opacity: 1 },
    hotspots: { visible: false, opacity: 0.85, alpha: 0.05, permutations: 999, seed: 20240301, correction: 'none' },
    places: { visible: false, opacity: 0.8, thresholdKm: 30, category: 'any', colourBy: 'threshold', showLine: true },
  };
}

export const DEFAULT_WINSORISATION: Winsorisation = { lower: 0.05, upper: 0.95 };

/** Every catalogue indicator, enabled and weighted as the preset says, the rest off. */
export function scenarioFromPreset(presetId: string, keep?: Pick<Scenario, 'level' | 'scope'> & Partial<Pick<Scenario, 'layers'>>): Scenario {
  const preset = presetById(presetId);
  const inPreset = new Map(preset.indicators.map((p) => [p.id, p]));
  return {
    ...defaultWorkshop(),
    version: 2,
    presetId,
    level: keep?.level ?? 'provincia',
    scope: keep?.scope ?? { departamento: null, provincia: null },
    indicators: INDICATORS.map((def) => {
      const p = inPreset.get(def.id);
      return {
        id: def.id,
        weight: p?.weight ?? 0,
        enabled: p !== undefined,
        direction: p?.direction ?? def.direction,
        method: p?.method ?? { kind: 'minmax' },
        winsorise: null,
      };
    }),
    aggregation: preset.aggregation,
    missing: preset.missing,
    coverageThreshold: preset.coverageThreshold,
    definitions: defaultDefinitions(preset.institutions),
    classes: { kind: 'equal', count: 5 },
    topN: 10,
    layers: keep?.layers ?? defaultLayers(),
    userData: emptyUserData(),
    stability: defaultStabilitySettings(),
    ahp: null,
  };
}

export function defaultScenario(): Scenario {
  return scenarioFromPreset(DEFAULT_PRESET_ID);
}

/** The indicators that count in the score at the scenario's level. */
export function activeIndicators(s: Scenario): ScenarioIndicator[] {
  const user = s.userData.indicators.filter((i) => i.enabled && i.weight > 0);
  return [...s.indicators.filter((i) => i.enabled && i.weight > 0 && indicatorById(i.id).levels.includes(s.level)), ...user];
}
