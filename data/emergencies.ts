// SUSALUD emergency attentions per facility, 2024 → emergencias_2024.
import type { Db } from './db';
import { sqlString } from './db';
import { padUbigeoSql, lostLeadingZerosSql } from './ubigeo';
import { quirk, type Quirk } from './quirks';

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
      round(100 * sum(atenciones) FILTER (codigo NOT IN (SELECT codigo FROM establecimientos)) / sum(atenciones), 1) AS pct_fuera
    FROM emergencias_2024`))[0];
  const out = [
    quirk('codigo_fuera_del_registro_2017', c.fuera,
      `Códigos de SUSALUD 2024 que no están en el registro MINSA de 2017 (establecimientos nuevos, privados o de otras instituciones), con el ${c.pct_fuera} % de las atenciones: no se unen a establecimientos y no entran en «atenciones por establecimiento» (numerador y denominador del mismo conjunto de establecimientos).`,
      `SUSALUD 2024 codes absent from the 2017 MINSA register (new, private or other institutions' facilities), with ${c.pct_fuera}% of the attentions: they do not join establecimientos and stay out of «attentions per facility» (numerator and denominator from the same set of facilities).`),
    quirk('filas_con_cero_atenciones', c.ceros,
      'Filas de SUSALUD con 0 atenciones de emergencia en 2024. Una unidad cuyas filas son todas 0 se lee por defecto como «sin reporte» (dato faltante), no como un 0 real; el escenario puede elegir la otra lectura.',
      'SUSALUD rows with 0 emergency attentions in 2024. A unit whose rows are all 0 is read by default as «no report» (missing), not as a true 0; the scenario can choose the other reading.'),
  ];
  if (c.rellenado > 0) {
    out.push(quirk('ubigeo_sin_ceros', c.rellenado, 'UBIGEO sin ceros iniciales: se completa a 6 dígitos.', 'UBIGEO lost its leading zeros: padded to 6 digits.'));
  }
  return out;
}
