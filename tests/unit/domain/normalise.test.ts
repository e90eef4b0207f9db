import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minMax, normalise, quantile, winsorise } from '../../../src/domain/normalise';

const f = (xs: number[]) => Float64Array.from(xs);
const arr = (x: Float64Array) => Array.from(x);

describe('minMax', () => {
  it('maps min to 0 and max to 100 when higher means more need', () => {
    expect(arr(minMax(f([10, 20, 30]), 'up'))).toEqual([0, 50, 100]);
  });
  it('reverses the scale when lower means more need', () => {
    expect(arr(minMax(f([10, 20, 30]), 'down'))).toEqual([100, 50, 0]);
  });
  it('keeps missing values missing, never 0', () => {
    const out = minMax(f([5, NaN, 15]), 'up');
    expect(out[0]).toBe(0);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(out[2]).toBe(100);
  });
  it('uses only the units in scope for min and max', () => {
    // scope {1,2}: min 20, max 40 → 20→0, 40→100; units 0 and 3 are outside → NaN
    const out = minMax(f([0, 20, 40, 100]), 'up', Int32Array.from([1, 2]));
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBe(0);
    expect(out[2]).toBe(100);
    expect(Number.isNaN(out[3])).toBe(true);
  });
  it('gives 0 to every unit when the indicator has no spread', () => {
    expect(arr(minMax(f([7, 7]), 'up'))).toEqual([0, 0]);
  });
});

describe('z-score (as T = 50 + 10z)', () => {
  it('matches a hand-computed example', () => {
    // values 2, 4, 6: mean 4, population sd sqrt(8/3) = 1.63299; z = -1.2247, 0, 1.2247
    const out = normalise(f([2, 4, 6]), { method: { kind: 'zscore' }, direction: 'up' });
    expect(out[0]).toBeCloseTo(50 - 12.247449, 5);
    expect(out[1]).toBeCloseTo(50, 12);
    expect(out[2]).toBeCloseTo(50 + 12.247449, 5);
  });
  it('applies the direction first', () => {
    const out = normalise(f([2, 4, 6]), { method: { kind: 'zscore' }, direction: 'down' });
    expect(out[0]).toBeCloseTo(62.247449, 5);
  });
});

describe('rank / percentile', () => {
  it('ranks from 0 (least need) to 100 (most need), ties sharing the mean rank', () => {
    // sorted: 1 (pos 0), 5 and 5 (pos 1, 2 → mean 1.5), 9 (pos 3); scaled by 3
    const out = normalise(f([5, 1, 9, 5]), { method: { kind: 'rank' }, direction: 'up' });
    expect(arr(out)).toEqual([50, 0, 100, 50]);
  });
  it('reverses for lower-is-worse indicators', () => {
    const out = normalise(f([5, 1, 9]), { method: { kind: 'rank' }, direction: 'down' });
    expect(arr(out)).toEqual([50, 100, 0]);
  });
});

describe('distance to target', () => {
  it('scores 0 at or beyond the target and 100 for the farthest unit', () => {
    // more is worse (up), target 20: 10 → 0 (better than target), 20 → 0, 30 → 50, 40 → 100
    const out = normalise(f([10, 20, 30, 40]), { method: { kind: 'target', target: 20 }, direction: 'up' });
    expect(arr(out)).toEqual([0, 0, 50, 100]);
  });
  it('works for lower-is-worse indicators (e.g. facilities per 10,000 below a norm)', () => {
    // target 10 per 10k: 12 → 0, 10 → 0, 5 → 50 (gap 5 of 10), 0 → 100
    const out = normalise(f([12, 10, 5, 0]), { method: { kind: 'target', target: 10 }, direction: 'down' });
    expect(arr(out)).toEqual([0, 0, 50, 100]);
  });
});

describe('fixed goalposts', () => {
  it('scales between the goalposts and clamps outside them', () => {
    const out = normalise(f([-5, 0, 25, 100, 120]), { method: { kind: 'goalposts', min: 0, max: 100 }, direction: 'up' });
    expect(arr(out)).toEqual([0, 0, 25, 100, 100]);
  });
  it('reverses for lower-is-worse', () => {
    const out = normalise(f([0, 25, 100]), { method: { kind: 'goalposts', min: 0, max: 100 }, direction: 'down' });
    expect(arr(out)).toEqual([100, 75, 0]);
  });
  it('does not depend on the other units in scope', () => {
    const a = normalise(f([30, 40]), { method: { kind: 'goalposts', min: 0, max: 50 }, direction: 'up' });
    const b = normalise(f([30, 1000]), { method: { kind: 'goalposts', min: 0, max: 50 }, direction: 'up' });
    expect(a[0]).toBe(b[0]);
  });
});

describe('winsorisation', () => {
  it('clips at the given percentiles (type-7 quantiles)', () => {
    expect(quantile(f([1, 2, 3, 4]), 0.5)).toBe(2.5);
    // 0..9 and an outlier 1000 (n = 11): the 90th percentile sits at h = 10·0.9 = 9 → exactly 9
    const values = f([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]);
    const w = winsorise(values, { lower: 0, upper: 0.9 });
    expect(w[10]).toBe(quantile(f([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]), 0.9));
    expect(w[10]).toBe(9);
    expect(w[0]).toBe(0);
  });
  it('stops one outlier from squashing everyone else in min-max', () => {
    const values = f([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000]);
    const plain = normalise(values, { method: { kind: 'minmax' }, direction: 'up' });
    const tamed = normalise(values, { method: { kind: 'minmax' }, direction: 'up', winsorise: { lower: 0, upper: 0.9 } });
    expect(plain[9]).toBeLessThan(1);
    expect(tamed[9]).toBe(100);
  });
});

describe('properties', () => {
  const values = fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), {
    minLength: 1,
    maxLength: 60,
  });
  const bounded = [
    { kind: 'minmax' as const },
    { kind: 'rank' as const },
    { kind: 'target' as const, target: 0 },
    { kind: 'goalposts' as const, min: -100, max: 100 },
  ];

  it('bounded methods stay within 0–100 and keep missing values missing', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(...bounded), fc.constantFrom('up' as const, 'down' as const), (xs, method, direction) => {
        const out = normalise(f(xs), { method, direction });
        xs.forEach((x, i) => {
          if (Number.isNaN(x)) expect(Number.isNaN(out[i])).toBe(true);
          else {
            expect(out[i]).toBeGreaterThanOrEqual(0);
            expect(out[i]).toBeLessThanOrEqual(100 + 1e-9);
          }
        });
      }),
    );
  });

  it('every method preserves the order of need (monotone in the direction)', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(...bounded, { kind: 'zscore' as const }), fc.constantFrom('up' as const, 'down' as const), (xs, method, direction) => {
        const out = normalise(f(xs), { method, direction });
        const idx = xs.map((_, i) => i).filter((i) => !Number.isNaN(xs[i]));
        for (const a of idx)
          for (const b of idx) {
            const moreNeed = direction === 'up' ? xs[a] > xs[b] : xs[a] < xs[b];
            if (moreNeed) expect(out[a]).toBeGreaterThanOrEqual(out[b] - 1e-9);
          }
      }),
    );
  });

  it('flipping the direction mirrors min-max', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const up = normalise(f(xs), { method: { kind: 'minmax' }, direction: 'up' });
        const down = normalise(f(xs), { method: { kind: 'minmax' }, direction: 'down' });
        const spread = new Set(xs.filter((x) => !Number.isNaN(x))).size > 1;
        xs.forEach((x, i) => {
          if (!Number.isNaN(x) && spread) expect(up[i] + down[i]).toBeCloseTo(100, 6);
        });
      }),
    );
  });
});
