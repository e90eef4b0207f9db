import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreUnits } from '../../../src/domain/score';

const f = (xs: number[]) => Float64Array.from(xs);

describe('scoreUnits', () => {
  it('computes an equal-weight mean of normalised indicators (hand-checked)', () => {
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
      const sum = r.contributionsOf(i).reduce((s, c) => s + c, 0);
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

  it('with the exclude policy, any missing indicator leaves the unit unranked', () => {
    const r = scoreUnits({
      unitIds: ['A', 'B', 'C'],
      missing: 'exclude',
      indicators: [
        { id: 'x', direction: 'up', weight: 1, values: f([0, 10, 5]) },
        { id: 'y', direction: 'up', weight: 3, values: f([0, 10, NaN]) },
      ],
    });
    expect(Array.from(r.insufficient)).toEqual([2]);
    expect(Array.from(r.order)).toEqual([1, 0]);
  });

  it('supports the geometric aggregation', () => {
    const r = scoreUnits({
      unitIds: ['A', 'B'],
      aggregation: 'geometric',
      indicators: [
        { id: 'x', direction: 'up', weight: 1, values: f([0, 10]) },
        { id: 'y', direction: 'up', weight: 1, values: f([10, 0]) },
      ],
    });
    // A: x→0, y→100: exp(0.5 ln 1 + 0.5 ln 101) − 1 = √101 − 1
    expect(r.score[0]).toBeCloseTo(Math.sqrt(101) - 1, 12);
    expect(r.score[1]).toBeCloseTo(Math.sqrt(101) - 1, 12);
  });

  it('properties: ranks follow scores, contributions add up, units without enough data are flagged, never given a score', () => {
    const cell = fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((k) =>
          fc.tuple(
            fc.array(fc.array(cell, { minLength: k, maxLength: k }), { minLength: 2, maxLength: 40 }),
            fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
            fc.constantFrom('arithmetic' as const, 'geometric' as const),
          ),
        ),
        ([table, weights, aggregation]) => {
          const unitIds = table.map((_, i) => `u${String(i).padStart(3, '0')}`);
          const r = scoreUnits({
            unitIds,
            aggregation,
            indicators: weights.map((w, j) => ({
              id: `i${j}`,
              direction: j % 2 ? 'down' : 'up',
              weight: w,
              values: f(table.map((row) => row[j])),
            })),
          });
          expect(r.order.length + r.insufficient.length).toBe(table.length);
          for (let p = 1; p < r.order.length; p++) {
            expect(r.score[r.order[p]]).toBeLessThanOrEqual(r.score[r.order[p - 1]]);
            expect(r.rank[r.order[p]]).toBeGreaterThanOrEqual(r.rank[r.order[p - 1]]);
          }
          for (const i of r.order) {
            const sum = r.contributionsOf(i).reduce((s, c) => s + c, 0);
            expect(Math.abs(sum - r.score[i])).toBeLessThan(1e-9);
            expect(r.coverage[i]).toBeGreaterThanOrEqual(0.65 - 1e-12);
          }
          // a unit with missing values is either ranked on what it has, or flagged — its score is never a fake 0
          for (const i of r.insufficient) {
            expect(Number.isNaN(r.score[i])).toBe(true);
            expect(r.rank[i]).toBe(0);
          }
        },
      ),
    );
  });
});
