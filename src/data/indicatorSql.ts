import { OLD_FACILITY_YEARS, REFERENCE_YEAR, type Level } from '../domain/indicators';

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

/** Per-unit facility aggregates, joined to every unit of the level (units without facilities get NULL). */
function facilityJoin(level: Level, select: string, where = ''): string {
  return `${UNIT_TABLE[level]} u
LEFT JOIN (SELECT ${FACILITY_KEY[level]} AS k, ${select}
           FROM establecimientos ${where} GROUP BY 1) f ON f.k = u.ubigeo`;
}

const age = `(${REFERENCE_YEAR} - anio_inicio)`;

const SQL: Record<string, (level: Level) => string> = {
  poblacion_2017: (l) => `SELECT ubigeo, pob_2017::DOUBLE AS value FROM ${UNIT_TABLE[l]}`,
  poblacion_2020: (l) => `SELECT ubigeo, pob_2020::DOUBLE AS value FROM ${UNIT_TABLE[l]}`,
  poblacion_2022: (l) => `SELECT ubigeo, pob_2022::DOUBLE AS value FROM ${UNIT_TABLE[l]}`,
  establecimientos_por_10k: (l) =>
    `SELECT u.ubigeo, coalesce(f.n, 0) * 10000.0 / nullif(u.pob_2017, 0) AS value
FROM ${facilityJoin(l, 'count(*) AS n')}`,
  primer_nivel_por_10k: (l) =>
    `SELECT u.ubigeo, coalesce(f.n, 0) * 10000.0 / nullif(u.pob_2017, 0) AS value
FROM ${facilityJoin(l, 'count(*) AS n', "WHERE categoria IN ('I-1', 'I-2', 'I-3', 'I-4')")}`,
  hospitales_por_100k: (l) =>
    `SELECT u.ubigeo, coalesce(f.n, 0) * 100000.0 / nullif(u.pob_2017, 0) AS value
FROM ${facilityJoin(l, 'count(*) AS n', "WHERE categoria LIKE 'II-%' OR categoria LIKE 'III-%'")}`,
  // A unit with no facility has no finite "people per facility": it stays missing here and
  // shows as 0 in the per-10,000 indicators instead.
  personas_por_establecimiento: (l) =>
    `SELECT u.ubigeo, u.pob_2017 / nullif(f.n, 0)::DOUBLE AS value
FROM ${facilityJoin(l, 'count(*) AS n')}`,
  // Placeholder (01/01/1900) and impossible start dates are NULL after the pipeline: not counted.
  antiguedad_mediana: (l) =>
    `SELECT u.ubigeo, f.value
FROM ${facilityJoin(l, `median(${age})::DOUBLE AS value`, 'WHERE anio_inicio IS NOT NULL')}`,
  pct_antiguos: (l) =>
    `SELECT u.ubigeo, 100.0 * f.old / nullif(f.dated, 0) AS value
FROM ${facilityJoin(l, `count_if(${age} >= ${OLD_FACILITY_YEARS}) AS old, count(anio_inicio) AS dated`)}`,
  pct_sin_camas: (l) =>
    `SELECT u.ubigeo, 100.0 * f.sin_camas / nullif(f.n, 0) AS value
FROM ${facilityJoin(l, 'count_if(camas IS NULL) AS sin_camas, count(*) AS n')}`,
  emergencias_por_establecimiento: (l) =>
    `SELECT u.ubigeo, e.atenciones / nullif(f.n, 0) AS value
FROM ${facilityJoin(l, 'count(*) AS n')}
LEFT JOIN (SELECT ${FACILITY_KEY[l]} AS k, sum(atenciones) AS atenciones FROM emergencias_2024 GROUP BY 1) e
       ON e.k = u.ubigeo`,
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

export function indicatorSql(id: string, level: Level): string {
  const make = SQL[id];
  if (!make) throw new Error(`sin consulta para el indicador ${id}`);
  return make(level).trim();
}

/** The units of a level with the names and codes the UI needs. */
export function unitsSql(level: Level): string {
  return level === 'provincia'
    ? `SELECT ubigeo, provincia AS nombre, departamento, ubigeo_dep, ubigeo AS ubigeo_prov, provincia
       FROM provincias ORDER BY ubigeo`
    : `SELECT ubigeo, distrito AS nombre, departamento, ubigeo_dep, ubigeo_prov, provincia
       FROM distritos ORDER BY ubigeo`;
}
