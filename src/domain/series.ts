/**
 * Time as one more dimension of the data (issue 19): the indicators the raw data hold for more
 * than one period, each value with its period and what kind of figure it is (census, projection,
 * register, report). Period labels are text: a year (`2017`), a month (`2024-03`), an ISO week
 * (`2024-W12`) or a day, as conflict reports write them. Pure: no React, no DuckDB.
 */
import type { ConflictEvent } from './conflictEvents';
import type { Level } from './indicators';
import { medianAt } from './stats';

export type PeriodKind = 'censo' | 'proyeccion' | 'registro' | 'reporte';

export interface SeriesDef {
  id: string;
  /** catalog.json datasets the values come from. */
  datasets: string[];
  digits: number;
  /** Fixed periods (from SQL), or the periods the conflict events have. */
  periods: { period: string; kind: PeriodKind }[] | 'events';
}

export const SERIES: SeriesDef[] = [
  {
    id: 'poblacion',
    datasets: ['distritos'],
    digits: 0,
    periods: [
      { period: '2007', kind: 'censo' },
      { period: '2017', kind: 'censo' },
      { period: '2020', kind: 'proyeccion' },
      { period: '2022', kind: 'proyeccion' },
    ],
  },
  {
    // facilities of the 2017 register already active in the year: those closed before 2017 are not in it
    id: 'establecimientos_activos',
    datasets: ['establecimientos'],
    digits: 0,
    periods: [
      { period: '1997', kind: 'registro' },
      { period: '2007', kind: 'registro' },
      { period: '2017', kind: 'registro' },
    ],
  },
  {
    id: 'establecimientos_por_10k_censal',
    datasets: ['establecimientos', 'distritos'],
    digits: 2,
    periods: [
      { period: '2007', kind: 'registro' },
      { period: '2017', kind: 'registro' },
    ],
  },
  { id: 'conflictos', datasets: ['conflictos'], digits: 0, periods: 'events' },
];

export const seriesById = (id: string): SeriesDef => {
  const s = SERIES.find((x) => x.id === id);
  if (!s) throw new Error(`serie desconocida: ${id}`);
  return s;
};

/** Values per series and period, each aligned with `ids` (NaN = no value). */
export interface SeriesTable {
  level: Level;
  ids: string[];
  values: Record<string, Record<string, Float64Array>>;
}

/** A period label as a decimal year, for drawing: `2024-03` → 2024.17; NaN when not a period. */
export function periodYear(p: string): number {
  let m = /^(\d{4})$/.exec(p);
  if (m) return Number(m[1]);
  m = /^(\d{4})-W(\d{2})$/.exec(p);
  if (m) return Number(m[1]) + (Number(m[2]) - 1) / 52;
  m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(p);
  if (m) return Number(m[1]) + (Number(m[2]) - 1) / 12 + (m[3] ? (Number(m[3]) - 1) / 365 : 0);
  return NaN;
}

/** The periods of one series in the table, oldest first. */
export function periodsOf(table: SeriesTable, id: string): string[] {
  return Object.keys(table.values[id] ?? {}).sort((a, b) => periodYear(a) - periodYear(b));
}

export interface PointValue {
  period: string;
  value: number;
}

/** One unit's values of a series, oldest first (periods without a value are left out). */
export function unitSeries(table: SeriesTable, id: string, unit: number): PointValue[] {
  const s = table.values[id] ?? {};
  return periodsOf(table, id)
    .map((period) => ({ period, value: s[period][unit] }))
    .filter((p) => Number.isFinite(p.value));
}

/** The median over the scope's units, per period: the reference line of the small multiples. */
export function scopeMedians(table: SeriesTable, id: string, scope: ArrayLike<number>): PointValue[] {
  const s = table.values[id] ?? {};
  return periodsOf(table, id)
    .map((period) => ({ period, value: medianAt(s[period], scope) }))
    .filter((p) => Number.isFinite(p.value));
}

/**
 * Conflict cases per unit and period of report (published and the user's own), counted where
 * the event is placed at that level or below; a period with no case in a unit counts 0.
 */
export function conflictSeries(events: readonly ConflictEvent[], level: Level, ids: readonly string[]): Record<string, Float64Array> {
  const at = new Map(ids.map((id, i) => [id, i]));
  const out: Record<string, Float64Array> = {};
  for (const e of events) {
    const key = level === 'provincia' ? e.ubigeo_prov : e.ubigeo;
    const i = key ? at.get(key) : undefined;
    const p = e.periodo;
    if (!Number.isFinite(periodYear(p))) continue;
    out[p] ??= new Float64Array(ids.length);
    if (i !== undefined) out[p][i] += 1;
  }
  return out;
}

export interface Change {
  from: number;
  to: number;
  /** to − from, and the same relative to `from` (NaN when `from` is 0 or missing). */
  absolute: number;
  relative: number;
}

/** How a unit's value of a series moved between two periods. */
export function changeBetween(table: SeriesTable, id: string, unit: number, from: string, to: string): Change {
  const s = table.values[id] ?? {};
  const a = s[from]?.[unit] ?? NaN;
  const b = s[to]?.[unit] ?? NaN;
  return { from: a, to: b, absolute: b - a, relative: a !== 0 && Number.isFinite(a) ? (b - a) / Math.abs(a) : NaN };
}

/**
 * The scope as one unit (the region, or the province of a district ranking): counts summed over
 * its units; a rate per 10,000 as the sum of its numerator over the sum of the population of the
 * same year, never a mean of the units' rates.
 */
export function scopeTotals(table: SeriesTable, scope: ArrayLike<number>): Record<string, Record<string, number>> {
  const sum = (col: Float64Array | undefined) => {
    if (!col) return NaN;
    let s = 0;
    let any = false;
    for (let k = 0; k < scope.length; k++) {
      const v = col[scope[k]];
      if (Number.isFinite(v)) {
        s += v;
        any = true;
      }
    }
    return any ? s : NaN;
  };
  const out: Record<string, Record<string, number>> = {};
  for (const [id, byPeriod] of Object.entries(table.values)) {
    out[id] = {};
    for (const [p, col] of Object.entries(byPeriod)) {
      out[id][p] =
        id === 'establecimientos_por_10k_censal'
          ? (10000 * sum(table.values.establecimientos_activos?.[p])) / sum(table.values.poblacion?.[p])
          : sum(col);
    }
  }
  return out;
}
