import { normaliseIndicators, scoreUnits, type ScoreIndicator, type ScoreResult } from '../domain/score';
import type { Units } from '../data/units';
import { activeIndicators, type Scenario } from './scenario';

export interface Ranking extends ScoreResult {
  indicatorIds: string[];
  scopeIndices: Int32Array;
  /** 1 for units in scope, 0 otherwise (one byte per unit, for the map). */
  inScope: Uint8Array;
}

/** Indices of the units a scenario ranks: a department's provinces, or the districts of a department or province. */
export function scopeIndices(units: Units, scenario: Scenario): Int32Array {
  const { departamento, provincia } = scenario.scope;
  const out: number[] = [];
  for (let i = 0; i < units.ids.length; i++) {
    if (departamento !== null && units.ubigeoDep[i] !== departamento) continue;
    if (units.level === 'distrito' && provincia !== null && units.ubigeoProv[i] !== provincia) continue;
    out.push(i);
  }
  return Int32Array.from(out);
}

/**
 * Caches normalised columns by everything that changes them (indicator, direction, method,
 * winsorisation, scope), so a weight change only re-aggregates and re-sorts.
 */
export class NormalisationCache {
  private cache = new Map<string, Float64Array>();
  private scopes = new Map<string, Int32Array>();
  private units: Units | null = null;

  private check(units: Units) {
    if (units !== this.units) {
      this.cache.clear();
      this.scopes.clear();
      this.units = units;
    }
  }

  scope(units: Units, scenario: Scenario, scopeKey: string): Int32Array {
    this.check(units);
    let idx = this.scopes.get(scopeKey);
    if (!idx) {
      idx = scopeIndices(units, scenario);
      this.scopes.set(scopeKey, idx);
    }
    return idx;
  }

  get(units: Units, ind: ScoreIndicator, scopeKey: string, scope: Int32Array): Float64Array {
    this.check(units);
    const key = JSON.stringify([ind.id, ind.direction, ind.method, ind.winsorise, scopeKey]);
    let col = this.cache.get(key);
    if (!col) {
      col = normaliseIndicators([ind], scope)[0];
      if (this.cache.size > 200) this.cache.clear();
      this.cache.set(key, col);
    }
    return col;
  }
}

/** Scenario + units → ranking. Pure over its inputs: no DuckDB, no geometry. */
export function rankScenario(units: Units, scenario: Scenario, cache?: NormalisationCache): Ranking {
  const active = activeIndicators(scenario).filter((s) => units.values[s.id]);
  const scopeKey = `${units.level}:${scenario.scope.departamento}:${scenario.scope.provincia}`;
  const scope = cache ? cache.scope(units, scenario, scopeKey) : scopeIndices(units, scenario);
  const indicators: ScoreIndicator[] = active.map((s) => ({
    id: s.id,
    direction: s.direction,
    weight: s.weight,
    values: units.values[s.id],
    method: s.method,
    winsorise: s.winsorise ?? undefined,
  }));
  const result = scoreUnits({
    unitIds: units.ids,
    scope,
    indicators,
    aggregation: scenario.aggregation,
    missing: scenario.missing,
    coverageThreshold: scenario.coverageThreshold,
    normalised: cache ? indicators.map((ind) => cache.get(units, ind, scopeKey, scope)) : undefined,
  });
  const inScope = new Uint8Array(units.ids.length);
  for (let p = 0; p < scope.length; p++) inScope[scope[p]] = 1;
  return { ...result, indicatorIds: active.map((s) => s.id), scopeIndices: scope, inScope };
}
