// Districts and provinces: census 2017, population 2007/2022, INEI/PNUD/MIDIS indicators,
// joined on the district boundary layer (1,891 districts, including those created after 2017).
import { readFileSync } from 'node:fs';
import type { Db } from './db';
import { sqlString } from './db';
import { parseCsvLine } from './inputs';
import { padUbigeoSql, lostLeadingZerosSql } from './ubigeo';
import { quirk, type Quirk } from './quirks';
import type { Boundary } from './boundaries';

/** Provinces whose own poverty figure differs from the district-weighted one by more than this (points). */
export const POVERTY_DISCREPANCY_POINTS = 3;

const num = (expr: string) => `TRY_CAST(NULLIF(NULLIF(trim(${expr}), ''), 'NA') AS DOUBLE)`;
const int = (expr: string) => `CAST(round(${num(expr)}) AS INTEGER)`;
const csv = (file: string) =>
  `read_csv(${sqlString(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, sample_size = -1)`;

/** Population-weighted mean as SQL: rows lacking the value or the weight are left out. */
export function weightedMeanSql(value: string, weight: string): string {
  const both = `${value} IS NOT NULL AND ${weight} IS NOT NULL AND ${weight} > 0`;
  return `(sum(${value} * ${weight}) FILTER (WHERE ${both}) / NULLIF(sum(${weight}) FILTER (WHERE ${both}), 0))`;
}

/** Loads the boundary layers' names (accented) as the tables every join hangs on. */
export async function loadBoundaryNames(db: Db, districts: Boundary, provinces: Boundary): Promise<void> {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  await db.insertRows(
    'limites_distritos',
    ['ubigeo', 'departamento', 'provincia', 'distrito', 'region_natural'].map((name) => ({ name, type: 'VARCHAR' as const })),
    districts.features.map((f) => {
      const p = f.properties;
      return [p.ubigeo, s(p.departamento), s(p.provincia), s(p.distrito), s(p.region_natural)];
    }),
  );
  await db.insertRows(
    'limites_provincias',
    ['ubigeo', 'departamento', 'provincia'].map((name) => ({ name, type: 'VARCHAR' as const })),
    provinces.features.map((f) => [f.properties.ubigeo, s(f.properties.departamento), s(f.properties.provincia)]),
  );
}

/** Census 2017 by district. NBI_PORC is the share with NO unmet need: ALGUNA_NBI is used. */
export async function loadCensus(db: Db, file: string): Promise<{ padded: number }> {
  await db.run(`CREATE OR REPLACE TABLE censo AS SELECT
      ${padUbigeoSql('UBIGEO', 6)} AS ubigeo,
      ${lostLeadingZerosSql('UBIGEO', 6)} AS _rellenado,
      ${int('POBTOTAL')} AS pob_2017,
      ${int('POBURBANA')} AS pob_urbana_2017,
      ${int('POBRURAL')} AS pob_rural_2017,
      ${int('POB_PROYEC')} AS pob_2020,
      ${num('ALGUNA_NBI')} AS nbi_pct,
      ${num('NBI_PORC')} AS nbi_porc_fuente,
      ${num('IC_INF')} AS pobreza_ic_inf,
      ${num('IC_SUP')} AS pobreza_ic_sup
    FROM ${csv(file)}`);
  return { padded: await db.value<number>(`SELECT count(*) FILTER (_rellenado) FROM censo`) };
}

/** Lines with more fields than the header (the file's rows end in ",," on most lines). */
export function countRowsWithExtraFields(file: string): { header: number; rows: number } {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = parseCsvLine(lines[0] ?? '').length;
  return { header, rows: lines.slice(1).filter((l) => parseCsvLine(l).length > header).length };
}

/**
 * Census 2007 and 2022 projection by district. Most lines carry two trailing empty fields
 * that the header lacks, so DuckDB's sniffer rejects the file: the columns are stated, with
 * two padding columns, and auto-detection is off.
 */
export async function loadPopulation2007To2022(db: Db, file: string): Promise<{ padded: number; extraFieldRows: number }> {
  await db.run(`CREATE OR REPLACE TABLE poblacion_2007_2022 AS SELECT
      ${padUbigeoSql('ubigeo', 6)} AS ubigeo,
      ${lostLeadingZerosSql('ubigeo', 6)} AS _rellenado,
      ${int('c2007')} AS pob_2007,
      ${int('p2022')} AS pob_2022
    FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"',
      null_padding = true,
      columns = {'ubigeo': 'VARCHAR', 'distrito': 'VARCHAR', 'c2007': 'VARCHAR', 'p2022': 'VARCHAR',
                 'cp_dif': 'VARCHAR', 'vacia_1': 'VARCHAR', 'vacia_2': 'VARCHAR'})`);
  return {
    padded: await db.value<number>(`SELECT count(*) FILTER (_rellenado) FROM poblacion_2007_2022`),
    extraFieldRows: countRowsWithExtraFields(file).rows,
  };
}

/**
 * District indicators (poverty 2018, HDI 2019, food vulnerability, altitude, area). Codes that
 * are not in the boundary layer (obsolete) and the row whose code is "NA" are dropped.
 */
export async function loadDistrictIndicators(
  db: Db,
  file: string,
): Promise<{ padded: number; obsolete: string[]; naRows: number }> {
  await db.run(`CREATE OR REPLACE TABLE indicadores_distrito_raw AS SELECT
      trim(inei) AS inei_raw,
      ${padUbigeoSql('inei', 6)} AS ubigeo,
      ${lostLeadingZerosSql('inei', 6)} AS _rellenado,
      ${num('pct_pobreza_total')} AS pobreza_pct,
      ${num('pct_pobreza_extrema')} AS pobreza_extrema_pct,
      ${num('idh_2019')} AS idh_2019,
      ${num('indice_vulnerabilidad_alimentaria')} AS indice_vulnerabilidad_alimentaria,
      ${num('altitude')} AS altitud_m,
      ${num('superficie')} AS superficie_km2
    FROM ${csv(file)}`);
  const naRows = await db.value<number>(`SELECT count(*) FROM indicadores_distrito_raw WHERE ubigeo IS NULL`);
  const obsolete = (
    await db.rows<{ ubigeo: string }>(`SELECT ubigeo FROM indicadores_distrito_raw
      WHERE ubigeo IS NOT NULL AND ubigeo NOT IN (SELECT ubigeo FROM limites_distritos) ORDER BY ubigeo`)
  ).map((r) => r.ubigeo);
  await db.run(`CREATE OR REPLACE TABLE indicadores_distrito AS
    SELECT * FROM indicadores_distrito_raw
    WHERE ubigeo IN (SELECT ubigeo FROM limites_distritos)
    QUALIFY row_number() OVER (PARTITION BY ubigeo ORDER BY inei_raw) = 1`);
  const padded = await db.value<number>(`SELECT count(*) FILTER (_rellenado) FROM indicadores_distrito_raw`);
  return { padded, obsolete, naRows };
}

export async function loadProvinceIndicators(db: Db, file: string): Promise<{ padded: number }> {
  await db.run(`CREATE OR REPLACE TABLE indicadores_provincia AS SELECT
      substr(${padUbigeoSql('inei', 6)}, 1, 4) AS ubigeo,
      ${lostLeadingZerosSql('inei', 6)} AS _rellenado,
      ${num('pct_pobreza_total')} AS pobreza_pct_fuente,
      ${num('pct_pobreza_extrema')} AS pobreza_extrema_pct_fuente,
      ${num('idh_2019')} AS idh_2019,
      ${num('indice_densidad_estado')} AS indice_densidad_estado,
      ${num('indice_vulnerabilidad_alimentaria')} AS indice_vulnerabilidad_alimentaria,
      ${num('altitude')} AS altitud_m,
      ${num('superficie')} AS superficie_km2
    FROM ${csv(file)}`);
  return { padded: await db.value<number>(`SELECT count(*) FILTER (_rellenado) FROM indicadores_provincia`) };
}

/** One row per boundary district, in the contract's column order. */
export async function buildDistricts(db: Db): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE distritos AS SELECT
      b.ubigeo, substr(b.ubigeo, 1, 4) AS ubigeo_prov, substr(b.ubigeo, 1, 2) AS ubigeo_dep,
      b.departamento, b.provincia, b.distrito, b.region_natural,
      c.pob_2017, c.pob_urbana_2017, c.pob_rural_2017, c.pob_2020,
      p.pob_2007, p.pob_2022,
      c.nbi_pct,
      i.pobreza_pct, i.pobreza_extrema_pct,
      c.pobreza_ic_inf, c.pobreza_ic_sup,
      i.idh_2019, i.indice_vulnerabilidad_alimentaria, i.altitud_m, i.superficie_km2
    FROM limites_distritos b
    LEFT JOIN censo c USING (ubigeo)
    LEFT JOIN poblacion_2007_2022 p USING (ubigeo)
    LEFT JOIN indicadores_distrito i USING (ubigeo)`);
}

/**
 * One row per boundary province. Population: sums of districts. Poverty and NBI: means of
 * districts weighted by population (2017, or 2022 for districts created after the census).
 * The province file's own poverty figure is kept in pobreza_pct_fuente (Lima's is wrong).
 */
export async function buildProvinces(db: Db): Promise<void> {
  const w = 'coalesce(d.pob_2017, d.pob_2022)';
  const sumInt = (c: string) => `CAST(sum(d.${c}) AS INTEGER) AS ${c}`;
  await db.run(`CREATE OR REPLACE TABLE provincias AS
    WITH agregado AS (
      SELECT d.ubigeo_prov AS ubigeo,
        ${['pob_2017', 'pob_urbana_2017', 'pob_rural_2017', 'pob_2020', 'pob_2007', 'pob_2022'].map(sumInt).join(', ')},
        ${weightedMeanSql('d.pobreza_pct', w)} AS pobreza_pct,
        ${weightedMeanSql('d.pobreza_extrema_pct', w)} AS pobreza_extrema_pct,
        ${weightedMeanSql('d.nbi_pct', w)} AS nbi_pct
      FROM distritos d GROUP BY d.ubigeo_prov)
    SELECT b.ubigeo, substr(b.ubigeo, 1, 2) AS ubigeo_dep, b.departamento, b.provincia,
      a.pob_2017, a.pob_urbana_2017, a.pob_rural_2017, a.pob_2020, a.pob_2007, a.pob_2022,
      a.pobreza_pct, a.pobreza_extrema_pct, a.nbi_pct,
      i.pobreza_pct_fuente,
      i.idh_2019, i.indice_densidad_estado, i.indice_vulnerabilidad_alimentaria, i.altitud_m, i.superficie_km2
    FROM limites_provincias b
    LEFT JOIN agregado a USING (ubigeo)
    LEFT JOIN indicadores_provincia i USING (ubigeo)`);
}

export async function writeTable(db: Db, table: string, file: string, orderBy = 'ubigeo'): Promise<void> {
  await db.run(`COPY (SELECT * FROM ${table} ORDER BY ${orderBy}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
}

export interface PopulationLoadReport {
  censusPadded: number;
  population0722: { padded: number; extraFieldRows: number };
  districtIndicators: { padded: number; obsolete: string[]; naRows: number };
  provinceIndicatorsPadded: number;
  boundaryPadded: number;
}

function paddingQuirk(n: number, file: string): Quirk[] {
  if (n === 0) return [];
  return [quirk(`ubigeo_sin_ceros_${file.replace(/\W+/g, '_')}`, n,
    `UBIGEO de ${file} sin ceros iniciales: se completa con ceros.`,
    `UBIGEO in ${file} lost its leading zeros: zero-padded.`)];
}

export async function districtQuirks(db: Db, r: PopulationLoadReport): Promise<Quirk[]> {
  const c = (await db.rows<Record<string, number>>(`SELECT
      count(*) FILTER (nbi_pct IS NOT NULL) AS nbi,
      count(*) FILTER (pob_2017 IS NULL) AS sin_censo,
      count(*) FILTER (pob_2017 IS NULL AND pob_2022 IS NOT NULL) AS sin_censo_con_2022,
      count(*) FILTER (pobreza_pct IS NULL) AS sin_pobreza
    FROM distritos`))[0];
  return [
    quirk('nbi_invertido', c.nbi,
      'En el censo, NBI_PORC es la población SIN necesidades básicas insatisfechas (Miraflores 98,8 %); nbi_pct toma ALGUNA_NBI, la población con al menos una.',
      'In the census file NBI_PORC is the share with NO unmet basic need (Miraflores 98.8%); nbi_pct takes ALGUNA_NBI, the share with at least one.'),
    quirk('distritos_sin_censo_2017', c.sin_censo,
      `Distritos creados después del censo 2017: pob_2017 y demás datos censales vacíos; poblacion_distrito_2007_2022 da pob_2022 para ${c.sin_censo_con_2022} de ellos.`,
      `Districts created after the 2017 census: pob_2017 and the other census fields are NULL; poblacion_distrito_2007_2022 gives pob_2022 for ${c.sin_censo_con_2022} of them.`),
    quirk('poblacion_columnas_vacias', r.population0722.extraFieldRows,
      'poblacion_distrito_2007_2022.csv: la mayoría de las filas termina en dos campos vacíos («,,») que la cabecera no tiene, y el detector de formato de DuckDB falla; se lee con columnas declaradas. Cuenta: filas con campos de más.',
      'poblacion_distrito_2007_2022.csv: most rows end in two empty fields (",,") that the header lacks, and DuckDB\'s sniffer fails; it is read with declared columns. Count: rows with extra fields.'),
    quirk('ubigeo_distrito_codigos_obsoletos', r.districtIndicators.obsolete.length,
      `ubigeo_distrito.csv tiene códigos que no existen en la capa de límites (${r.districtIndicators.obsolete.join(', ')}): se descartan.`,
      `ubigeo_distrito.csv holds codes absent from the boundary layer (${r.districtIndicators.obsolete.join(', ')}): dropped.`),
    quirk('ubigeo_distrito_fila_na', r.districtIndicators.naRows,
      'ubigeo_distrito.csv tiene una fila con código «NA» (San Antonio, Mariscal Nieto, sin datos): se descarta.',
      'ubigeo_distrito.csv has a row whose code is "NA" (San Antonio, Mariscal Nieto, no data): dropped.'),
    quirk('indicadores_distrito_faltantes', c.sin_pobreza,
      'Distritos sin pobreza 2018, IDH ni vulnerabilidad alimentaria (valores «NA» o ausentes en ubigeo_distrito.csv, sobre todo distritos nuevos): quedan vacíos.',
      'Districts with no 2018 poverty, HDI or food vulnerability ("NA" or missing in ubigeo_distrito.csv, mostly new districts): NULL.'),
    ...paddingQuirk(r.censusPadded, 'censo2017_distritos.csv'),
    ...paddingQuirk(r.population0722.padded, 'poblacion_distrito_2007_2022.csv'),
    ...paddingQuirk(r.districtIndicators.padded, 'ubigeo_distrito.csv'),
    ...paddingQuirk(r.boundaryPadded, 'distritos_inei.geojson'),
  ];
}

export async function provinceQuirks(db: Db, r: PopulationLoadReport): Promise<Quirk[]> {
  const rows = await db.rows<{ ubigeo: string; provincia: string; fuente: number; calculado: number }>(`SELECT
      ubigeo, provincia, pobreza_pct_fuente AS fuente, pobreza_pct AS calculado
    FROM provincias WHERE abs(pobreza_pct_fuente - pobreza_pct) > ${POVERTY_DISCREPANCY_POINTS} ORDER BY ubigeo`);
  const list = rows.map((x) => `${x.provincia} (${x.ubigeo}): ${x.fuente.toFixed(2)} → ${x.calculado.toFixed(1)}`).join('; ');
  return [
    quirk('pobreza_provincia_discrepante', rows.length,
      `La pobreza 2018 de ubigeo_provincia.csv difiere en más de ${POVERTY_DISCREPANCY_POINTS} puntos del promedio de sus distritos ponderado por población: ${list}. pobreza_pct, pobreza_extrema_pct y nbi_pct se recalculan desde los distritos para todas las provincias; la cifra del archivo queda en pobreza_pct_fuente.`,
      `2018 poverty in ubigeo_provincia.csv differs by more than ${POVERTY_DISCREPANCY_POINTS} points from the population-weighted mean of its districts: ${list}. pobreza_pct, pobreza_extrema_pct and nbi_pct are recomputed from districts for every province; the file's figure is kept in pobreza_pct_fuente.`),
    ...paddingQuirk(r.provinceIndicatorsPadded, 'ubigeo_provincia.csv'),
  ];
}
