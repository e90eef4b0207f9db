import { describe, expect, it } from 'vitest';
import { drawableMode, legendRanges, probabilityClass } from '../../../src/map/classes';
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

  it('P(top N): equal intervals of the probability, certain units in the darkest class; no run yet draws the score', () => {
    expect(probabilityClass(0, 5)).toBe(0);
    expect(probabilityClass(0.199, 5)).toBe(0);
    expect(probabilityClass(0.2, 5)).toBe(1);
    expect(probabilityClass(1, 5)).toBe(4);
    expect(probabilityClass(NaN, 5)).toBe(-1);
    expect(legendRanges({ kind: 'ptop', count: 4 }, 196).map((r) => [r.from, r.to])).toEqual([[0, 25], [25, 50], [50, 75], [75, 100]]);
    expect(drawableMode({ kind: 'ptop', count: 5 }, null)).toEqual({ kind: 'equal', count: 5 });
    const pTop = new Float64Array(3);
    expect(drawableMode({ kind: 'ptop', count: 5 }, pTop)).toEqual({ kind: 'ptop', count: 5 });
  });
});
