import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankOrder } from '../../../src/domain/rankOrder';

const reference = (score: Float64Array, units: Int32Array, ids: string[]) =>
  Array.from(units).sort((a, b) => score[b] - score[a] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));

describe('rankOrder', () => {
  it('orders by score, highest first, ties by id', () => {
    const score = Float64Array.from([10, 30, 20, 30]);
    const ids = ['d', 'c', 'b', 'a'];
    expect(Array.from(rankOrder(score, Int32Array.from([0, 1, 2, 3]), ids))).toEqual([3, 1, 2, 0]);
  });

  it('separates scores closer than the quantisation step exactly', () => {
    const score = Float64Array.from([50, 50 + 1e-9, 50 - 1e-9]);
    expect(Array.from(rankOrder(score, Int32Array.from([0, 1, 2]), ['a', 'b', 'c']))).toEqual([1, 0, 2]);
  });

  it('matches the comparator sort on any input (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }), fc.constantFrom(0, 50, 100, -33.3333333)), { maxLength: 300 }),
        fc.boolean(),
        (xs, shuffleIds) => {
          const score = Float64Array.from(xs);
          const ids = xs.map((_, i) => `u${String(shuffleIds ? (i * 7919) % 1000 : i).padStart(4, '0')}`);
          const units = Int32Array.from(xs.keys());
          expect(Array.from(rankOrder(score, units, ids))).toEqual(reference(score, units, ids));
        },
      ),
    );
  });

  it('ranks only the given subset', () => {
    const score = Float64Array.from([1, 2, 3, 4]);
    expect(Array.from(rankOrder(score, Int32Array.from([0, 2]), ['a', 'b', 'c', 'd']))).toEqual([2, 0]);
  });
});
