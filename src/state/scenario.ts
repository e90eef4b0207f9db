import { INDICATORS, indicatorById, type Direction, type Level } from '../domain/indicators';
import type { NormalisationMethod, Winsorisation } from '../domain/normalise';
import type { Aggregation } from '../domain/aggregate';
import type { MissingPolicy } from '../domain/score';
import { DEFAULT_PRESET_ID, presetById } from '../domain/presets';
import { FACILITY_GROUPS, type FacilityFilter } from '../domain/facilities';

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

export type ClassMode = { kind: 'equal'; count: number } | { kind: 'quantile'; count: number };

export interface Scenario {
  version: 1;
  presetId: string;
  level: Level;
  scope: Scope;
  indicators: ScenarioIndicator[];
  aggregation: Aggregation;
  missing: MissingPolicy;
  coverageThreshold: number;
  /** Map classes: equal intervals of the score, or quantiles of the rank. */
  classes: ClassMode;
  /** The first N of the ranking are highlighted. */
  topN: number;
  /** What the map shows: part of the scenario, so a shared scenario shows the same map. */
  layers: MapLayers;
}

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
  /** Health facilities, filtered; `flags` rings the points the pipeline flagged. */
  facilities: LayerState & FacilityFilter & { flags: boolean };
}

export function defaultLayers(): MapLayers {
  return {
    basemap: { visible: true, opacity: 1 },
    departamentos: { visible: true, opacity: 1 },
    provincias: { visible: false, opacity: 0.8 },
    distritos: { visible: false, opacity: 0.6 },
    choropleth: { visible: true, opacity: 0.92 },
    facilities: {
      visible: false,
      opacity: 0.9,
      categories: [...FACILITY_GROUPS],
      institutions: null,
      minAge: null,
      maxAge: null,
      includeUnknownAge: true,
      flags: false,
    },
  };
}

export const DEFAULT_WINSORISATION: Winsorisation = { lower: 0.05, upper: 0.95 };

/** Every catalogue indicator, enabled and weighted as the preset says, the rest off. */
export function scenarioFromPreset(presetId: string, keep?: Pick<Scenario, 'level' | 'scope'> & Partial<Pick<Scenario, 'layers'>>): Scenario {
  const preset = presetById(presetId);
  const inPreset = new Map(preset.indicators.map((p) => [p.id, p]));
  return {
    version: 1,
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
    classes: { kind: 'equal', count: 5 },
    topN: 10,
    layers: keep?.layers ?? defaultLayers(),
  };
}

export function defaultScenario(): Scenario {
  return scenarioFromPreset(DEFAULT_PRESET_ID);
}

/** The indicators that count in the score at the scenario's level. */
export function activeIndicators(s: Scenario): ScenarioIndicator[] {
  return s.indicators.filter((i) => i.enabled && i.weight > 0 && indicatorById(i.id).levels.includes(s.level));
}
