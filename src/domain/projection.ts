/**
 * The one predictive step the data allow (issue 19): population — the demand for services —
 * projected a few years ahead per unit with INEI's intercensal geometric growth rate,
 * r = (P₁ / P₀)^(1 / (t₁ − t₀)) − 1. It is offered only when a stated rule about the data holds
 * (`projectionGate`); otherwise the analysis stays descriptive. Pure: no React, no DuckDB.
 */

/** The population periods the projection reads: censuses 2007 and 2017, INEI's 2022 projection. */
export const PROJECTION_PERIODS = ['2007', '2017', '2022'] as const;
/** The rule: at least this many periods with data… */
export const MIN_PERIODS = 3;
/** …and at least this share of the scope's units with a positive value in every one of them. */
export const MIN_COMPLETENESS = 0.9;
/** Years ahead of the last period. */
export const HORIZON_YEARS = 5;

/** Annual geometric growth rate between two positive values `years` apart; NaN otherwise. */
export function geometricRate(from: number, to: number, years: number): number {
  if (!(from > 0) || !(to > 0) || !(years > 0)) return NaN;
  return Math.pow(to / from, 1 / years) - 1;
}

export interface SeriesPoint {
  year: number;
  value: number;
}

export interface UnitProjection {
  /** The year projected to. */
  year: number;
  /** With the rate of the latest interval. */
  value: number;
  /** With the lowest and the highest rate of the intervals: the range shown as uncertainty. */
  low: number;
  high: number;
  /** The rate used, and every interval's rate (oldest first). */
  rate: number;
  rates: number[];
}

/**
 * One unit's projection from its points (oldest first, at least two, all positive): the last
 * value grown at the latest interval's rate for `horizon` years; the range grows it at the lowest
 * and at the highest interval rate. NaN values when a point is missing or not positive.
 */
export function projectUnit(points: readonly SeriesPoint[], horizon = HORIZON_YEARS): UnitProjection {
  const last = points[points.length - 1];
  const year = (last?.year ?? NaN) + horizon;
  const rates: number[] = [];
  for (let k = 1; k < points.length; k++) rates.push(geometricRate(points[k - 1].value, points[k].value, points[k].year - points[k - 1].year));
  if (points.length < 2 || rates.some((r) => !Number.isFinite(r))) return { year, value: NaN, low: NaN, high: NaN, rate: NaN, rates };
  const grow = (r: number) => last.value * Math.pow(1 + r, horizon);
  const rate = rates[rates.length - 1];
  return { year, value: grow(rate), low: grow(Math.min(...rates)), high: grow(Math.max(...rates)), rate, rates };
}

export type GateReason = 'fewPeriods' | 'incomplete' | 'noUnits';

export interface GateResult {
  allowed: boolean;
  /** Periods with at least one value in the scope. */
  periods: number;
  /** Share of the scope's units with a positive value in every period. */
  completeness: number;
  units: number;
  complete: number;
  reason: GateReason | null;
}

/**
 * The data-sufficiency rule: `columns` holds one array per period (values per unit), `scope` the
 * units that count. Allowed with ≥ MIN_PERIODS periods holding data and ≥ MIN_COMPLETENESS of the
 * units complete; the reason says which part failed first.
 */
export function projectionGate(columns: readonly ArrayLike<number>[], scope: readonly number[], rule = { minPeriods: MIN_PERIODS, minCompleteness: MIN_COMPLETENESS }): GateResult {
  const periods = columns.filter((c) => scope.some((i) => Number.isFinite(c[i]))).length;
  const complete = scope.filter((i) => columns.every((c) => c[i] > 0)).length;
  const completeness = scope.length ? complete / scope.length : 0;
  const reason: GateReason | null =
    scope.length === 0 ? 'noUnits' : periods < rule.minPeriods ? 'fewPeriods' : completeness < rule.minCompleteness ? 'incomplete' : null;
  return { allowed: reason === null, periods, completeness, units: scope.length, complete, reason };
}
