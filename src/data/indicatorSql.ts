import { REFERENCE_YEAR } from '../domain/indicators';

/**
 * One SQL query per indicator and level, over the DuckDB-WASM tables loaded from the
 * pipeline's Parquet. Each returns (ubigeo, value). Shown to the user so any number can be
 * traced back to its query.
 */
export const PROVINCE_INDICATOR_SQL: Record<string, string> = {
  // Facilities counted by their declared UBIGEO (coordinates are unreliable, see catalog).
  establecimientos_por_10k: `
SELECT p.ubigeo,
       coalesce(f.n, 0) * 10000.0 / nullif(p.pob_2017, 0) AS value
FROM provincias p
LEFT JOIN (SELECT ubigeo_prov, count(*) AS n FROM establecimientos GROUP BY ubigeo_prov) f
       ON f.ubigeo_prov = p.ubigeo`,
  // Placeholder and impossible start dates are NULL after the pipeline: they do not count.
  antiguedad_mediana: `
SELECT p.ubigeo, f.value
FROM provincias p
LEFT JOIN (SELECT ubigeo_prov, median(${REFERENCE_YEAR} - anio_inicio)::DOUBLE AS value
           FROM establecimientos WHERE anio_inicio IS NOT NULL GROUP BY ubigeo_prov) f
       ON f.ubigeo_prov = p.ubigeo`,
  // Recomputed by the pipeline from districts, weighted by population (fixes Lima).
  pobreza_pct: `SELECT ubigeo, pobreza_pct AS value FROM provincias`,
};

export const PROVINCE_UNITS_SQL = `
SELECT ubigeo, provincia, departamento, ubigeo_dep, pob_2017::DOUBLE AS pob_2017
FROM provincias ORDER BY ubigeo`;
