import type { ClassMode } from '../state/scenario';
import type { Ranking } from '../state/ranking';
import { NO_DATA, OUT_OF_SCOPE, paletteFor, rankClass, scoreClass } from './palette';

/**
 * The class of every unit (-1: no data): equal score intervals, rank quantiles, or equal
 * intervals of the probability of being in the top N (`pTop`, per unit, NaN = unknown).
 */
export function unitClasses(ranking: Ranking, mode: ClassMode, pTop?: Float64Array | null): Int8Array {
  const n = ranking.score.length;
  const out = new Int8Array(n).fill(-1);
  const ranked = ranking.order.length;
  const scope = ranking.scopeIndices;
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

/** Equal intervals of a probability (0–1); 1 falls in the top class. -1 when unknown. */
export function probabilityClass(p: number, count: number): number {
  if (!(p >= 0)) return -1;
  return Math.min(count - 1, Math.floor(p * count));
}

/**
 * The mode the map can draw: P(top N) needs a stability result; without one (another scenario's
 * static map, or before the first run ends) the map falls back to score intervals.
 */
export function drawableMode(mode: ClassMode, pTop: Float64Array | null | undefined): ClassMode {
  return mode.kind === 'ptop' && !pTop ? { kind: 'equal', count: mode.count } : mode;
}

/** The map's colour attributes: RGBA bytes per unit (4 per unit, in unit order) and the top-N flags. */
export interface UnitColours {
  fill: Uint8ClampedArray;
  top: Uint8Array;
  /** The top-N unit indices in rank order, as a string: changes only when that set does. */
  topKey: string;
}

/** Ranking → colours. This and the ranking are all a weight change recomputes. */
export function unitColours(ranking: Ranking, requested: ClassMode, topN: number, pTop?: Float64Array | null): UnitColours {
  const mode = drawableMode(requested, pTop);
  const palette = paletteFor(mode.count);
  const cls = unitClasses(ranking, { ...mode, count: palette.length }, pTop);
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
