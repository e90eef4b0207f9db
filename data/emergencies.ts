// SUSALUD emergency attentions per facility, 2024 → emergencias_2024.
import type { Db } from './db';
import { sqlString } from './db';
import { padUbigeoSql, lostLeadingZerosSql } from './ubigeo';
import { quirk, type Quirk } from './quirks';
import { CAPPED_CATEGORIES, EMERGENCY_OUTLIER_FLAG, REFERENCE_CATEGORY } from '../src/domain/emergencyPlausibility';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

export async function buildEmergencies(db: Db, file: string): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE emergencias_2024 AS SELECT
      CAST(TRY_CAST(trim(codigo) AS INTEGER) AS INTEGER) AS codigo,
      ${padUbigeoSql('ubigeo', 6)} AS ubigeo,
      substr(${padUbigeoSql('ubigeo', 6)}, 1, 4) AS ubigeo_prov,
      CAST(atenciones AS DOUBLE) AS atenciones,
      CAST(atendidos AS DOUBLE) AS atendidos,
      ${lostLeadingZerosSql('ubigeo', 6)} AS _rellenado
    FROM read_parquet(${sqlString(file)})
    WHERE TRY_CAST(trim(codigo) AS INTEGER) IS NOT NULL`);
  await flagImplausibleAttentions(db);
}

/**
 * Adds `maximo_plausible` (the median attentions of the ${REFERENCE_CATEGORY} hospitals, on rows of
 * facilities of categories I-1 … I-3) and `alerta` (EMERGENCY_OUTLIER_FLAG when above it); rules in
 * src/domain/emergencyPlausibility.ts. Needs the `establecimientos` table (categories).
 */
async function flagImplausibleAttentions(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE emergencias_2024 AS
    WITH ref AS (
      SELECT median(e.atenciones) AS maximo FROM emergencias_2024 e JOIN establecimientos f USING (codigo)
      WHERE f.categoria = '${REFERENCE_CATEGORY}'
    )
    SELECT e.*,
      CASE WHEN f.categoria IN (${list(CAPPED_CATEGORIES)}) THEN ref.maximo END AS maximo_plausible,
      CASE WHEN f.categoria IN (${list(CAPPED_CATEGORIES)}) AND e.atenciones > ref.maximo THEN '${EMERGENCY_OUTLIER_FLAG}' END AS alerta
    FROM emergencias_2024 e CROSS JOIN ref LEFT JOIN establecimientos f USING (codigo)`);
}

export async function writeEmergencies(db: Db, file: string): Promise<void> {
  await db.run(`COPY (SELECT * EXCLUDE (_rellenado) FROM emergencias_2024 ORDER BY codigo, ubigeo)
    TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
}

/** Needs the `establecimientos` table (to see which codes the 2017 register lacks). */
export async function emergencyQuirks(db: Db): Promise<Quirk[]> {
  const c = (await db.rows<Record<string, number>>(`SELECT
      count(*) FILTER (codigo NOT IN (SELECT codigo FROM establecimientos)) AS fuera,
      count(*) FILTER (_rellenado) AS rellenado,
      count(*) FILTER (atenciones = 0) AS ceros,
      count(*) FILTER (alerta IS NOT NULL) AS sobre_maximo,
      any_value(maximo_plausible) AS maximo,
      round(100 * sum(atenciones) FILTER (codigo NOT IN (SELECT codigo FROM establecimientos)) / sum(atenciones), 1) AS pct_fuera
    FROM emergencias_2024`))[0];
  const out = [
    quirk('codigo_fuera_del_registro_2017', c.fuera,
      `Códigos de SUSALUD 2024 que no están en el registro MINSA de 2017 (establecimientos nuevos, privados o de otras instituciones), con el ${c.pct_fuera} % de las atenciones: no se unen a establecimientos y no entran en «atenciones por establecimiento» (numerador y denominador del mismo conjunto de establecimientos).`,
      `SUSALUD 2024 codes absent from the 2017 MINSA register (new, private or other institutions' facilities), with ${c.pct_fuera}% of the attentions: they do not join establecimientos and stay out of «attentions per facility» (numerator and denominator from the same set of facilities).`),
    quirk('filas_con_cero_atenciones', c.ceros,
      'Filas de SUSALUD con 0 atenciones de emergencia en 2024. Una unidad cuyas filas son todas 0 se lee por defecto como «sin reporte» (dato faltante), no como un 0 real; el escenario puede elegir la otra lectura.',
      'SUSALUD rows with 0 emergency attentions in 2024. A unit whose rows are all 0 is read by default as «no report» (missing), not as a true 0; the scenario can choose the other reading.'),
    quirk('atenciones_sobre_maximo_del_nivel', c.sobre_maximo,
      `Establecimientos I-1 a I-3 (sin internamiento) que reportan más atenciones de emergencia que el hospital ${REFERENCE_CATEGORY} mediano (${Math.round(c.maximo)} en 2024), p. ej. el puesto de salud Quinuabamba (código 1781), 74 003: valor inverosímil para su nivel, marcado (alerta = ${EMERGENCY_OUTLIER_FLAG}). El escenario elige incluirlo, recortarlo a ese máximo o dejarlo fuera (por defecto).`,
      `I-1 to I-3 facilities (no inpatient care) reporting more emergency attentions than the median ${REFERENCE_CATEGORY} hospital (${Math.round(c.maximo)} in 2024), e.g. the Quinuabamba health post (code 1781), 74,003: not credible for its level, flagged (alerta = ${EMERGENCY_OUTLIER_FLAG}). The scenario includes it, caps it at that maximum or leaves it out (default).`),
  ];
  if (c.rellenado > 0) {
    out.push(quirk('ubigeo_sin_ceros', c.rellenado, 'UBIGEO sin ceros iniciales: se completa a 6 dígitos.', 'UBIGEO lost its leading zeros: padded to 6 digits.'));
  }
  return out;
}
