/**
 * Two rankings of the same units, side by side: who moved up or down and by how much, and how
 * many of the first N coincide. Pure: ranks and orders in, plain rows out.
 */
export interface RankedSet {
  /** 1 = first; 0 = not ranked (out of scope or insufficient data). */
  rank: Int32Array;
  /** unit indices, rank 1 first */
  order: Int32Array;
}

export interface RankShift {
  unit: number;
  rankA: number | null;
  rankB: number | null;
  /** positions gained from A to B (positive = moved up); null when ranked in only one. */
  shift: number | null;
}

/** Every unit ranked in A or B, ordered by B's rank (then A's). */
export function rankShifts(a: RankedSet, b: RankedSet): RankShift[] {
  const units = new Set<number>([...a.order, ...b.order]);
  const rows = [...units].map((unit) => {
    const rankA = a.rank[unit] || null;
    const rankB = b.rank[unit] || null;
    return { unit, rankA, rankB, shift: rankA !== null && rankB !== null ? rankA - rankB : null };
  });
  const key = (r: number | null) => r ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((x, y) => key(x.rankB) - key(y.rankB) || key(x.rankA) - key(y.rankA) || x.unit - y.unit);
}

/** How many of A's first n are among B's first n. */
export function topOverlap(a: RankedSet, b: RankedSet, n: number): { common: number; n: number; entered: number[]; left: number[] } {
  const k = Math.min(n, a.order.length, b.order.length);
  const topA = Array.from(a.order.subarray(0, k));
  const topB = Array.from(b.order.subarray(0, k));
  const inB = new Set(topB);
  const inA = new Set(topA);
  return {
    common: topA.filter((u) => inB.has(u)).length,
    n: k,
    entered: topB.filter((u) => !inA.has(u)),
    left: topA.filter((u) => !inB.has(u)),
  };
}

/** The largest moves, up and down (ties by B's rank). */
export function biggestMoves(shifts: RankShift[], count: number): { up: RankShift[]; down: RankShift[] } {
  const moved = shifts.filter((s) => s.shift !== null && s.shift !== 0);
  return {
    up: moved.filter((s) => s.shift! > 0).sort((x, y) => y.shift! - x.shift!).slice(0, count),
    down: moved.filter((s) => s.shift! < 0).sort((x, y) => x.shift! - y.shift!).slice(0, count),
  };
}
