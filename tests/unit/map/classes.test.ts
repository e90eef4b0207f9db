import { describe, expect, it } from 'vitest';
import { legendRanges } from '../../../src/map/classes';
import { rankClass, scoreClass } from '../../../src/map/palette';

describe('map classes', () => {
  it('equal intervals of the score', () => {
    expect(scoreClass(0, 5)).toBe(0);
    expect(scoreClass(19.99, 5)).toBe(0);
    expect(scoreClass(20, 5)).toBe(1);
    expect(scoreClass(100, 5)).toBe(4);
    expect(scoreClass(NaN, 5)).toBe(-1);
  });

  it('rank quantiles: the best ranks get the darkest class, and the legend says which ranks', () => {
    // 13 ranked units, 5 classes: ranks 1–3 darkest (class 4)
    expect(rankClass(1, 13, 5)).toBe(4);
    expect(rankClass(3, 13, 5)).toBe(4);
    expect(rankClass(4, 13, 5)).toBe(3);
    expect(rankClass(13, 13, 5)).toBe(0);
    const ranges = legendRanges({ kind: 'quantile', count: 5 }, 13);
    expect(ranges[4]).toEqual({ from: 1, to: 3 });
    expect(ranges[0].to).toBe(13);
    // every rank falls in the class whose legend range holds it
    for (let r = 1; r <= 13; r++) {
      const c = rankClass(r, 13, 5);
      expect(r).toBeGreaterThanOrEqual(ranges[c].from);
      expect(r).toBeLessThanOrEqual(ranges[c].to);
    }
  });
});
