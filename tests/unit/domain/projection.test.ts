import { describe, expect, it } from 'vitest';
import { geometricRate, projectionGate, projectUnit } from '../../../src/domain/projection';

describe('the geometric growth projection (issue 19)', () => {
  it('computes INEI’s intercensal rate r = (P1/P0)^(1/t) − 1', () => {
    // 100 → 121 in two years: 10 % a year
    expect(geometricRate(100, 121, 2)).toBeCloseTo(0.1, 12);
    // 31,237,385 (census 2017) from 27,412,157 (census 2007): 1.3146 % a year, by hand
    expect(geometricRate(27_412_157, 31_237_385, 10)).toBeCloseTo(0.013146, 5);
    expect(geometricRate(0, 10, 5)).toBeNaN();
    expect(geometricRate(10, 12, 0)).toBeNaN();
  });

  it('projects five years at the latest rate, with the range of the interval rates', () => {
    // 2017 → 2022 grew by 10 % in five years, so five more years at that rate give 1,210 × 1.1
    const p = projectUnit([
      { year: 2007, value: 1000 },
      { year: 2017, value: 1100 },
      { year: 2022, value: 1210 },
    ]);
    expect(p.year).toBe(2027);
    expect(p.value).toBeCloseTo(1331, 9);
    expect(p.high).toBeCloseTo(1331, 9);
    // 2007 → 2017 grew 10 % in ten years: five years at that rate multiply by √1.1
    expect(p.low).toBeCloseTo(1210 * Math.sqrt(1.1), 9);
    expect(p.rates).toHaveLength(2);
    expect(p.rates[0]).toBeCloseTo(Math.pow(1.1, 0.1) - 1, 12);
  });

  it('a shrinking unit projects downward and its range stays ordered', () => {
    const p = projectUnit([
      { year: 2007, value: 50_000 },
      { year: 2017, value: 45_000 },
      { year: 2022, value: 44_000 },
    ]);
    expect(p.value).toBeCloseTo(44_000 * (44_000 / 45_000), 6);
    expect(p.low).toBeLessThanOrEqual(p.value);
    expect(p.high).toBeGreaterThanOrEqual(p.value);
  });

  it('gives no number when a point is missing or zero', () => {
    expect(projectUnit([{ year: 2007, value: NaN }, { year: 2017, value: 10 }, { year: 2022, value: 12 }]).value).toBeNaN();
    expect(projectUnit([{ year: 2022, value: 12 }]).value).toBeNaN();
  });
});

describe('the data-sufficiency gate', () => {
  const col = (missing: number[], n = 10) => Float64Array.from({ length: n }, (_, i) => (missing.includes(i) ? NaN : 100 + i));
  const all = Array.from({ length: 10 }, (_, i) => i);

  it('allows the projection with three periods and 90 % of the units complete', () => {
    const g = projectionGate([col([0]), col([]), col([])], all);
    expect(g).toMatchObject({ allowed: true, periods: 3, complete: 9, units: 10, reason: null });
    expect(g.completeness).toBeCloseTo(0.9, 12);
  });

  it('turns off with too few periods', () => {
    const g = projectionGate([col([]), col([])], all);
    expect(g.allowed).toBe(false);
    expect(g.reason).toBe('fewPeriods');
    expect(g.periods).toBe(2);
    // a period present as a column but empty in the whole scope does not count
    expect(projectionGate([col(all), col([]), col([])], all).reason).toBe('fewPeriods');
  });

  it('turns off below 90 % completeness, and reads only the scope', () => {
    const cols = [col([0, 1]), col([]), col([])];
    expect(projectionGate(cols, all)).toMatchObject({ allowed: false, reason: 'incomplete', complete: 8 });
    // the same data for a scope without the two incomplete units
    expect(projectionGate(cols, all.slice(2)).allowed).toBe(true);
    // a zero population is not a usable point
    const zero = col([]);
    zero[3] = 0;
    zero[4] = 0;
    expect(projectionGate([zero, col([]), col([])], all).reason).toBe('incomplete');
    expect(projectionGate(cols, []).reason).toBe('noUnits');
  });
});
