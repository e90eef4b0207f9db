import { describe, expect, it } from 'vitest';
import { changeBetween, conflictSeries, periodsOf, periodYear, scopeMedians, scopeTotals, unitSeries, type SeriesTable } from '../../../src/domain/series';
import type { ConflictEvent } from '../../../src/domain/conflictEvents';

const table: SeriesTable = {
  level: 'provincia',
  ids: ['0101', '0102', '0103'],
  values: {
    poblacion: {
      '2022': Float64Array.from([130, 60, 10]),
      '2007': Float64Array.from([100, 50, NaN]),
      '2017': Float64Array.from([120, 55, 8]),
    },
  },
};

describe('series over periods (issue 19)', () => {
  it('orders periods of every kind in time', () => {
    expect(periodYear('2017')).toBe(2017);
    expect(periodYear('2024-03')).toBeCloseTo(2024 + 2 / 12, 12);
    expect(periodYear('2024-W12')).toBeCloseTo(2024 + 11 / 52, 12);
    expect(periodYear('2024-03-15')).toBeGreaterThan(periodYear('2024-03'));
    expect(periodYear('marzo')).toBeNaN();
    expect(periodsOf(table, 'poblacion')).toEqual(['2007', '2017', '2022']);
  });

  it('gives a unit’s points with their periods, leaving out missing ones, and the scope median', () => {
    expect(unitSeries(table, 'poblacion', 2)).toEqual([{ period: '2017', value: 8 }, { period: '2022', value: 10 }]);
    expect(scopeMedians(table, 'poblacion', [0, 1, 2])).toEqual([
      { period: '2007', value: 75 },
      { period: '2017', value: 55 },
      { period: '2022', value: 60 },
    ]);
  });

  it('measures the change between two periods', () => {
    const c = changeBetween(table, 'poblacion', 0, '2007', '2017');
    expect(c).toMatchObject({ from: 100, to: 120, absolute: 20 });
    expect(c.relative).toBeCloseTo(0.2, 12);
    expect(changeBetween(table, 'poblacion', 2, '2007', '2017').relative).toBeNaN();
  });

  it('counts conflict cases per unit and period of report, zero where a period has none', () => {
    const ev = (periodo: string, prov: string) => ({ periodo, ubigeo_prov: prov, ubigeo: null }) as unknown as ConflictEvent;
    const s = conflictSeries([ev('2024-03', '0101'), ev('2024-03', '0101'), ev('2024-04', '0102'), ev('sin fecha', '0101')], 'provincia', table.ids);
    expect(Object.keys(s).sort()).toEqual(['2024-03', '2024-04']);
    expect(Array.from(s['2024-03'])).toEqual([2, 0, 0]);
    expect(Array.from(s['2024-04'])).toEqual([0, 1, 0]);
  });
});

describe('the scope as one unit', () => {
  it('sums counts and divides the sums for a rate, never averaging the units’ rates', () => {
    const t: SeriesTable = {
      level: 'provincia',
      ids: ['a', 'b'],
      values: {
        poblacion: { '2017': Float64Array.from([10_000, 90_000]) },
        establecimientos_activos: { '2017': Float64Array.from([5, 5]) },
        establecimientos_por_10k_censal: { '2017': Float64Array.from([5, 5 / 9]) },
      },
    };
    const s = scopeTotals(t, [0, 1]);
    expect(s.poblacion['2017']).toBe(100_000);
    expect(s.establecimientos_activos['2017']).toBe(10);
    // 10 facilities for 100,000 people: 1 per 10,000 (the mean of the rates would say 2.78)
    expect(s.establecimientos_por_10k_censal['2017']).toBeCloseTo(1, 12);
    expect(scopeTotals(t, []).poblacion['2017']).toBeNaN();
  });
});
