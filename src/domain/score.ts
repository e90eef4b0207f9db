import type { Direction } from './indicators';
import { normalise, type NormalisationMethod, type Winsorisation } from './normalise';
import { aggregate, type Aggregation } from './aggregate';
import { rankOrder } from './rankOrder';

export interface ScoreIndicator {
  id: string;
  direction: Direction;
  /** Raw weight, in any unit (points or %); it is normalised to sum 1 over the indicators. */
  weight: number;
  /** One value per unit, NaN where missing. */
  values: Float64Array;
  method?: NormalisationMethod;
  winsorise?: Winsorisation;
}

/** `reweight`: a unit's available indicators share its weight; `exclude`: any gap leaves it unranked. */
export type MissingPolicy = 'reweight' | 'exclude';

export interface ScoreInput {
  unitIds: string[];
  indicators: ScoreIndicator[];
  /** Indices of the units in scope; all units when absent. */
  scope?: Int32Array;
  aggregation?: Aggregation;
  missing?: MissingPolicy;
  /** Minimum share of the total weight a unit must have data for (default 0.65). */
  coverageThreshold?: number;
  /** Normalised values computed earlier for the same indicators and scope (skips that step). */
  normalised?: Float64Array[];
}

export interface ScoreResult {
  /** 0–100 score; NaN outside scope or with insufficient data. */
  score: Float64Array;
  /** 1 = highest priority; 0 = not ranked (outside scope or insufficient data). */
  rank: Int32Array;
  /** Per indicator, per unit: normalised value (0–100, 100 = most need). */
  normalised: Float64Array[];
  /**
   * The part of a unit's score each indicator explains (one value per indicator); they add up
   * to the score. Computed on demand: a weight drag needs ranks, not every explanation.
   * NaN for every indicator when the unit is not ranked.
   */
  contributionsOf: (unit: number) => Float64Array;
  /** Share of the total weight covered by the unit's available data (0–1). */
  coverage: Float64Array;
  /** Unit indices ranked, best (rank 1) first. */
  order: Int32Array;
  /** Unit indices in scope with insufficient data, listed apart. */
  insufficient: Int32Array;
  /** Normalised weights (sum 1 over indicators with weight > 0). */
  weights: Float64Array;
}

function allUnits(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

export function normaliseIndicators(indicators: ScoreIndicator[], scope?: Int32Array): Float64Array[] {
  return indicators.map((ind) =>
    normalise(ind.values, {
      method: ind.method ?? { kind: 'minmax' },
      direction: ind.direction,
      subset: scope,
      winsorise: ind.winsorise,
    }),
  );
}

/**
 * Normalise within the scope, aggregate with the weights, rank. A unit whose available
 * indicators cover less than the threshold (or any gap, with `exclude`) is flagged instead of
 * ranked, so missing data never makes a unit look least in need.
 */
export function scoreUnits(input: ScoreInput): ScoreResult {
  const n = input.unitIds.length;
  const k = input.indicators.length;
  const threshold = input.coverageThreshold ?? 0.65;
  const missing = input.missing ?? 'reweight';
  const aggregation = input.aggregation ?? 'arithmetic';
  const scope = input.scope ?? allUnits(n);
  const totalWeight = input.indicators.reduce((s, ind) => s + Math.max(0, ind.weight), 0);
  const weights = Float64Array.from(input.indicators, (ind) =>
    totalWeight > 0 ? Math.max(0, ind.weight) / totalWeight : 0,
  );
  const normalised = input.normalised ?? normaliseIndicators(input.indicators, scope);
  const score = new Float64Array(n).fill(NaN);
  const coverage = new Float64Array(n).fill(NaN);
  const ranked = new Int32Array(scope.length);
  let nRanked = 0;
  const insufficient: number[] = [];
  const row = new Float64Array(k);
  const scratch = new Float64Array(k);

  const geometric = aggregation === 'geometric';
  for (let p = 0; p < scope.length; p++) {
    const i = scope[p];
    let covered = 0;
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const v = weights[j] > 0 ? normalised[j][i] : NaN;
      row[j] = v;
      if (v === v) {
        covered += weights[j];
        sum += weights[j] * v;
      }
    }
    coverage[i] = covered;
    const complete = covered > 1 - 1e-9;
    if (covered === 0 || covered < threshold - 1e-12 || (missing === 'exclude' && !complete)) {
      insufficient.push(i);
      continue;
    }
    // Arithmetic is inlined for speed (a weight drag re-runs this for every unit): the same
    // formula as aggregate('arithmetic'), weights renormalised over the available values.
    score[i] = geometric ? aggregate('geometric', row, weights, scratch) : sum / covered;
    ranked[nRanked++] = i;
  }

  // Highest score first; ties broken by code so the order is deterministic.
  const order = rankOrder(score, ranked.subarray(0, nRanked), input.unitIds);
  const rank = new Int32Array(n);
  for (let pos = 0; pos < nRanked; pos++) {
    const unit = order[pos];
    const prev = order[pos - 1];
    // Equal scores share a rank (standard competition ranking: 1, 2, 2, 4).
    rank[unit] = pos > 0 && score[prev] === score[unit] ? rank[prev] : pos + 1;
  }

  return {
    score,
    rank,
    normalised,
    contributionsOf: (unit) => {
      const out = new Float64Array(k).fill(NaN);
      if (rank[unit] === 0) return out;
      const values = normalised.map((col, j) => (weights[j] > 0 ? col[unit] : NaN));
      aggregate(aggregation, values, weights, out);
      return out;
    },
    coverage,
    order,
    insufficient: Int32Array.from(insufficient),
    weights,
  };
}
