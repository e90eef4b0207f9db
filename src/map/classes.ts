import type { ClassMode } from '../state/scenario';
import type { Ranking } from '../state/ranking';
import { NO_DATA, OUT_OF_SCOPE, paletteFor, rankClass, scoreClass, type RGBA } from './palette';

/** The class of every unit (-1: no data), by equal score intervals or by rank quantiles. */
export function unitClasses(ranking: Ranking, mode: ClassMode): Int8Array {
  const n = ranking.score.length;
  const out = new Int8Array(n).fill(-1);
  const ranked = ranking.order.length;
  for (const i of ranking.scopeIndices) {
    out[i] = mode.kind === 'equal' ? scoreClass(ranking.score[i], mode.count) : rankClass(ranking.rank[i], ranked, mode.count);
  }
  return out;
}

export function classColour(cls: number, inScope: boolean, palette: RGBA[]): RGBA {
  if (!inScope) return OUT_OF_SCOPE;
  return cls < 0 ? NO_DATA : palette[cls];
}

/** Legend rows for a mode: equal intervals show score bounds, quantiles show rank bounds. */
export function legendRanges(mode: ClassMode, ranked: number): { from: number; to: number }[] {
  const count = paletteFor(mode.count).length;
  return Array.from({ length: count }, (_, c) => {
    if (mode.kind === 'equal') return { from: (c * 100) / count, to: ((c + 1) * 100) / count };
    // class c holds ranks whose quantile falls in it; darkest (c = count-1) holds the best ranks
    const q = count - 1 - c;
    return { from: Math.ceil((q * ranked) / count) + 1, to: Math.ceil(((q + 1) * ranked) / count) };
  });
}
