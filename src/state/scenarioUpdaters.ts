import type { Level } from '../domain/indicators';
import { startAhp, withAhpWeights, type AhpWeighting } from './ahpWeighting';
import type { NormalisationMethod, Winsorisation } from '../domain/normalise';
import type { Aggregation } from '../domain/aggregate';
import type { MissingPolicy } from '../domain/score';
import type { Direction } from '../domain/indicators';
import type { IndicatorDefinitions } from '../domain/universe';
import { userDataUpdaters } from './userDataUpdaters';
import type { StabilitySettings } from '../domain/stability/uncertainty';
import { upsertEntry, type MonitoringEntry } from '../domain/monitoring';
import { scenarioFromPreset, workshopOf, type ClassMode, type MapLayers, type Scenario, type ScenarioIndicator, type ScenarioWorkshop, type Scope } from './scenario';

/**
 * Pure scenario updaters (after kepler.gl's `*-updaters.ts`): each takes a scenario and
 * returns a new one. The store only wires them; tests call them directly.
 */
const patchIndicator = (s: Scenario, id: string, patch: Partial<ScenarioIndicator>): Scenario => ({
  ...s,
  indicators: s.indicators.map((i) => (i.id === id ? { ...i, ...patch } : i)),
});

export const updaters = {
  setScope: (s: Scenario, scope: Scope): Scenario => ({ ...s, scope }),
  setLevel: (s: Scenario, level: Level): Scenario => ({
    ...s,
    level,
    // A province filter only means something at district level.
    scope: level === 'provincia' ? { ...s.scope, provincia: null } : s.scope,
  }),
  /** Weight in points (any non-negative number); a positive weight turns the indicator on. */
  setWeight: (s: Scenario, id: string, weight: number): Scenario =>
    patchIndicator(s, id, { weight: Math.max(0, Number.isFinite(weight) ? weight : 0), ...(weight > 0 ? { enabled: true } : {}) }),
  setEnabled: (s: Scenario, id: string, enabled: boolean): Scenario => {
    const current = s.indicators.find((i) => i.id === id);
    // Turning on an indicator without weight gives it 10 points, so the switch has a visible effect.
    return patchIndicator(s, id, { enabled, ...(enabled && current && current.weight === 0 ? { weight: 10 } : {}) });
  },
  setDirection: (s: Scenario, id: string, direction: Direction): Scenario => patchIndicator(s, id, { direction }),
  setMethod: (s: Scenario, id: string, method: NormalisationMethod): Scenario => patchIndicator(s, id, { method }),
  setWinsorise: (s: Scenario, id: string, winsorise: Winsorisation | null): Scenario => patchIndicator(s, id, { winsorise }),
  setAggregation: (s: Scenario, aggregation: Aggregation): Scenario => ({ ...s, aggregation }),
  setMissing: (s: Scenario, missing: MissingPolicy): Scenario => ({ ...s, missing }),
  setCoverageThreshold: (s: Scenario, coverageThreshold: number): Scenario => ({
    ...s,
    coverageThreshold: Math.min(1, Math.max(0, coverageThreshold)),
  }),
  /** Universe and rules of the facility-based indicators (issue 12); the coordinator reruns their SQL. */
  setDefinitions: (s: Scenario, patch: Partial<IndicatorDefinitions>): Scenario => ({ ...s, definitions: { ...s.definitions, ...patch } }),
  setClasses: (s: Scenario, classes: ClassMode): Scenario => ({ ...s, classes }),
  setTopN: (s: Scenario, topN: number): Scenario => ({ ...s, topN: Math.max(0, Math.round(topN)) }),
  /** Applies a preset, keeping where the user is looking (level and scope) and the workshop's canvas. */
  applyPreset: (s: Scenario, presetId: string): Scenario => ({
    ...scenarioFromPreset(presetId, { level: s.level, scope: s.scope, layers: s.layers }),
    ...workshopOf(s),
    // the user's own files and indicators stay (they are not part of any preset), and so do the analyst's stability settings
    userData: s.userData,
    stability: s.stability,
  }),
  /** Which assumptions the stability analysis varies, draws and seed (issue 14). */
  setStability: (s: Scenario, patch: Partial<StabilitySettings>): Scenario => ({ ...s, stability: { ...s.stability, ...patch } }),
  /** Question, canvas, minutes, title, author (see ScenarioWorkshop). */
  setWorkshop: (s: Scenario, patch: Partial<ScenarioWorkshop>): Scenario => ({ ...s, ...patch }),
  /** «Consultas»: the SQL as written (the query behind mapped indicators stays `consulta.mapped`). */
  setConsultaSql: (s: Scenario, sql: string): Scenario => ({ ...s, consulta: { ...s.consulta, sql } }),
  /** Issue 19: one unit's planned and executed amounts (one entry per unit; the same unit again replaces it). */
  setMonitoringEntry: (s: Scenario, entry: MonitoringEntry): Scenario => ({ ...s, monitoreo: upsertEntry(s.monitoreo, entry) }),
  removeMonitoringEntry: (s: Scenario, ubigeo: string): Scenario => ({ ...s, monitoreo: s.monitoreo.filter((e) => e.ubigeo !== ubigeo) }),
  /** A file's entries over the scenario's: a unit in both takes the file's figures. */
  importMonitoring: (s: Scenario, entries: readonly MonitoringEntry[]): Scenario => ({ ...s, monitoreo: entries.reduce(upsertEntry, s.monitoreo) }),
  /** The conflict layers' time window; a reversed range is put in order rather than refused. */
  setTimeWindow: (s: Scenario, w: Scenario['timeWindow']): Scenario => ({
    ...s,
    timeWindow: w.from !== null && w.to !== null && w.from > w.to ? { from: w.to, to: w.from } : w,
  }),
  setLayer: <K extends keyof MapLayers>(s: Scenario, layer: K, patch: Partial<MapLayers[K]>): Scenario => ({
    ...s,
    layers: { ...s.layers, [layer]: { ...s.layers[layer], ...patch } },
  }),
  ...userDataUpdaters,
  /** Clears every indicator: the starting point to rebuild a preset by hand. */
  clearIndicators: (s: Scenario): Scenario => ({
    ...s,
    indicators: s.indicators.map((i) => ({ ...i, enabled: false, weight: 0 })),
    ahp: null,
  }),
  /** Pairwise comparison of the indicators that weigh now, starting from judgements close to their weights (issue 20). */
  startAhp: (s: Scenario, alias: string): Scenario => {
    const a = startAhp(s, alias);
    return a ? withAhpWeights(s, a) : s;
  },
  /** New judgements, participants or method: the group's weights go to the compared indicators. */
  setAhp: (s: Scenario, a: AhpWeighting): Scenario => withAhpWeights(s, a),
  /** Back to points set directly: the weights the comparison gave stay. */
  stopAhp: (s: Scenario): Scenario => ({ ...s, ahp: null }),
};

/** Weights normalised to percentages over the active indicators (what the UI shows). */
export function weightPercentages(s: Scenario, activeIds: string[]): Map<string, number> {
  const active = [...s.indicators, ...s.userData.indicators].filter((i) => activeIds.includes(i.id));
  const total = active.reduce((sum, i) => sum + i.weight, 0);
  return new Map(active.map((i) => [i.id, total > 0 ? (i.weight / total) * 100 : 0]));
}
