import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from '../../../src/domain/rankCorrelation';

describe('spearman', () => {
  it('gives average ranks to ties', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  it('matches a hand-computed example without ties', () => {
    // Ranks x: 1 2 3 4 5; ranks y: 2 1 4 3 5 → Σd² = 4 → ρ = 1 − 6·4 / (5·24) = 0.8
    const r = spearman([1, 2, 3, 4, 5], [20, 10, 40, 30, 50]);
    expect(r.rho).toBeCloseTo(0.8, 12);
    expect(r.n).toBe(5);
  });

  it('handles ties as the Pearson correlation of average ranks', () => {
    // x ranks 1, 2.5, 2.5, 4 (deviations −1.5, 0, 0, 1.5); y ranks 1…4 (−1.5, −0.5, 0.5, 1.5):
    // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → ρ = 4.5 / √(4.5 · 5) = 0.9487
    expect(spearman([1, 2, 2, 3], [1, 2, 3, 4]).rho).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
  });

  it('is ±1 for monotonic relations and skips missing pairs', () => {
    expect(spearman([1, 2, 3, NaN, 4], [1, 4, 9, 7, 16])).toEqual({ rho: 1, n: 4 });
    expect(spearman([1, 2, 3], [3, 2, 1]).rho).toBeCloseTo(-1, 12);
    expect(Number.isNaN(spearman([1, 1, 1], [1, 2, 3]).rho)).toBe(true);
  });
});
