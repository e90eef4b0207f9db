import { describe, expect, it } from 'vitest';
import { biggestMoves, rankShifts, topOverlap, type RankedSet } from '../../../src/domain/compare';

/** Ranks of units 0..n-1 from an order (unit indices, first = rank 1); others unranked. */
function set(order: number[], n = 6): RankedSet {
  const rank = new Int32Array(n);
  order.forEach((u, p) => (rank[u] = p + 1));
  return { rank, order: Int32Array.from(order) };
}

describe('compare', () => {
  it('rank shifts: who moved up or down and by how much', () => {
    const a = set([0, 1, 2, 3, 4]);
    const b = set([2, 0, 1, 3, 5]);
    const rows = rankShifts(a, b);
    expect(rows.map((r) => r.unit)).toEqual([2, 0, 1, 3, 5, 4]);
    expect(rows.find((r) => r.unit === 2)!.shift).toBe(2);
    expect(rows.find((r) => r.unit === 0)!.shift).toBe(-1);
    expect(rows.find((r) => r.unit === 3)!.shift).toBe(0);
    expect(rows.find((r) => r.unit === 5)).toEqual({ unit: 5, rankA: null, rankB: 5, shift: null });
    expect(rows.find((r) => r.unit === 4)).toEqual({ unit: 4, rankA: 5, rankB: null, shift: null });
    const moves = biggestMoves(rows, 1);
    expect(moves.up.map((r) => r.unit)).toEqual([2]);
    expect(moves.down.map((r) => r.unit)).toEqual([0]);
  });

  it('top-N overlap: how many of the first N coincide, who enters and who leaves', () => {
    const a = set([0, 1, 2, 3, 4]);
    const b = set([2, 0, 5, 3, 1]);
    expect(topOverlap(a, b, 3)).toEqual({ common: 2, n: 3, entered: [5], left: [1] });
    expect(topOverlap(a, a, 10)).toEqual({ common: 5, n: 5, entered: [], left: [] });
  });
});
