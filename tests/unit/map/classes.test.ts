import { describe, expect, it } from 'vitest';
import { classRanges, drawableMode, indicatorColumn, legendRanges, probabilityClass, unitClasses, unitColours } from '../../../src/map/classes';
import type { Ranking } from '../../../src/state/ranking';
import { defaultScenario } from '../../../src/state/scenario';
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
    expect(drawableMode({ kind: 'ptop', count: 5 }, { pTop: null })).toEqual({ kind: 'equal', count: 5 });
    const pTop = new Float64Array(3);
    expect(drawableMode({ kind: 'ptop', count: 5 }, { pTop })).toEqual({ kind: 'ptop', count: 5 });
  });

  /** A ranking over `n` units whose scope is `scope` (only what the class functions read). */
  function rankingOf(n: number, scope: number[]): Ranking {
    const inScope = new Uint8Array(n);
    for (const i of scope) inScope[i] = 1;
    return { score: new Float64Array(n), rank: new Int32Array(n), order: Int32Array.from(scope), scopeIndices: Int32Array.from(scope), inScope, indicatorIds: [] } as unknown as Ranking;
  }

  it('one indicator: quantiles of its values over the scope, the darkest class where its direction points', () => {
    // 8 units; unit 7 is out of scope, unit 6 has no value
    const values = [10, 20, 30, 40, 50, 60, NaN, 1000];
    const ranking = rankingOf(8, [0, 1, 2, 3, 4, 5, 6]);
    const mode = { kind: 'indicator' as const, count: 3, indicator: 'x' };
    const up = unitClasses(ranking, mode, { indicator: { values, direction: 'up' } });
    // six values, three classes of two; the highest values darkest
    expect(Array.from(up)).toEqual([0, 0, 1, 1, 2, 2, -1, -1]);
    const down = unitClasses(ranking, mode, { indicator: { values, direction: 'down' } });
    expect(Array.from(down)).toEqual([2, 2, 1, 1, 0, 0, -1, -1]);
    // the legend bounds are values the units have; the out-of-scope 1000 is in none
    const ranges = classRanges(mode, ranking, { indicator: { values, direction: 'up' } });
    expect(ranges).toEqual([{ from: 10, to: 20 }, { from: 30, to: 40 }, { from: 50, to: 60 }]);
    // the fill follows the classes: no value → the no-data grey, out of scope → the scope grey
    const colours = unitColours(ranking, mode, 0, { indicator: { values, direction: 'up' } });
    expect(Array.from(colours.fill.subarray(4 * 6, 4 * 6 + 4))).toEqual([150, 150, 150, 220]);
    expect(Array.from(colours.fill.subarray(4 * 7, 4 * 7 + 4))).toEqual([225, 225, 225, 150]);
  });

  it('one indicator: equal values share a class, and a class left empty is left out of the legend', () => {
    // four zeros and two other values: the zeros all take the first class
    const values = [0, 0, 0, 0, 5, 9];
    const ranking = rankingOf(6, [0, 1, 2, 3, 4, 5]);
    const mode = { kind: 'indicator' as const, count: 3, indicator: 'x' };
    const cls = unitClasses(ranking, mode, { indicator: { values, direction: 'up' } });
    expect(Array.from(cls)).toEqual([0, 0, 0, 0, 2, 2]);
    expect(classRanges(mode, ranking, { indicator: { values, direction: 'up' } })).toEqual([{ from: 0, to: 0 }, null, { from: 5, to: 9 }]);
  });

  it('one indicator: the scenario says which column and which way; without its values the map draws the score', () => {
    const s = defaultScenario();
    const id = s.indicators[0].id;
    const turned = { ...s, indicators: s.indicators.map((i) => (i.id === id ? { ...i, direction: 'down' as const } : i)) };
    const mode = { kind: 'indicator' as const, count: 5, indicator: id };
    const column = new Float64Array([1, 2]);
    expect(indicatorColumn(mode, turned, { [id]: column })).toEqual({ values: column, direction: 'down' });
    expect(indicatorColumn(mode, turned, {})).toBeNull();
    expect(indicatorColumn({ kind: 'equal', count: 5 }, turned, { [id]: column })).toBeNull();
    expect(drawableMode(mode, { indicator: null })).toEqual({ kind: 'equal', count: 5 });
    expect(drawableMode(mode, { indicator: { values: column, direction: 'up' } })).toBe(mode);
  });
});
