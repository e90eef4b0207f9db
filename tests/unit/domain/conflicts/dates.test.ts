import { describe, expect, it } from 'vitest';
import { hasDateShape, monthPeriod, parsePeriod } from '../../../../src/domain/conflicts/dates';

describe('parsePeriod', () => {
  it('reads days, months and ISO weeks, rejecting impossible dates', () => {
    expect(parsePeriod('2024-03-15')).toEqual({ periodo: '2024-03-15', fecha_inicio: '2024-03-15', fecha_fin: '2024-03-15', precision_fecha: 'dia' });
    expect(parsePeriod('15/03/2024')?.fecha_inicio).toBe('2024-03-15');
    expect(parsePeriod('5-3-2024')?.fecha_inicio).toBe('2024-03-05');
    expect(parsePeriod('2024-03-15T10:30:00Z')?.fecha_inicio).toBe('2024-03-15');
    expect(parsePeriod('2024-03')).toEqual({ periodo: '2024-03', fecha_inicio: '2024-03-01', fecha_fin: '2024-03-31', precision_fecha: 'mes' });
    expect(parsePeriod('02/2024')?.fecha_fin).toBe('2024-02-29');
    expect(parsePeriod('2024-W01')).toEqual({ periodo: '2024-W01', fecha_inicio: '2024-01-01', fecha_fin: '2024-01-07', precision_fecha: 'semana' });
    expect(parsePeriod('2021W01')?.fecha_inicio).toBe('2021-01-04');
    expect(parsePeriod('2020-W53')?.fecha_fin).toBe('2021-01-03');
    expect(parsePeriod('2021-W53')).toBeNull();
    expect(parsePeriod('31/02/2024')).toBeNull();
    expect(parsePeriod('2023-02-29')).toBeNull();
    expect(parsePeriod('2024-13')).toBeNull();
    expect(parsePeriod('marzo 2024')).toBeNull();
  });

  it('keeps years between 1900 and 2100', () => {
    expect(parsePeriod('1899-12')).toBeNull();
    expect(monthPeriod(2100, 12)?.fecha_fin).toBe('2100-12-31');
    expect(monthPeriod(2101, 1)).toBeNull();
  });
});

describe('hasDateShape', () => {
  it('tells a well-formed but impossible date from text that is no date at all', () => {
    expect(['31/02/2024', '2024-13', ' 2024-W60 '].map(hasDateShape)).toEqual([true, true, true]);
    expect(['marzo', '2024/03/15', '15 de marzo de 2024', ''].map(hasDateShape)).toEqual([false, false, false, false]);
  });
});
