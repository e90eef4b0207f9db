import type { Direction } from './indicators';
import { minMax } from './normalise';

export interface ScoreIndicator {
  id: string;
  direction: Direction;
  /** Raw weight, in any unit (points or %); it is normalised to sum 1 over the enabled indicators. */
  weight: number;
  /** One value per unit, NaN where missing. */
  values: Float64Array;
}

export interface ScoreInput {
  unitIds: string[];
  indicators: ScoreIndicator[];
  /** Indices of the units in scope; all units when absent. */
  scope?: Int32Array;
  /** Minimum share of the total weight a unit must have data for (default 0.65). */
  coverageThreshold?: number;
}

export interface ScoreResult {
  /** 0–100 weighted mean of normalised indicators; NaN outside scope or with insufficient data. */
  score: Float64Array;
  /** 1 = highest priority; 0 = not ranked (outside scope or insufficient data). */
  rank: Int32Array;
  /** Per indicator, per unit: normalised value (0–100, 100 = most need). */
  normalised: Float64Array[];
  /** Per indicator, per unit: weight share × normalised value; they add up to the score. */
  contributions: Float64Array[];
  /** Share of the total weight covered by the unit's available data (0–1). */
  coverage: Float64Array;
  /** Unit indices ranked, best (rank 1) first. */
  order: Int32Array;
  /** Unit indices in scope with insufficient data, listed apart. */
  insufficient: Int32Array;
  /** Normalised weights (sum 1 over indicators with weight > 0). */
  weights: Float64Array;
}

/**
 * Provisional priority score: min-max normalisation within the scope, then a weighted
 * arithmetic mean. Missing data re-weights the unit's available indicators; a unit whose
 * available indicators cover less than the threshold is flagged instead of ranked.
 */
export function scoreUnits(input: ScoreInput): ScoreResult {
  const n = input.unitIds.length;
  const k = input.indicators.length;
  const threshold = input.coverageThreshold ?? 0.65;
  const scope = input.scope ?? Int32Array.from({ length: n }, (_, i) => i);
  const totalWeight = input.indicators.reduce((s, ind) => s + Math.max(0, ind.weight), 0);
  const weights = Float64Array.from(input.indicators, (ind) =>
    totalWeight > 0 ? Math.max(0, ind.weight) / totalWeight : 0,
  );
  const normalised = input.indicators.map((ind) => minMax(ind.values, ind.direction, scope));
  const contributions = input.indicators.map(() => new Float64Array(n).fill(NaN));
  const score = new Float64Array(n).fill(NaN);
  const coverage = new Float64Array(n).fill(NaN);
  const ranked: number[] = [];
  const insufficient: number[] = [];

  for (const i of scope) {
    let covered = 0;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = normalised[j][i];
      if (weights[j] > 0 && !Number.isNaN(v)) {
        covered += weights[j];
        sum += weights[j] * v;
      }
    }
    coverage[i] = covered;
    if (covered === 0 || covered < threshold - 1e-12) {
      insufficient.push(i);
      continue;
    }
    score[i] = sum / covered;
    for (let j = 0; j < k; j++) {
      const v = normalised[j][i];
      contributions[j][i] = weights[j] > 0 && !Number.isNaN(v) ? (weights[j] * v) / covered : 0;
    }
    ranked.push(i);
  }

  // Highest score first; ties broken by code so the order is deterministic.
  ranked.sort((a, b) => score[b] - score[a] || (input.unitIds[a] < input.unitIds[b] ? -1 : 1));
  const rank = new Int32Array(n);
  ranked.forEach((unit, pos) => {
    const prev = ranked[pos - 1];
    // Equal scores share a rank (standard competition ranking: 1, 2, 2, 4).
    rank[unit] = pos > 0 && score[prev] === score[unit] ? rank[prev] : pos + 1;
  });

  return {
    score,
    rank,
    normalised,
    contributions,
    coverage,
    order: Int32Array.from(ranked),
    insufficient: Int32Array.from(insufficient),
    weights,
  };
}
