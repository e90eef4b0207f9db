import { describe, expect, it } from 'vitest';
import { BEYOND, DISTANCE_COLOURS, WITHIN, distanceClass, interleave, placeColours } from '../../../src/map/placesLayer';

describe('populated-place colours', () => {
  const d = Float32Array.from([0, 30, 30.5, NaN, 75]);
  it('splits at the threshold: exactly at it counts as within (beyond is strictly greater)', () => {
    const c = placeColours(d, 5, 'threshold', 30);
    expect(Array.from(c.slice(0, 3))).toEqual(WITHIN);
    expect(Array.from(c.slice(4, 7))).toEqual(WITHIN);
    expect(Array.from(c.slice(8, 11))).toEqual(BEYOND);
    expect(Array.from(c.slice(12, 15))).toEqual([150, 150, 150]); // no distance
  });
  it('classes distances at 5, 10, 20, 30 and 60 km', () => {
    expect([0, 5, 5.1, 10, 19, 30, 59, 60, 61].map(distanceClass)).toEqual([0, 0, 1, 1, 2, 3, 4, 4, 5]);
    const c = placeColours(d, 5, 'distance', 30);
    expect(Array.from(c.slice(16, 19))).toEqual(DISTANCE_COLOURS[5]);
  });
  it('interleaves lon/lat for binary attributes', () => {
    expect(Array.from(interleave(Float64Array.from([1, 2]), Float64Array.from([3, 4])))).toEqual([1, 3, 2, 4]);
  });
});
