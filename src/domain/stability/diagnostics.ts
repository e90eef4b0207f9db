/**
 * Indicator diagnostics (issue 14), next to the rank stability: how the indicators of a ranking
 * relate to each other and to the score, over the units in scope.
 *
 * - Correlation: Pearson's r of every pair of normalised indicators, pairwise complete (a unit
 *   counts for a pair when it has both values). A pair above HIGH_CORRELATION may count the same
 *   need twice; a pair below NEGATIVE_CORRELATION pulls the ranking in opposite directions.
 * - Effective influence: the squared Pearson correlation of each indicator with the score over
 *   the ranked units, normalised to sum 1 over the indicators with weight — the "effective
 *   weight" of the JRC Competence Centre on Composite Indicators (COINr's correlation-based
 *   check). Compared with the nominal weight, it shows an indicator that moves the ranking far
 *   more (or far less) than its weight says.
 * - Coverage: the share of the units in scope with a value.
 *
 * Pure: no React, no i18n. Texts are TextCodes; indicator names come from `labelOf`, since the
 * catalogue keeps them per language (IndicatorDef.label) and user indicators carry the user's own.
 */
import { pearson } from '../rankCorrelation';
import type { TextCode } from '../textCode';

/** A pair correlated above this (r > 0.9) may count the same need twice. */
export const HIGH_CORRELATION = 0.9;
/** A pair correlated below this (r < 0) works against each other. */
export const NEGATIVE_CORRELATION = 0;
/** Fewer pairs than this give no correlation (NaN). */
export const MIN_CORRELATION_PAIRS = 3;

/** An indicator's name as a text parameter: the label itself, or an i18n key. */
export type IndicatorLabel = (id: string) => string | { key: string };

export interface DiagnosticsInput {
  ids: string[];
  /** Per indicator, per unit: normalised value (0–100, 100 = most need), NaN = missing. */
  normalised: Float64Array[];
  /** Per unit: the score (NaN = not ranked). */
  score: Float64Array;
  /** Indices of the units in scope. */
  scope: Int32Array;
  /** Normalised weights (sum 1 over the indicators with weight), one per indicator. */
  weights: Float64Array;
  /** Name of an indicator in the warnings (default: its id). The UI passes `indicatorById(id).label[lng]`. */
  labelOf?: IndicatorLabel;
}

export interface CorrelationWarning extends TextCode {
  key: 'stability.diag.highCorrelation' | 'stability.diag.negativeCorrelation';
  /** params: `a`, `b` (the indicators' names) and `r` (a number; the text formats it). */
  params: { a: string | { key: string }; b: string | { key: string }; r: number };
  kind: 'high' | 'negative';
  /** The pair's indicator ids (a before b in `ids`) and its correlation. */
  a: string;
  b: string;
  r: number;
}

export interface IndicatorInfluence {
  id: string;
  /** Nominal (normalised) weight. */
  weight: number;
  /** Squared Pearson correlation with the score over the ranked units in scope (NaN: too few pairs or constant). */
  r2: number;
  /** r² normalised to sum 1 over the indicators with weight > 0; NaN for an indicator without weight. */
  influence: number;
  /** influence / weight: 1 = as much as its weight says, above 1 = more. NaN without weight. */
  ratio: number;
}

export interface IndicatorCoverage {
  id: string;
  /** Share of the units in scope with a value (0–1; NaN for an empty scope). */
  share: number;
  /** Units in scope with a value. */
  present: number;
}

export interface IndicatorDiagnostics {
  ids: string[];
  correlation: {
    /** k×k Pearson's r, symmetric (NaN with fewer than MIN_CORRELATION_PAIRS pairs or a constant column). */
    r: number[][];
    /** k×k number of units in scope with both values. */
    n: number[][];
  };
  /** High pairs first (strongest first), then negative ones (most negative first); only pairs of indicators with weight. */
  warnings: CorrelationWarning[];
  influence: IndicatorInfluence[];
  coverage: IndicatorCoverage[];
}

/** Pearson's r over the units of `scope` where both columns have a value. */
function pairwise(x: Float64Array, y: Float64Array, scope: Int32Array, xs: Float64Array, ys: Float64Array): { r: number; n: number } {
  let n = 0;
  for (let p = 0; p < scope.length; p++) {
    const i = scope[p];
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) {
      xs[n] = a;
      ys[n] = b;
      n++;
    }
  }
  return { r: n < MIN_CORRELATION_PAIRS ? NaN : pearson(xs.subarray(0, n), ys.subarray(0, n)), n };
}

export function indicatorDiagnostics(input: DiagnosticsInput): IndicatorDiagnostics {
  const { ids, normalised, score, scope, weights } = input;
  const labelOf: IndicatorLabel = input.labelOf ?? ((id) => id);
  const k = ids.length;
  if (normalised.length !== k || weights.length !== k) throw new Error('indicatorDiagnostics: ids, normalised and weights differ in length');
  const xs = new Float64Array(scope.length);
  const ys = new Float64Array(scope.length);

  const r: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(NaN));
  const n: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const c = pairwise(normalised[a], normalised[b], scope, xs, ys);
      r[a][b] = r[b][a] = c.r;
      n[a][b] = n[b][a] = c.n;
    }
  }

  const high: CorrelationWarning[] = [];
  const negative: CorrelationWarning[] = [];
  for (let a = 0; a < k; a++) {
    if (!(weights[a] > 0)) continue;
    for (let b = a + 1; b < k; b++) {
      const rab = r[a][b];
      if (!(weights[b] > 0) || !Number.isFinite(rab)) continue;
      const params = { a: labelOf(ids[a]), b: labelOf(ids[b]), r: rab };
      if (rab > HIGH_CORRELATION) high.push({ key: 'stability.diag.highCorrelation', params, kind: 'high', a: ids[a], b: ids[b], r: rab });
      else if (rab < NEGATIVE_CORRELATION) negative.push({ key: 'stability.diag.negativeCorrelation', params, kind: 'negative', a: ids[a], b: ids[b], r: rab });
    }
  }
  high.sort((p, q) => q.r - p.r);
  negative.sort((p, q) => p.r - q.r);

  // Influence: r² with the score over the ranked units in scope (a NaN score is skipped by pairwise).
  const r2 = normalised.map((col) => {
    const c = pairwise(col, score, scope, xs, ys);
    return c.r * c.r;
  });
  let total = 0;
  // A constant (or nearly empty) active column has no r; it cannot move the ranking: influence 0.
  for (let j = 0; j < k; j++) if (weights[j] > 0 && Number.isFinite(r2[j])) total += r2[j];
  const influence: IndicatorInfluence[] = ids.map((id, j) => {
    const weight = weights[j];
    const active = weight > 0;
    const share = !active || !(total > 0) ? NaN : Number.isFinite(r2[j]) ? r2[j] / total : 0;
    return { id, weight, r2: r2[j], influence: share, ratio: active ? share / weight : NaN };
  });

  const coverage: IndicatorCoverage[] = ids.map((id, j) => {
    let present = 0;
    for (let p = 0; p < scope.length; p++) if (normalised[j][scope[p]] === normalised[j][scope[p]]) present++;
    return { id, share: scope.length > 0 ? present / scope.length : NaN, present };
  });

  return { ids, correlation: { r, n }, warnings: [...high, ...negative], influence, coverage };
}
