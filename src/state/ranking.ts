import { indicatorById } from '../domain/indicators';
import { scoreUnits, type ScoreResult } from '../domain/score';
import type { Units } from '../data/loadApp';
import type { Scenario } from './scenario';

export interface Ranking extends ScoreResult {
  indicatorIds: string[];
  scopeIndices: Int32Array;
}

/** Indices of the units a scenario ranks. */
export function scopeIndices(units: Units, scenario: Scenario): Int32Array {
  const dep = scenario.scope.departamento;
  const out: number[] = [];
  units.ids.forEach((_, i) => {
    if (dep === null || units.ubigeoDep[i] === dep) out.push(i);
  });
  return Int32Array.from(out);
}

/** Scenario + units → ranking. Pure: touches no DuckDB, no geometry, so a weight change stays cheap. */
export function rankScenario(units: Units, scenario: Scenario): Ranking {
  const active = scenario.indicators.filter((s) => s.enabled && s.weight > 0);
  const scope = scopeIndices(units, scenario);
  const result = scoreUnits({
    unitIds: units.ids,
    scope,
    coverageThreshold: scenario.coverageThreshold,
    indicators: active.map((s) => ({
      id: s.id,
      direction: indicatorById(s.id).direction,
      weight: s.weight,
      values: units.values[s.id],
    })),
  });
  return { ...result, indicatorIds: active.map((s) => s.id), scopeIndices: scope };
}
