import { describe, expect, it } from 'vitest';
import { minMax } from '../../../src/domain/normalise';

describe('minMax', () => {
  it('maps min to 0 and max to 100 when higher means more need', () => {
    const out = minMax(Float64Array.from([10, 20, 30]), 'up');
    expect(Array.from(out)).toEqual([0, 50, 100]);
  });

  it('reverses the scale when lower means more need', () => {
    const out = minMax(Float64Array.from([10, 20, 30]), 'down');
    expect(Array.from(out)).toEqual([100, 50, 0]);
  });

  it('keeps missing values missing, never 0', () => {
    const out = minMax(Float64Array.from([5, NaN, 15]), 'up');
    expect(out[0]).toBe(0);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(out[2]).toBe(100);
  });

  it('uses only the units in scope for min and max', () => {
    // hand-checked: scope {1,2} has min 20, max 40 → 20→0, 40→100; unit 0 is outside → NaN
    const out = minMax(Float64Array.from([0, 20, 40, 100]), 'up', Int32Array.from([1, 2]));
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBe(0);
    expect(out[2]).toBe(100);
    expect(Number.isNaN(out[3])).toBe(true);
  });

  it('gives 0 to every unit when the indicator has no spread', () => {
    expect(Array.from(minMax(Float64Array.from([7, 7]), 'up'))).toEqual([0, 0]);
  });
});
