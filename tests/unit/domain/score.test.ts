import { describe, expect, it } from 'vitest';
import { scoreUnits } from '../../../src/domain/score';

const f = (xs: number[]) => Float64Array.from(xs);

describe('scoreUnits', () => {
  it('computes an equal-weight mean of normalised indicators (hand-checked)', () => {
    // A: need 100 on x (up), 0 on y (down, 9 is the max) → 50
    // B: x=5 → 50; y=5 → 100 - (5-1)/8*100 = 50 → 50
    // C: x=0 → 0; y=1 → 100 → 50 ... all tie? use distinct numbers instead
    const r = scoreUnits({
      unitIds: ['A', 'B', 'C'],
      indicators: [
        { id: 'x', direction: 'up', weight: 1, values: f([10, 5, 0]) },
        { id: 'y', direction: 'down', weight: 1, values: f([9, 3, 1]) },
      ],
    });
    // x normalised: A 100, B 50, C 0; y normalised: A 0, B 75, C 100
    expect(Array.from(r.score)).toEqual([50, 62.5, 50]);
    expect(r.rank[1]).toBe(1);
    // A and C tie at 50 and share rank 2; order is by code
    expect(r.rank[0]).toBe(2);
    expect(r.rank[2]).toBe(2);
    expect(Array.from(r.order)).toEqual([1, 0, 2]);
  });

  it('normalises weights given in points', () => {
    const r = scoreUnits({
      unitIds: ['A', 'B'],
      indicators: [
        { id: 'x', direction: 'up', weight: 30, values: f([1, 0]) },
        { id: 'y', direction: 'up', weight: 10, values: f([0, 1]) },
      ],
    });
    expect(Array.from(r.weights)).toEqual([0.75, 0.25]);
    expect(r.score[0]).toBeCloseTo(75, 12);
    expect(r.score[1]).toBeCloseTo(25, 12);
  });

  it('has contributions that add up to the score within 1e-9', () => {
    const r = scoreUnits({
      unitIds: ['A', 'B', 'C', 'D'],
      indicators: [
        { id: 'x', direction: 'up', weight: 2, values: f([3.3, 1.1, 7.7, 2.2]) },
        { id: 'y', direction: 'down', weight: 3, values: f([0.1, 0.9, 0.5, NaN]) },
        { id: 'z', direction: 'up', weight: 5, values: f([10, 20, 30, 40]) },
      ],
    });
    for (const i of r.order) {
      const sum = r.contributions.reduce((s, c) => s + c[i], 0);
      expect(Math.abs(sum - r.score[i])).toBeLessThan(1e-9);
    }
  });

  it('re-weights available indicators and flags units below the coverage threshold', () => {
    const r = scoreUnits({
      unitIds: ['A', 'B', 'C'],
      indicators: [
        { id: 'x', direction: 'up', weight: 1, values: f([0, 10, NaN]) },
        { id: 'y', direction: 'up', weight: 1, values: f([0, 10, 5]) },
        { id: 'z', direction: 'up', weight: 1, values: f([0, 10, NaN]) },
      ],
    });
    // C has 1/3 of the weight covered (< 0.65): not ranked, listed apart, score missing
    expect(Array.from(r.insufficient)).toEqual([2]);
    expect(r.rank[2]).toBe(0);
    expect(Number.isNaN(r.score[2])).toBe(true);
    expect(r.coverage[2]).toBeCloseTo(1 / 3, 12);
    expect(r.rank[1]).toBe(1);
  });

  it('ranks only the units in scope, normalising within it', () => {
    const r = scoreUnits({
      unitIds: ['A', 'B', 'C'],
      indicators: [{ id: 'x', direction: 'up', weight: 1, values: f([100, 2, 1]) }],
      scope: Int32Array.from([1, 2]),
    });
    expect(r.rank[0]).toBe(0);
    expect(r.score[1]).toBe(100);
    expect(r.score[2]).toBe(0);
    expect(Array.from(r.order)).toEqual([1, 2]);
  });
});
