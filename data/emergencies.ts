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
      count(*) FILTER (_rellenado) AS rellenado
    FROM emergencias_2024`))[0];
  const out = [
    quirk('codigo_fuera_del_registro_2017', c.fuera,
      'Códigos de SUSALUD 2024 que no están en el registro MINSA de 2017 (establecimientos nuevos, privados o de otras instituciones): no se unen a establecimientos.',
      'SUSALUD 2024 codes absent from the 2017 MINSA register (new, private or other institutions\' facilities): they do not join establecimientos.'),
  ];
  if (c.rellenado > 0) {
    out.push(quirk('ubigeo_sin_ceros', c.rellenado, 'UBIGEO sin ceros iniciales: se completa a 6 dígitos.', 'UBIGEO lost its leading zeros: padded to 6 digits.'));
  }
  return out;
}
