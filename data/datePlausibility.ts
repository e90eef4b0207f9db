// Start-date plausibility flags of the facility register (issue 12): the rules and thresholds
// are in src/domain/datePlausibility.ts; this is their SQL over `establecimientos_base`.
import type { Db } from './db';
import { quirk, type Quirk } from './quirks';
import {
  BLOCK_BEFORE_YEAR,
  BLOCK_MIN_FACILITIES,
  BLOCK_MIN_SHARE,
  BLOCK_YEARS,
  FIRST_LEVEL_EARLIEST_YEAR,
  PLACEHOLDER_YEAR,
} from '../src/domain/datePlausibility';

/** Builds `alertas_inicio (codigo, inicio_alerta)`: one row per facility, the flag or NULL. */
export async function buildStartDateFlags(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE alertas_inicio AS
    WITH f AS (SELECT codigo, ubigeo_prov, categoria, inicio_actividad AS d, anio_inicio AS y FROM establecimientos_base),
    same_date AS (
      SELECT ubigeo_prov, d FROM f WHERE d IS NOT NULL GROUP BY ALL HAVING count(*) >= ${BLOCK_MIN_FACILITIES}
    ),
    dated AS (SELECT ubigeo_prov, count(*) AS n FROM f WHERE y IS NOT NULL GROUP BY 1),
    -- every run of ${BLOCK_YEARS} consecutive years starting at a year some facility has
    runs AS (
      SELECT s.ubigeo_prov, s.y AS y0, count(*) AS n
      FROM (SELECT DISTINCT ubigeo_prov, y FROM f WHERE y IS NOT NULL) s
      JOIN f ON f.ubigeo_prov = s.ubigeo_prov AND f.y BETWEEN s.y AND s.y + ${BLOCK_YEARS - 1}
      GROUP BY ALL
    ),
    block_runs AS (
      SELECT r.ubigeo_prov, r.y0 FROM runs r JOIN dated USING (ubigeo_prov)
      WHERE r.n >= ${BLOCK_MIN_FACILITIES} AND r.n >= ${BLOCK_MIN_SHARE} * dated.n AND r.y0 + ${BLOCK_YEARS - 1} < ${BLOCK_BEFORE_YEAR}
    )
    SELECT f.codigo,
      CASE
        WHEN f.y = ${PLACEHOLDER_YEAR} THEN 'variante_1900'
        WHEN f.y < ${FIRST_LEVEL_EARLIEST_YEAR} AND f.categoria IN ('I-1', 'I-2', 'I-3', 'I-4') THEN 'anterior_al_nivel'
        WHEN EXISTS (SELECT 1 FROM same_date s WHERE s.ubigeo_prov = f.ubigeo_prov AND s.d = f.d) THEN 'bloque_fecha'
        WHEN EXISTS (SELECT 1 FROM block_runs b WHERE b.ubigeo_prov = f.ubigeo_prov AND f.y BETWEEN b.y0 AND b.y0 + ${BLOCK_YEARS - 1}) THEN 'bloque_anios'
      END AS inicio_alerta
    FROM f`);
}

/** One quirk per flag, with the facilities it marks (rows of the published register). */
export async function startDateQuirks(db: Db): Promise<Quirk[]> {
  const c = (await db.rows<Record<string, number>>(`SELECT
      count(*) FILTER (inicio_alerta = 'variante_1900') AS variante,
      count(*) FILTER (inicio_alerta = 'anterior_al_nivel') AS anterior,
      count(*) FILTER (inicio_alerta = 'bloque_fecha') AS bloque_fecha,
      count(*) FILTER (inicio_alerta = 'bloque_anios') AS bloque_anios
    FROM alertas_inicio`))[0];
  return [
    quirk('inicio_variante_1900', c.variante,
      `Fechas de inicio en ${PLACEHOLDER_YEAR} que no son el 01/01 (p. ej. Ticrapo, 06/09/1900): variantes del valor de relleno. Se marcan (inicio_alerta = variante_1900); el usuario puede dejarlas fuera de la antigüedad.`,
      `Start dates in ${PLACEHOLDER_YEAR} other than 01/01 (e.g. Ticrapo, 06/09/1900): variants of the placeholder. Flagged (inicio_alerta = variante_1900); the user can leave them out of the age indicators.`),
    quirk('inicio_anterior_al_nivel', c.anterior,
      `Establecimientos del primer nivel (I-1 a I-4) con inicio antes de ${FIRST_LEVEL_EARLIEST_YEAR}, año de creación del Ministerio de Salud Pública: fecha implausible, marcada (anterior_al_nivel).`,
      `First-level facilities (I-1 to I-4) starting before ${FIRST_LEVEL_EARLIEST_YEAR}, when the Ministry of Public Health was created: implausible date, flagged (anterior_al_nivel).`),
    quirk('inicio_bloque_fecha', c.bloque_fecha,
      `La misma fecha de inicio compartida por ${BLOCK_MIN_FACILITIES} o más establecimientos de una provincia (p. ej. 09/10/1996, 126 en Ayacucho): probable fecha de registro, no de construcción (bloque_fecha).`,
      `The same start date shared by ${BLOCK_MIN_FACILITIES} or more facilities of one province (e.g. 09/10/1996, 126 in Ayacucho): probably a registration date, not a construction date (bloque_fecha).`),
    quirk('inicio_bloque_anios', c.bloque_anios,
      `${BLOCK_MIN_FACILITIES} o más establecimientos y al menos el ${BLOCK_MIN_SHARE * 100} % de los fechados de una provincia dentro de ${BLOCK_YEARS} años seguidos antes de ${BLOCK_BEFORE_YEAR} (Canas: 11 de sus 14 fechados en 1964–1967): probable campaña de registro (bloque_anios).`,
      `${BLOCK_MIN_FACILITIES} or more facilities and at least ${BLOCK_MIN_SHARE * 100}% of a province's dated ones within ${BLOCK_YEARS} consecutive years before ${BLOCK_BEFORE_YEAR} (Canas: 11 of its 14 dated ones in 1964–1967): probably a registration campaign (bloque_anios).`),
  ];
}
