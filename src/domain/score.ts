import type { Direction } from './indicators';
import { normalise, type NormalisationMethod, type Winsorisation } from './normalise';
import { aggregate, type Aggregation } from './aggregate';

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
  /** Per indicator, per unit: the part of the score it explains; they add up to the score. */
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
  const scope = input.scope ?? Int32Array.from({ length: n }, (_, i) => i);
  const totalWeight = input.indicators.reduce((s, ind) => s + Math.max(0, ind.weight), 0);
  const weights = Float64Array.from(input.indicators, (ind) =>
    totalWeight > 0 ? Math.max(0, ind.weight) / totalWeight : 0,
  );
  const normalised = input.normalised ?? normaliseIndicators(input.indicators, scope);
  const contributions = input.indicators.map(() => new Float64Array(n).fill(NaN));
  const score = new Float64Array(n).fill(NaN);
  const coverage = new Float64Array(n).fill(NaN);
  const ranked = new Int32Array(scope.length);
  let nRanked = 0;
  const insufficient: number[] = [];
  const row = new Float64Array(k);
  const contrib = new Float64Array(k);

  for (const i of scope) {
    let covered = 0;
    for (let j = 0; j < k; j++) {
      const v = weights[j] > 0 ? normalised[j][i] : NaN;
      row[j] = v;
      if (!Number.isNaN(v)) covered += weights[j];
    }
    coverage[i] = covered;
    const complete = covered > 1 - 1e-9;
    if (covered === 0 || covered < threshold - 1e-12 || (missing === 'exclude' && !complete)) {
      insufficient.push(i);
      continue;
    }
    score[i] = aggregate(aggregation, row, weights, contrib);
    for (let j = 0; j < k; j++) contributions[j][i] = contrib[j];
    ranked[nRanked++] = i;
  }

  const order = ranked.subarray(0, nRanked);
  // Highest score first; ties broken by code so the order is deterministic.
  order.sort((a, b) => score[b] - score[a] || (input.unitIds[a] < input.unitIds[b] ? -1 : 1));
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
    contributions,
    coverage,
    order: Int32Array.from(order),
    insufficient: Int32Array.from(insufficient),
    weights,
  };
}
