/**
 * Conflicts over time: the time window, what the data cover, series breaks, counts per unit and
 * the heatmap weight of each event. Pure: events in, numbers out. Dates are ISO `YYYY-MM-DD`
 * strings, which compare correctly as text.
 */
import type { ConflictEvent, ConflictStatus } from './conflictEvents';

export interface TimeWindow {
  /** Inclusive; null = open. */
  from: string | null;
  to: string | null;
}
export type WindowKind = 'todo' | 'mes' | 'semana' | 'personalizada';

type Dated = Pick<ConflictEvent, 'fecha_inicio' | 'fecha_fin'>;

/** An event counts in a window when the period it covers overlaps the window at all. */
export function inWindow(e: Dated, w: TimeWindow): boolean {
  return (w.to === null || e.fecha_inicio <= w.to) && (w.from === null || e.fecha_fin >= w.from);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (s: string) => new Date(`${s}T00:00:00Z`);

/** The calendar month or the Monday-to-Sunday week that contains `anchor`. */
export function windowAround(kind: 'mes' | 'semana', anchor: string): TimeWindow {
  const d = utc(anchor);
  if (kind === 'mes') {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    return { from: iso(first), to: iso(last) };
  }
  const monday = new Date(d);
  monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  return { from: iso(monday), to: iso(sunday) };
}

/** Moves a month or week window by `steps` whole periods. */
export function shiftWindow(kind: 'mes' | 'semana', w: TimeWindow, steps: number): TimeWindow {
  const anchor = utc(w.from ?? '2024-01-01');
  if (kind === 'mes') anchor.setUTCMonth(anchor.getUTCMonth() + steps);
  else anchor.setUTCDate(anchor.getUTCDate() + 7 * steps);
  return windowAround(kind, iso(anchor));
}

export interface DataSpan {
  from: string | null;
  to: string | null;
  /** Distinct period labels (e.g. `2024-03`), sorted. */
  periods: string[];
  /** Distinct source/method series, in order of first appearance over time. */
  series: string[];
  /** Coarsest date precision present: a week window over monthly data is a month in disguise. */
  precisions: string[];
}

export function dataSpan(events: readonly Pick<ConflictEvent, 'fecha_inicio' | 'fecha_fin' | 'periodo' | 'serie' | 'precision_fecha'>[]): DataSpan {
  let from: string | null = null;
  let to: string | null = null;
  const periods = new Set<string>();
  const precisions = new Set<string>();
  const firstSeen = new Map<string, string>();
  for (const e of events) {
    if (from === null || e.fecha_inicio < from) from = e.fecha_inicio;
    if (to === null || e.fecha_fin > to) to = e.fecha_fin;
    periods.add(e.periodo);
    precisions.add(e.precision_fecha);
    const seen = firstSeen.get(e.serie);
    if (seen === undefined || e.fecha_inicio < seen) firstSeen.set(e.serie, e.fecha_inicio);
  }
  const series = [...firstSeen].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([s]) => s);
  return { from, to, periods: [...periods].sort(), series, precisions: [...precisions].sort() };
}

/**
 * Series breaks inside a window: the dates at which the source or method changes. The UI flags
 * them, because counts on either side of a break are not comparable.
 */
export function seriesBreaks(events: readonly Pick<ConflictEvent, 'fecha_inicio' | 'fecha_fin' | 'serie'>[], w: TimeWindow): { date: string; from: string; to: string }[] {
  const starts = new Map<string, string>();
  for (const e of events) {
    if (!inWindow(e, w)) continue;
    const s = starts.get(e.serie);
    if (s === undefined || e.fecha_inicio < s) starts.set(e.serie, e.fecha_inicio);
  }
  const ordered = [...starts].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return ordered.slice(1).map(([serie, date], k) => ({ date, from: ordered[k][0], to: serie }));
}

/** Conflicts that count as "current" for planning: active or latent. */
export const CURRENT_STATUSES: readonly ConflictStatus[] = ['activo', 'latente'];

/**
 * Events in the window with one of `statuses`, counted per unit. A district count only uses
 * events placed in a district; events placed only in their province count at province level.
 */
export function countByUnit(
  events: readonly Pick<ConflictEvent, 'fecha_inicio' | 'fecha_fin' | 'estado' | 'ubigeo' | 'ubigeo_prov'>[],
  w: TimeWindow,
  level: 'provincia' | 'distrito',
  unitIds: readonly string[],
  statuses: readonly ConflictStatus[] = CURRENT_STATUSES,
): Float64Array {
  const index = new Map(unitIds.map((id, i) => [id, i]));
  const counts = new Float64Array(unitIds.length);
  for (const e of events) {
    if (e.estado === null || !statuses.includes(e.estado) || !inWindow(e, w)) continue;
    const key = level === 'provincia' ? e.ubigeo_prov : e.ubigeo;
    const i = key === null ? undefined : index.get(key);
    if (i !== undefined) counts[i]++;
  }
  return counts;
}

/** Counts per `per` people; NaN where the population is missing or zero. */
export function perCapita(counts: Float64Array, population: Float64Array, per = 100_000): Float64Array {
  return counts.map((c, i) => (population[i] > 0 ? (c * per) / population[i] : NaN));
}

/** Heatmap weight per status, and a multiplier for cases with violence. Shown and editable in the UI. */
export interface HeatWeights {
  activo: number;
  latente: number;
  resuelto: number;
  retirado: number;
  violencia: number;
}
export const DEFAULT_HEAT_WEIGHTS: HeatWeights = { activo: 1, latente: 0.5, resuelto: 0.1, retirado: 0, violencia: 2 };

export function heatWeight(e: Pick<ConflictEvent, 'estado' | 'violencia'>, w: HeatWeights): number {
  const base = e.estado === null ? 0 : w[e.estado];
  return e.violencia ? base * w.violencia : base;
}
