import { OLD_FACILITY_YEARS, type Level } from '../domain/indicators';
import { capacityCountSql, capacityJoinSql, dateUsableSql, previousDefinitions, universeSql, type IndicatorDefinitions } from '../domain/universe';
import { attentionsSql, rowCountsSql } from '../domain/emergencyPlausibility';

/**
 * One SQL query per indicator and level, over the DuckDB-WASM tables loaded from the
 * pipeline's Parquet. Each returns (ubigeo, value) for every unit of the level. The data panel
 * shows them, so any number can be traced back to its query.
 *
 * Facilities are counted by their declared UBIGEO: about 5% of their coordinates fall in
 * another province or off the coast (see the catalogue), so geography would misplace them.
 */
const UNIT_TABLE: Record<Level, string> = { provincia: 'provincias', distrito: 'distritos' };
const FACILITY_KEY: Record<Level, string> = { provincia: 'ubigeo_prov', distrito: 'ubigeo' };

/**
 * Per-unit aggregates over the facilities of the universe (issue 12), joined to every unit of the
 * level (units without such facilities get NULL). `where` narrows the universe further.
 */
function facilityJoin(level: Level, d: IndicatorDefinitions, select: string, where = '', join = ''): string {
  const universe = universeSql(d.universe);
  const cond = [universe === 'TRUE' ? '' : universe, where].filter(Boolean).map((c) => `(${c})`).join(' AND ');
  return `${UNIT_TABLE[level]} u
LEFT JOIN (SELECT ${FACILITY_KEY[level]} AS k, ${select}
           FROM establecimientos${join ? ` ${join}` : ''}${cond ? ` WHERE ${cond}` : ''} GROUP BY 1) f ON f.k = u.ubigeo`;
}

/** The facility count of the count indicators, under the capacity rule (conteo, camas, pesos). */
const capacityJoin = (level: Level, d: IndicatorDefinitions, where = '') =>
  facilityJoin(level, d, `${capacityCountSql(d)} AS n`, where, capacityJoinSql(d));

const ageOf = (d: IndicatorDefinitions) => `(${d.referenceYear} - anio_inicio)`;

/**
 * Emergency attentions per facility. `universo`: the attentions of the SUSALUD codes of the
 * universe's facilities over those same facilities (codes absent from the register count on
 * neither side). `todos` (before issue 12): every SUSALUD row of the unit over every facility of
 * the universe. `sin_reporte`: a unit whose rows all report 0 is missing, not 0. Rows above their
 * level's plausible maximum are kept, capped or left out (`emergencyOutliers`; left out on both
 * sides under `universo`, from the numerator under `todos`).
 */
function emergencySql(l: Level, d: IndicatorDefinitions): string {
  const num = d.emergencyZeros === 'sin_reporte' ? 'nullif(e.atenciones, 0)' : 'e.atenciones';
  const rows = `(SELECT codigo, ${FACILITY_KEY[l]}, ${attentionsSql(d.emergencyOutliers)} AS atenciones
           FROM emergencias_2024 WHERE ${rowCountsSql(d.emergencyOutliers)})`;
  if (d.emergencyNumerator === 'todos') {
    return `SELECT u.ubigeo, ${num} / nullif(f.n, 0) AS value
FROM ${facilityJoin(l, d, 'count(*) AS n')}
LEFT JOIN (SELECT ${FACILITY_KEY[l]} AS k, sum(atenciones) AS atenciones FROM ${rows} GROUP BY 1) e
       ON e.k = u.ubigeo`;
  }
  const universe = universeSql(d.universe);
  return `SELECT u.ubigeo, ${num} / nullif(e.n, 0) AS value
FROM ${UNIT_TABLE[l]} u
LEFT JOIN (SELECT f.${FACILITY_KEY[l]} AS k, sum(s.atenciones) AS atenciones, count(*) AS n
           FROM establecimientos f
           JOIN ${rows} s ON s.codigo = f.codigo
           ${universe === 'TRUE' ? '' : `WHERE ${universe}`}
           GROUP BY 1) e ON e.k = u.ubigeo`;
}

const SQL: Record<string, (level: Level, d: IndicatorDefinitions) => string> = {
  poblacion_2017: (l) => `SELECT ubigeo, pob_2017::DOUBLE AS value FROM ${UNIT_TABLE[l]}`,
  poblacion_2020: (l) => `SELECT ubigeo, pob_2020::DOUBLE AS value FROM ${UNIT_TABLE[l]}`,
  poblacion_2022: (l) => `SELECT ubigeo, pob_2022::DOUBLE AS value FROM ${UNIT_TABLE[l]}`,
  establecimientos_por_10k: (l, d) =>
    `SELECT u.ubigeo, coalesce(f.n, 0) * 10000.0 / nullif(u.pob_2017, 0) AS value
FROM ${capacityJoin(l, d)}`,
  primer_nivel_por_10k: (l, d) =>
    `SELECT u.ubigeo, coalesce(f.n, 0) * 10000.0 / nullif(u.pob_2017, 0) AS value
FROM ${capacityJoin(l, d, "categoria IN ('I-1', 'I-2', 'I-3', 'I-4')")}`,
  hospitales_por_100k: (l, d) =>
    `SELECT u.ubigeo, coalesce(f.n, 0) * 100000.0 / nullif(u.pob_2017, 0) AS value
FROM ${capacityJoin(l, d, "categoria LIKE 'II-%' OR categoria LIKE 'III-%'")}`,
  // A unit with no facility has no finite "people per facility": it stays missing here and
  // shows as 0 in the per-10,000 indicators instead.
  personas_por_establecimiento: (l, d) =>
    `SELECT u.ubigeo, u.pob_2017 / nullif(f.n, 0)::DOUBLE AS value
FROM ${capacityJoin(l, d)}`,
  // Placeholder (01/01/1900) and impossible start dates are NULL after the pipeline: never
  // counted. Flagged dates (inicio_alerta) are left out as the definitions say.
  antiguedad_mediana: (l, d) =>
    `SELECT u.ubigeo, f.value
FROM ${facilityJoin(l, d, `median(${ageOf(d)})::DOUBLE AS value`, dateUsableSql(d.dates))}`,
  pct_antiguos: (l, d) =>
    `SELECT u.ubigeo, 100.0 * f.old / nullif(f.dated, 0) AS value
FROM ${facilityJoin(l, d, `count_if(${ageOf(d)} >= ${OLD_FACILITY_YEARS}) AS old, count(*) AS dated`, dateUsableSql(d.dates))}`,
  pct_sin_camas: (l, d) =>
    `SELECT u.ubigeo, 100.0 * f.sin_camas / nullif(f.n, 0) AS value
FROM ${facilityJoin(l, d, 'count_if(camas IS NULL) AS sin_camas, count(*) AS n')}`,
  emergencias_por_establecimiento: emergencySql,
  // Province poverty and NBI were recomputed by the pipeline from districts, weighted by
  // population (the source's Lima figure was wrong).
  pobreza_pct: (l) => `SELECT ubigeo, pobreza_pct AS value FROM ${UNIT_TABLE[l]}`,
  pobreza_extrema_pct: (l) => `SELECT ubigeo, pobreza_extrema_pct AS value FROM ${UNIT_TABLE[l]}`,
  nbi_pct: (l) => `SELECT ubigeo, nbi_pct AS value FROM ${UNIT_TABLE[l]}`,
  idh_2019: (l) => `SELECT ubigeo, idh_2019 AS value FROM ${UNIT_TABLE[l]}`,
  indice_densidad_estado: () => `SELECT ubigeo, indice_densidad_estado AS value FROM provincias`,
  ruralidad_pct: (l) =>
    `SELECT ubigeo, 100.0 * pob_rural_2017 / nullif(pob_2017, 0) AS value FROM ${UNIT_TABLE[l]}`,
  altitud_m: (l) => `SELECT ubigeo, altitud_m AS value FROM ${UNIT_TABLE[l]}`,
};

/** The indicators whose SQL depends on the definitions (universe, ratio, zeros, dates, year). */
/** The indicators that count facilities: they follow the capacity rule. */
export const COUNT_INDICATORS = ['establecimientos_por_10k', 'primer_nivel_por_10k', 'hospitales_por_100k', 'personas_por_establecimiento'] as const;

export const FACILITY_INDICATORS = [
  'establecimientos_por_10k', 'primer_nivel_por_10k', 'hospitales_por_100k', 'personas_por_establecimiento',
  'antiguedad_mediana', 'pct_antiguos', 'pct_sin_camas', 'emergencias_por_establecimiento',
] as const;

/** `d` defaults to the definitions used before issue 12 (every facility, every date). */
export function indicatorSql(id: string, level: Level, d: IndicatorDefinitions = previousDefinitions()): string {
  const make = SQL[id];
  if (!make) throw new Error(`sin consulta para el indicador ${id}`);
  return make(level, d).trim();
}

/**
 * The facility counts of the detail panel for each unit of the level: facilities of the universe,
 * of the register, with a usable start date, with a flagged one, and SUSALUD-listed ones.
 */
export function facilityCountsSql(level: Level, d: IndicatorDefinitions): string {
  const universe = universeSql(d.universe);
  return `SELECT ${FACILITY_KEY[level]} AS ubigeo,
  count(*) FILTER (${universe}) AS universo,
  count(*) AS registro,
  count(*) FILTER ((${universe}) AND ${dateUsableSql(d.dates)}) AS fechados,
  count(*) FILTER ((${universe}) AND inicio_alerta IS NOT NULL) AS alertas
FROM establecimientos GROUP BY 1`;
}

/** The units of a level with the names and codes the UI needs. */
export function unitsSql(level: Level): string {
  return level === 'provincia'
    ? `SELECT ubigeo, provincia AS nombre, departamento, ubigeo_dep, ubigeo AS ubigeo_prov, provincia
       FROM provincias ORDER BY ubigeo`
    : `SELECT ubigeo, distrito AS nombre, departamento, ubigeo_dep, ubigeo_prov, provincia
       FROM distritos ORDER BY ubigeo`;
}
