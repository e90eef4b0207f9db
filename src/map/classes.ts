import type { ClassMode, Scenario } from '../state/scenario';
import type { Ranking } from '../state/ranking';
import { NO_DATA, OUT_OF_SCOPE, paletteFor, rankClass, scoreClass } from './palette';

/** One indicator's raw values per unit, and which way is "more priority", for the map coloured by it. */
export interface IndicatorColumn {
  values: ArrayLike<number>;
  direction: 'up' | 'down';
}

/**
 * The column the map is coloured by in the indicator mode, with the scenario's direction for it
 * (the user may have turned it); null in other modes or when the units lack the indicator.
 */
export function indicatorColumn(mode: ClassMode, s: Pick<Scenario, 'indicators' | 'userData'>, values: Readonly<Record<string, ArrayLike<number>>>): IndicatorColumn | null {
  if (mode.kind !== 'indicator') return null;
  const column = values[mode.indicator];
  const ind = s.indicators.find((i) => i.id === mode.indicator) ?? s.userData.indicators.find((i) => i.id === mode.indicator);
  return column && ind ? { values: column, direction: ind.direction } : null;
}

/** What the modes beyond the score need: P(top N) per unit from a stability run, or an indicator's column. */
export interface ClassInputs {
  pTop?: Float64Array | null;
  indicator?: IndicatorColumn | null;
}

/**
 * The class of every unit (-1: no data): equal score intervals, rank quantiles, equal intervals
 * of the probability of being in the top N, or quantiles of one indicator's values.
 */
export function unitClasses(ranking: Ranking, mode: ClassMode, inputs: ClassInputs = {}): Int8Array {
  const n = ranking.score.length;
  const out = new Int8Array(n).fill(-1);
  const scope = ranking.scopeIndices;
  if (mode.kind === 'indicator') {
    if (inputs.indicator) indicatorClasses(inputs.indicator, scope, mode.count, out);
    return out;
  }
  const ranked = ranking.order.length;
  const pTop = inputs.pTop;
  for (let p = 0; p < scope.length; p++) {
    const i = scope[p];
    out[i] =
      mode.kind === 'equal'
        ? scoreClass(ranking.score[i], mode.count)
        : mode.kind === 'quantile'
          ? rankClass(ranking.rank[i], ranked, mode.count)
          : probabilityClass(pTop ? pTop[i] : NaN, mode.count);
  }
  return out;
}

/**
 * Quantile classes of an indicator's values over the scope, written into `out`. Equal values
 * share a class (a unit's class comes from the first position of its value in the sorted
 * list), so a class may stay empty when many units tie. The darkest class holds the values that
 * point to more priority: the highest for an indicator whose direction is up, the lowest for down.
 */
export function indicatorClasses(column: IndicatorColumn, scope: ArrayLike<number>, count: number, out: Int8Array): void {
  const sorted: number[] = [];
  for (let p = 0; p < scope.length; p++) {
    const v = column.values[scope[p]];
    if (Number.isFinite(v)) sorted.push(v);
  }
  sorted.sort((a, b) => a - b);
  const m = sorted.length;
  for (let p = 0; p < scope.length; p++) {
    const i = scope[p];
    const v = column.values[i];
    if (!Number.isFinite(v)) continue;
    const c = Math.min(count - 1, Math.floor((lowerBound(sorted, v) * count) / m));
    out[i] = column.direction === 'up' ? c : count - 1 - c;
  }
}

function lowerBound(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The lowest and highest value of each indicator class (null: the class is empty), for the
 * legend: the bounds are values units really have, not interpolated breaks.
 */
export function indicatorRanges(ranking: Ranking, mode: ClassMode & { kind: 'indicator' }, column: IndicatorColumn): ({ from: number; to: number } | null)[] {
  const count = paletteFor(mode.count).length;
  const cls = unitClasses(ranking, { ...mode, count }, { indicator: column });
  const out: ({ from: number; to: number } | null)[] = Array.from({ length: count }, () => null);
  for (let p = 0; p < ranking.scopeIndices.length; p++) {
    const i = ranking.scopeIndices[p];
    const c = cls[i];
    if (c < 0) continue;
    const v = column.values[i];
    const r = out[c];
    if (!r) out[c] = { from: v, to: v };
    else {
      r.from = Math.min(r.from, v);
      r.to = Math.max(r.to, v);
    }
  }
  return out;
}

/** Equal intervals of a probability (0–1); 1 falls in the top class. -1 when unknown. */
export function probabilityClass(p: number, count: number): number {
  if (!(p >= 0)) return -1;
  return Math.min(count - 1, Math.floor(p * count));
}

/**
 * The mode the map can draw: P(top N) needs a stability result; without one (another scenario's
 * static map, or before the first run ends) the map falls back to score intervals; so does an
 * indicator whose values are not there.
 */
export function drawableMode(mode: ClassMode, inputs: ClassInputs = {}): ClassMode {
  if (mode.kind === 'ptop' && !inputs.pTop) return { kind: 'equal', count: mode.count };
  // an indicator the units do not have (a user file not loaded, another level) draws the score
  if (mode.kind === 'indicator' && !inputs.indicator) return { kind: 'equal', count: mode.count };
  return mode;
}

/** The map's colour attributes: RGBA bytes per unit (4 per unit, in unit order) and the top-N flags. */
export interface UnitColours {
  fill: Uint8ClampedArray;
  top: Uint8Array;
  /** The top-N unit indices in rank order, as a string: changes only when that set does. */
  topKey: string;
}

/** Ranking → colours. This and the ranking are all a weight change recomputes. */
export function unitColours(ranking: Ranking, requested: ClassMode, topN: number, inputs: ClassInputs = {}): UnitColours {
  const mode = drawableMode(requested, inputs);
  const palette = paletteFor(mode.count);
  const cls = unitClasses(ranking, { ...mode, count: palette.length }, inputs);
  const n = ranking.score.length;
  const fill = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const c = ranking.inScope[i] !== 1 ? OUT_OF_SCOPE : cls[i] < 0 ? NO_DATA : palette[cls[i]];
    fill[i * 4] = c[0];
    fill[i * 4 + 1] = c[1];
    fill[i * 4 + 2] = c[2];
    fill[i * 4 + 3] = c[3];
  }
  const top = new Uint8Array(n);
  const count = Math.min(topN, ranking.order.length);
  for (let p = 0; p < count; p++) top[ranking.order[p]] = 1;
  return { fill, top, topKey: Array.from(ranking.order.subarray(0, count)).join(',') };
}

/** Legend rows for a mode: equal intervals show score bounds, quantiles show rank bounds. */
export function legendRanges(mode: ClassMode, ranked: number): { from: number; to: number }[] {
  const count = paletteFor(mode.count).length;
  return Array.from({ length: count }, (_, c) => {
    // equal intervals of the score (0–100) or of the probability (in %)
    if (mode.kind !== 'quantile') return { from: (c * 100) / count, to: ((c + 1) * 100) / count };
    // class c holds ranks whose quantile falls in it; darkest (c = count-1) holds the best ranks
    const q = count - 1 - c;
    return { from: Math.ceil((q * ranked) / count) + 1, to: Math.ceil(((q + 1) * ranked) / count) };
  });
}

/**
 * The legend's range of every class (null: an empty class, left out of the legend): score,
 * rank or probability bounds, or the lowest and highest value of an indicator's class.
 */
export function classRanges(mode: ClassMode, ranking: Ranking, inputs: ClassInputs = {}): ({ from: number; to: number } | null)[] {
  if (mode.kind === 'indicator') return inputs.indicator ? indicatorRanges(ranking, mode, inputs.indicator) : [];
  return legendRanges(mode, ranking.order.length);
}
