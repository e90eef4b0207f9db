import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregate } from '../../../src/domain/aggregate';

describe('aggregate', () => {
  it('arithmetic: weighted mean with contributions wᵢ·xᵢ (hand-checked)', () => {
    const out = new Float64Array(3);
    // weights 0.5, 0.3, 0.2 on 80, 50, 10 → 40 + 15 + 2 = 57
    const s = aggregate('arithmetic', [80, 50, 10], [0.5, 0.3, 0.2], out);
    expect(s).toBeCloseTo(57, 12);
    expect(Array.from(out).map((x) => +x.toFixed(9))).toEqual([40, 15, 2]);
  });

  it('arithmetic: re-weights over the available values', () => {
    const out = new Float64Array(3);
    // 80 and 10 with weights 0.5 and 0.2 → (0.5·80 + 0.2·10) / 0.7 = 60
    const s = aggregate('arithmetic', [80, NaN, 10], [0.5, 0.3, 0.2], out);
    expect(s).toBeCloseTo(60, 12);
    expect(out[1]).toBe(0);
  });

  it('geometric: exp(Σ wᵢ ln(xᵢ+1)) − 1 (hand-checked)', () => {
    const out = new Float64Array(2);
    // equal weights on 0 and 99: exp(0.5·ln 1 + 0.5·ln 100) − 1 = 10 − 1 = 9
    const s = aggregate('geometric', [0, 99], [0.5, 0.5], out);
    expect(s).toBeCloseTo(9, 12);
    // all of it comes from the second indicator: ln 1 = 0 contributes nothing
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(9, 12);
  });

  it('geometric: a zero does not collapse the score and all-zero gives 0', () => {
    const out = new Float64Array(2);
    expect(aggregate('geometric', [0, 0], [0.5, 0.5], out)).toBe(0);
    expect(Array.from(out)).toEqual([0, 0]);
    expect(aggregate('geometric', [0, 50], [0.5, 0.5], out)).toBeGreaterThan(0);
  });

  it('geometric penalises imbalance more than arithmetic', () => {
    const out = new Float64Array(2);
    const balanced = aggregate('geometric', [50, 50], [0.5, 0.5], out);
    const unbalanced = aggregate('geometric', [0, 100], [0.5, 0.5], out);
    expect(balanced).toBeCloseTo(50, 9);
    expect(unbalanced).toBeLessThan(balanced);
  });

  it('returns NaN when no value is available', () => {
    expect(Number.isNaN(aggregate('arithmetic', [NaN, NaN], [0.5, 0.5], new Float64Array(2)))).toBe(true);
  });

  it('contributions add up to the score within 1e-9, for both methods (property)', () => {
    const value = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('arithmetic' as const, 'geometric' as const),
        (pairs, method) => {
          const out = new Float64Array(pairs.length);
          const s = aggregate(method, pairs.map((p) => p[0]), pairs.map((p) => p[1]), out);
          if (pairs.every((p) => Number.isNaN(p[0]))) {
            expect(Number.isNaN(s)).toBe(true);
            return;
          }
          const sum = out.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - s)).toBeLessThan(1e-9);
          expect(s).toBeGreaterThanOrEqual(-1e-9);
          expect(s).toBeLessThanOrEqual(100 + 1e-9);
        },
      ),
    );
  });
});
