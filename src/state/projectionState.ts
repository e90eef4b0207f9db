import type { Units } from '../data/units';
import type { SeriesTable } from '../domain/series';
import { HORIZON_YEARS, MIN_COMPLETENESS, MIN_PERIODS, PROJECTION_PERIODS, projectionGate, projectUnit, type GateResult } from '../domain/projection';
import type { DerivedColumns } from './slices';
import type { Scenario } from './scenario';

export const PROJECTION_ID = 'poblacion_proyectada_2027';

/**
 * Whether the scenario uses the projected population: weighted in the ranking, or colouring the
 * map. Only then is its column computed (and its series loaded): opening «Tendencias» alone must
 * not change the ranked units, which would rank again and restart the stability run.
 */
export const projectionNeeded = (s: Scenario): boolean =>
  s.indicators.some((i) => i.id === PROJECTION_ID && i.enabled && i.weight > 0) || (s.classes.kind === 'indicator' && s.classes.indicator === PROJECTION_ID);

export interface ProjectionColumns {
  gate: GateResult;
  value: Float64Array;
  low: Float64Array;
  high: Float64Array;
  rate: Float64Array;
}

/**
 * The population projection of every unit of the series' level, with the gate read over `scope`
 * (the units ranked). With the gate closed every value is missing: the ranking reweights and
 * the UI says why, rather than showing a number the data do not support.
 */
export function projectionOf(series: SeriesTable, scope: ArrayLike<number>): ProjectionColumns {
  const cols = PROJECTION_PERIODS.map((p) => series.values.poblacion?.[p] ?? new Float64Array(series.ids.length).fill(NaN));
  const gate = projectionGate(cols, Array.from(scope));
  const n = series.ids.length;
  const out = { value: new Float64Array(n).fill(NaN), low: new Float64Array(n).fill(NaN), high: new Float64Array(n).fill(NaN), rate: new Float64Array(n).fill(NaN) };
  if (gate.allowed) {
    for (let i = 0; i < n; i++) {
      const p = projectUnit(PROJECTION_PERIODS.map((y, k) => ({ year: Number(y), value: cols[k][i] })), HORIZON_YEARS);
      out.value[i] = p.value;
      out.low[i] = p.low;
      out.high[i] = p.high;
      out.rate[i] = p.rate;
    }
  }
  return { gate, ...out };
}

/** The projection as an indicator column of `units` (series rows realigned by id), and how it was made. */
export function projectionColumns(series: SeriesTable | undefined, units: Units, scope: ArrayLike<number>): DerivedColumns {
  if (!series) {
    return { values: { [PROJECTION_ID]: new Float64Array(units.ids.length).fill(NaN) }, method: { [PROJECTION_ID]: [{ key: 'methods.projectionWaiting' }] } };
  }
  const at = new Map(series.ids.map((id, i) => [id, i]));
  const toSeries = Array.from(scope, (i) => at.get(units.ids[i]) ?? -1).filter((i) => i >= 0);
  const p = projectionOf(series, toSeries);
  const values = Float64Array.from(units.ids, (id) => {
    const i = at.get(id);
    return i === undefined ? NaN : p.value[i];
  });
  const g = p.gate;
  const pct = Math.round(g.completeness * 1000) / 10;
  return {
    values: { [PROJECTION_ID]: values },
    method: {
      [PROJECTION_ID]: g.allowed
        ? [{ key: 'methods.projection', params: { periods: g.periods, pct, complete: g.complete, units: g.units } }]
        : [
            {
              key: 'methods.projectionOff',
              // `need` is what the rule asks of the failing part: periods, or the share of complete units
              params: { reason: { key: `trends.gate.${g.reason}` }, periods: g.periods, pct, complete: g.complete, units: g.units, need: g.reason === 'fewPeriods' ? MIN_PERIODS : Math.round(100 * MIN_COMPLETENESS) },
            },
          ],
    },
  };
}
