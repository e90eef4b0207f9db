import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEAT_WEIGHTS, countByUnit, dataSpan, heatWeight, inWindow, perCapita, seriesBreaks, shiftWindow, windowAround,
} from '../../../src/domain/conflictWindow';
import type { ConflictEvent } from '../../../src/domain/conflictEvents';

type E = Pick<ConflictEvent, 'fecha_inicio' | 'fecha_fin' | 'estado' | 'ubigeo' | 'ubigeo_prov' | 'periodo' | 'serie' | 'precision_fecha' | 'violencia'>;
const ev = (over: Partial<E>): E => ({
  fecha_inicio: '2024-03-01', fecha_fin: '2024-03-31', estado: 'activo', ubigeo: '030601', ubigeo_prov: '0306',
  periodo: '2024-03', serie: 'defensoria_mensual_mineria_v1', precision_fecha: 'mes', violencia: false, ...over,
});

describe('time window', () => {
  it('builds calendar months and Monday–Sunday weeks', () => {
    expect(windowAround('mes', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    // 20–26 January 2025, the week of the seeds' heatmap (a Monday to a Sunday)
    expect(windowAround('semana', '2025-01-22')).toEqual({ from: '2025-01-20', to: '2025-01-26' });
    expect(shiftWindow('mes', { from: '2024-03-01', to: '2024-03-31' }, -1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(shiftWindow('semana', { from: '2025-01-20', to: '2025-01-26' }, 1)).toEqual({ from: '2025-01-27', to: '2025-02-02' });
  });

  it('counts an event when its period overlaps the window', () => {
    const march = ev({});
    expect(inWindow(march, { from: '2024-03-25', to: '2024-03-31' })).toBe(true); // a week inside the month
    expect(inWindow(march, { from: '2024-03-31', to: '2024-04-06' })).toBe(true); // a week across the month's end
    expect(inWindow(march, { from: '2024-04-01', to: '2024-04-30' })).toBe(false);
    expect(inWindow(march, { from: null, to: null })).toBe(true);
  });

  it('describes what the data cover and flags a change of series', () => {
    const events = [ev({}), ev({ fecha_inicio: '2024-04-01', fecha_fin: '2024-04-30', periodo: '2024-04', serie: 'v2' })];
    expect(dataSpan(events)).toEqual({
      from: '2024-03-01', to: '2024-04-30', periods: ['2024-03', '2024-04'], series: ['defensoria_mensual_mineria_v1', 'v2'], precisions: ['mes'],
    });
    expect(seriesBreaks(events, { from: null, to: null })).toEqual([{ date: '2024-04-01', from: 'defensoria_mensual_mineria_v1', to: 'v2' }]);
    expect(seriesBreaks(events, { from: '2024-03-01', to: '2024-03-31' })).toEqual([]);
  });
});

describe('counts per unit', () => {
  const events = [
    ev({}),
    ev({ estado: 'latente', ubigeo: '030602' }),
    ev({ estado: 'resuelto' }),
    ev({ ubigeo: null, ubigeo_prov: '0307' }), // placed in its province only
    ev({ fecha_inicio: '2024-04-01', fecha_fin: '2024-04-30' }),
  ];
  it('counts active and latent cases in the window, by province and by district', () => {
    const march = { from: '2024-03-01', to: '2024-03-31' };
    expect(Array.from(countByUnit(events, march, 'provincia', ['0306', '0307', '0101']))).toEqual([2, 1, 0]);
    expect(Array.from(countByUnit(events, march, 'distrito', ['030601', '030602']))).toEqual([1, 1]);
    expect(Array.from(countByUnit(events, { from: null, to: null }, 'provincia', ['0306']))).toEqual([3]);
  });
  it('turns counts into rates per 100,000 people', () => {
    expect(Array.from(perCapita(Float64Array.from([2, 1]), Float64Array.from([50_000, 0])))).toEqual([4, NaN]);
  });
});

describe('heat weight', () => {
  it('weights by status and multiplies cases with violence', () => {
    expect(heatWeight({ estado: 'activo', violencia: true }, DEFAULT_HEAT_WEIGHTS)).toBe(2);
    expect(heatWeight({ estado: 'latente', violencia: false }, DEFAULT_HEAT_WEIGHTS)).toBe(0.5);
    expect(heatWeight({ estado: 'retirado', violencia: true }, DEFAULT_HEAT_WEIGHTS)).toBe(0);
  });
});
