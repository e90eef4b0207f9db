import type { Level } from '../domain/indicators';
import { SERIES, type SeriesTable } from '../domain/series';
import type { DataSource } from './source';

/**
 * The series of a level (issue 19) as one long query: (ubigeo, serie, periodo, valor), every
 * vintage the data hold kept apart. Facilities «activos» in a year are those of the 2017 register
 * whose start-of-activity year is not later (a facility closed before 2017 is not in the register,
 * so the past is undercounted); the rate divides them by the census of the same year.
 */
const UNIT_TABLE: Record<Level, string> = { provincia: 'provincias', distrito: 'distritos' };
const FACILITY_KEY: Record<Level, string> = { provincia: 'ubigeo_prov', distrito: 'ubigeo' };

const fixed = (id: string) => {
  const def = SERIES.find((s) => s.id === id)!;
  return def.periods === 'events' ? [] : def.periods.map((p) => p.period);
};

export function seriesSql(level: Level): string {
  const units = UNIT_TABLE[level];
  const population = fixed('poblacion').map((y) => `SELECT ubigeo, 'poblacion' AS serie, '${y}' AS periodo, pob_${y}::DOUBLE AS valor FROM ${units}`);
  const active = (y: string) => `count(f.codigo) FILTER (f.anio_inicio <= ${y})::DOUBLE`;
  const facilities = `(SELECT u.ubigeo, ${fixed('establecimientos_activos').map((y) => `${active(y)} AS a${y}`).join(', ')}
    FROM ${units} u LEFT JOIN establecimientos f ON f.${FACILITY_KEY[level]} = u.ubigeo GROUP BY u.ubigeo) f`;
  const counts = fixed('establecimientos_activos').map((y) => `SELECT ubigeo, 'establecimientos_activos', '${y}', a${y} FROM ${facilities}`);
  const rates = fixed('establecimientos_por_10k_censal').map(
    (y) => `SELECT u.ubigeo, 'establecimientos_por_10k_censal', '${y}', 10000.0 * f.a${y} / nullif(u.pob_${y}, 0) FROM ${units} u JOIN ${facilities} USING (ubigeo)`,
  );
  return [...population, ...counts, ...rates].join('\nUNION ALL\n');
}

/** Loads the level's series, aligned with `ids` (the level's units, in their order). */
export async function loadSeries(source: DataSource, level: Level, ids: readonly string[]): Promise<SeriesTable> {
  const t = await source.query(seriesSql(level), level);
  const at = new Map(ids.map((id, i) => [id, i]));
  const values: SeriesTable['values'] = {};
  const u = t.getChild('ubigeo')!;
  const s = t.getChild('serie')!;
  const p = t.getChild('periodo')!;
  const v = t.getChild('valor')!;
  for (let r = 0; r < t.numRows; r++) {
    const i = at.get(u.get(r) as string);
    if (i === undefined) continue;
    const serie = s.get(r) as string;
    const periodo = p.get(r) as string;
    const col = ((values[serie] ??= {})[periodo] ??= new Float64Array(ids.length).fill(NaN));
    const x = v.get(r) as number | null;
    col[i] = x === null ? NaN : Number(x);
  }
  return { level, ids: [...ids], values };
}
