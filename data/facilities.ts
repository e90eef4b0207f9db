// The MINSA IPRESS register (facilities/ipress_minsa_2017.csv) → establecimientos.
// Steps: load as text (types are stated here, not sniffed) → keep the first row of each
// duplicated code → repair text → swap NORTE/ESTE back → validate dates → locate each point
// in the province polygons (geolocation.ts) → write.
import type { Db } from './db';
import { sqlIdent, sqlString } from './db';
import { malformedFileError } from './errors';
import { startDateSql, startDateStatusSql, MIN_PLAUSIBLE_YEAR, REGISTER_YEAR, PLACEHOLDER_START_DATE } from './dates';
import { padUbigeoSql, lostLeadingZerosSql } from './ubigeo';
import {
  REPLACEMENT_CHAR,
  buildWordDictionary,
  repairCategoria,
  repairTipo,
  repairWithDictionary,
} from './text';
import { quirk, type Quirk } from './quirks';
import { buildStartDateFlags } from './datePlausibility';
import type { PointLocation } from './geolocation';

/** Raw column names of the register (its header kept its accents). */
export const IPRESS = {
  codigo: 'Codigo Unico',
  nombre: 'Nombre del establecimiento',
  institucion: 'Institucion',
  clasificacion: 'Clasificación',
  tipo: 'Tipo',
  departamento: 'DEPARTAMENTO',
  provincia: 'Provincia',
  distrito: 'Distrito',
  ubigeo: 'UBIGEO',
  disa: 'DISA',
  red: 'Red',
  microrred: 'Microrred',
  unidad_ejecutora: 'Unidad Ejecutora',
  categoria: 'Categoría',
  inicio: 'Inicio de Actividad',
  norte: 'NORTE',
  este: 'ESTE',
  cota: 'COTA',
  camas: 'CAMAS',
} as const;

/** The director's-name column (personal data) is found by its prefix and never selected. */
const DIRECTOR_PREFIX = 'Director';

/** Text columns written to the output, repaired through the word dictionary if damaged. */
export const TEXT_COLUMNS = [
  'institucion', 'clasificacion', 'tipo', 'categoria', 'departamento', 'provincia', 'distrito',
  'disa', 'red', 'microrred', 'unidad_ejecutora',
] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

const col = (name: string) => sqlIdent(name);
const text = (name: string) => `NULLIF(trim(${col(name)}), '')`;

/** Loads the CSV as text, numbering rows in file order (`fila`) for "keep the first". */
export async function loadRegister(db: Db, csvPath: string, rawDir: string, relPath: string): Promise<{ directorColumn: string | null }> {
  // Dialect stated; all_varchar so no column type or date format is guessed by the sniffer.
  await db.run(`CREATE OR REPLACE TABLE ipress_csv AS
    SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, delim = ',', quote = '"', escape = '"',
      all_varchar = true, sample_size = -1)`);
  // Table rowids follow insertion order, which is file order (preserve_insertion_order).
  await db.run(`CREATE OR REPLACE TABLE ipress_raw AS SELECT rowid + 1 AS fila, * FROM ipress_csv`);
  await db.run(`DROP TABLE ipress_csv`);
  const columns = (await db.rows<{ column_name: string }>(`DESCRIBE ipress_raw`)).map((r) => r.column_name);
  const bad = await db.value<number>(`SELECT count(*) FROM ipress_raw
    WHERE TRY_CAST(trim(${col(IPRESS.codigo)}) AS INTEGER) IS NULL`);
  if (bad > 0) throw malformedFileError(relPath, rawDir, `${bad} filas sin un «${IPRESS.codigo}» numérico`);
  return { directorColumn: columns.find((c) => c.startsWith(DIRECTOR_PREFIX)) ?? null };
}

/** Total U+FFFD characters in the raw rows (every column, the header excluded). */
export async function countReplacementCharsInRaw(db: Db): Promise<number> {
  const columns = (await db.rows<{ column_name: string }>(`DESCRIBE ipress_raw`))
    .map((r) => r.column_name)
    .filter((c) => c !== 'fila');
  const terms = columns.map((c) => `coalesce(length(${col(c)}) - length(replace(${col(c)}, '${REPLACEMENT_CHAR}', '')), 0)`);
  return db.value<number>(`SELECT coalesce(sum(${terms.join(' + ')}), 0) FROM ipress_raw`);
}

/** Keeps the first row (file order) of each `Codigo Unico`; returns how many rows were dropped. */
export async function dropDuplicateCodes(db: Db): Promise<number> {
  await db.run(`CREATE OR REPLACE TABLE ipress_unicos AS
    SELECT * FROM ipress_raw
    QUALIFY row_number() OVER (PARTITION BY TRY_CAST(trim(${col(IPRESS.codigo)}) AS INTEGER) ORDER BY fila) = 1`);
  return db.value<number>(`SELECT (SELECT count(*) FROM ipress_raw) - (SELECT count(*) FROM ipress_unicos)`);
}

/** The intact copy of the register: accented names by code (`codigo` is VARCHAR there). */
export async function loadNames(db: Db, parquetPath: string): Promise<string[]> {
  await db.run(`CREATE OR REPLACE TABLE ipress_nombres AS
    SELECT TRY_CAST(trim(codigo) AS INTEGER) AS codigo, NULLIF(trim(nombre), '') AS nombre
    FROM read_parquet(${sqlString(parquetPath)})
    WHERE TRY_CAST(trim(codigo) AS INTEGER) IS NOT NULL AND NULLIF(trim(nombre), '') IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY TRY_CAST(trim(codigo) AS INTEGER) ORDER BY nombre) = 1`);
  return (await db.rows<{ nombre: string }>(`SELECT nombre FROM ipress_nombres ORDER BY codigo`)).map((r) => r.nombre);
}

interface TextRepair {
  columna: string;
  original: string;
  reparado: string;
}

/**
 * Computes the repaired value of every distinct damaged text (and every category and type
 * label) and stores them in `texto_reparado(columna, original, reparado)`.
 * `referenceTexts`: correctly accented texts (register names, INEI boundary names).
 */
export async function buildTextRepairs(db: Db, referenceTexts: Iterable<string>): Promise<void> {
  const dictionary = buildWordDictionary(referenceTexts);
  const repairs: TextRepair[] = [];
  for (const c of [...TEXT_COLUMNS, 'nombre'] as const) {
    const values = await db.rows<{ v: string }>(`SELECT DISTINCT ${text(IPRESS[c])} AS v FROM ipress_unicos
      WHERE v IS NOT NULL ORDER BY v`);
    for (const { v } of values) {
      const repaired =
        c === 'categoria' ? repairWithDictionary(repairCategoria(v) ?? v, dictionary)
        : c === 'tipo' ? repairTipo(v, dictionary) ?? v
        : repairWithDictionary(v, dictionary);
      if (repaired !== v) repairs.push({ columna: c, original: v, reparado: repaired });
    }
  }
  await db.insertRows(
    'texto_reparado',
    [
      { name: 'columna', type: 'VARCHAR' },
      { name: 'original', type: 'VARCHAR' },
      { name: 'reparado', type: 'VARCHAR' },
    ],
    repairs.map((r) => [r.columna, r.original, r.reparado]),
  );
}

function repairedSql(c: TextColumn | 'nombre'): string {
  return `coalesce((SELECT t.reparado FROM texto_reparado t WHERE t.columna = '${c}' AND t.original = ${text(IPRESS[c])}), ${text(IPRESS[c])})`;
}

/** Builds `establecimientos_base`: one clean row per code, before the point-in-polygon step. */
export async function buildFacilityBase(db: Db, directorColumn: string | null): Promise<void> {
  const lon = `TRY_CAST(trim(${col(IPRESS.norte)}) AS DOUBLE)`; // NORTE holds the longitude
  const lat = `TRY_CAST(trim(${col(IPRESS.este)}) AS DOUBLE)`; // ESTE holds the latitude
  const hasPoint = `(${lon} IS NOT NULL AND ${lat} IS NOT NULL AND ${lon} <> 0 AND ${lat} <> 0)`;
  const ubigeo = padUbigeoSql(col(IPRESS.ubigeo), 6);
  const director = directorColumn ? `${text(directorColumn)} IS NOT NULL` : 'false';
  const t = (c: TextColumn) => `${repairedSql(c)} AS ${c}`;
  await db.run(`CREATE OR REPLACE TABLE establecimientos_base AS
    SELECT
      CAST(TRY_CAST(trim(${col(IPRESS.codigo)}) AS INTEGER) AS INTEGER) AS codigo,
      coalesce(n.nombre, ${repairedSql('nombre')}) AS nombre,
      ${t('institucion')}, ${t('clasificacion')}, ${t('tipo')}, ${t('categoria')},
      ${ubigeo} AS ubigeo,
      substr(${ubigeo}, 1, 4) AS ubigeo_prov,
      substr(${ubigeo}, 1, 2) AS ubigeo_dep,
      ${t('departamento')}, ${t('provincia')}, ${t('distrito')},
      ${t('disa')}, ${t('red')}, ${t('microrred')}, ${t('unidad_ejecutora')},
      CASE WHEN ${hasPoint} THEN ${lon} END AS lon,
      CASE WHEN ${hasPoint} THEN ${lat} END AS lat,
      TRY_CAST(trim(${col(IPRESS.cota)}) AS DOUBLE) AS altitud_m,
      CAST(round(TRY_CAST(trim(${col(IPRESS.camas)}) AS DOUBLE)) AS INTEGER) AS camas,
      ${startDateSql(col(IPRESS.inicio))} AS inicio_actividad,
      CAST(year(${startDateSql(col(IPRESS.inicio))}) AS INTEGER) AS anio_inicio,
      -- bookkeeping for the quirk counts, never written out
      ${startDateStatusSql(col(IPRESS.inicio))} AS _estado_inicio,
      ${lostLeadingZerosSql(col(IPRESS.ubigeo), 6)} AS _ubigeo_rellenado,
      (n.nombre IS NOT NULL) AS _nombre_por_codigo,
      coalesce(${text(IPRESS.nombre)} LIKE '%${REPLACEMENT_CHAR}%', false) AS _nombre_danado,
      (${director}) AS _con_director
    FROM ipress_unicos u
    LEFT JOIN ipress_nombres n ON n.codigo = TRY_CAST(trim(u.${col(IPRESS.codigo)}) AS INTEGER)`);
}

/** Attaches the point-in-polygon result and the start-date flags, and writes establecimientos.parquet. */
export async function writeFacilities(db: Db, locations: readonly PointLocation[], file: string): Promise<void> {
  await buildStartDateFlags(db);
  await db.insertRows(
    'ubicacion_geo',
    [
      { name: 'codigo', type: 'INTEGER' },
      { name: 'ubigeo_prov_geo', type: 'VARCHAR' },
      { name: 'ubicacion', type: 'VARCHAR' },
    ],
    locations.map((l) => [l.codigo, l.ubigeoProvGeo, l.ubicacion]),
  );
  await db.run(`CREATE OR REPLACE TABLE establecimientos AS
    SELECT b.codigo, b.nombre, b.institucion, b.clasificacion, b.tipo, b.categoria,
      b.ubigeo, b.ubigeo_prov, b.ubigeo_dep, b.departamento, b.provincia, b.distrito,
      b.disa, b.red, b.microrred, b.unidad_ejecutora, b.lon, b.lat, b.altitud_m, b.camas,
      b.inicio_actividad, b.anio_inicio, g.ubigeo_prov_geo, g.ubicacion, a.inicio_alerta,
      b._estado_inicio, b._ubigeo_rellenado, b._nombre_por_codigo, b._nombre_danado, b._con_director
    FROM establecimientos_base b JOIN ubicacion_geo g USING (codigo)
    LEFT JOIN alertas_inicio a USING (codigo)`);
  const missing = await db.value<number>(`SELECT (SELECT count(*) FROM establecimientos_base) - (SELECT count(*) FROM establecimientos)`);
  if (missing !== 0) throw new Error(`Error interno: ${missing} establecimientos sin ubicación calculada`);
  await db.run(`COPY (SELECT * EXCLUDE (_estado_inicio, _ubigeo_rellenado, _nombre_por_codigo, _nombre_danado, _con_director)
      FROM establecimientos ORDER BY codigo)
    TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
}

/** Counts for every quirk of the register; rows are the published (deduplicated) rows. */
export async function facilityQuirks(
  db: Db,
  extra: { rawRows: number; duplicatesDropped: number; replacementChars: number },
): Promise<Quirk[]> {
  const c = await db.rows<Record<string, number>>(`SELECT
      count(*) FILTER (lon IS NOT NULL) AS intercambiadas,
      count(*) FILTER (lon IS NULL) AS sin_coordenadas,
      count(*) FILTER (_ubigeo_rellenado) AS ubigeo_rellenado,
      count(*) FILTER (_nombre_por_codigo AND _nombre_danado) AS nombre_recuperado,
      count(*) FILTER (NOT _nombre_por_codigo) AS nombre_sin_referencia,
      count(*) FILTER (_estado_inicio = 'placeholder_1900') AS placeholder,
      count(*) FILTER (_estado_inicio = 'anio_imposible') AS anio_imposible,
      count(*) FILTER (_estado_inicio = 'posterior_al_registro') AS posterior,
      count(*) FILTER (_estado_inicio = 'ilegible') AS ilegible,
      count(*) FILTER (camas IS NULL) AS sin_camas,
      count(*) FILTER (camas IS NOT NULL) AS con_camas,
      count(*) FILTER (_con_director) AS director,
      count(*) FILTER (ubicacion = 'otra_provincia') AS otra_provincia,
      count(*) FILTER (ubicacion = 'fuera_de_limites') AS fuera_de_limites,
      count(*) AS total
    FROM establecimientos`);
  const q = c[0];
  const cells = await db.rows<{ columna: string; n: number }>(`SELECT t.columna, count(*) AS n
    FROM texto_reparado t JOIN (
      ${[...TEXT_COLUMNS, 'nombre' as const].map((k) => `SELECT '${k}' AS columna, ${text(IPRESS[k])} AS v FROM ipress_unicos`).join('\n      UNION ALL ')}
    ) u ON u.columna = t.columna AND u.v = t.original
    GROUP BY t.columna ORDER BY t.columna`);
  const cellsBy = new Map(cells.map((r) => [r.columna, r.n]));
  const categoria = cellsBy.get('categoria') ?? 0;
  const tipo = cellsBy.get('tipo') ?? 0;
  const dictionaryCells = [...cellsBy.entries()]
    .filter(([k]) => k !== 'categoria' && k !== 'tipo' && k !== 'nombre')
    .reduce((s, [, n]) => s + n, 0);
  const pct = (n: number) => ((100 * n) / q.total).toFixed(1);
  return [
    quirk('codigo_duplicado', extra.duplicatesDropped,
      `«Codigo Unico» se repite en el archivo (${extra.rawRows} filas, ${q.total} códigos): se conserva la primera fila de cada código. Cuenta: filas descartadas.`,
      `"Codigo Unico" repeats in the file (${extra.rawRows} rows, ${q.total} codes): the first row of each code is kept. Count: rows dropped.`),
    quirk('norte_este_intercambiadas', q.intercambiadas,
      'La columna NORTE contiene la longitud y ESTE la latitud (nombres intercambiados): se reasignan a lon y lat. Cuenta: filas con coordenadas.',
      'Column NORTE holds the longitude and ESTE the latitude (names swapped): they are mapped back to lon and lat. Count: rows with coordinates.'),
    quirk('sin_coordenadas', q.sin_coordenadas,
      'Coordenadas 0/0 o ausentes: lon y lat quedan vacías (NULL) y ubicacion = «sin_coordenadas».',
      'Coordinates 0/0 or missing: lon and lat are NULL and ubicacion = "sin_coordenadas".'),
    quirk('ubigeo_sin_ceros', q.ubigeo_rellenado,
      'UBIGEO guardado como número perdió el cero inicial (10101 en vez de 010101): se completa a 6 dígitos.',
      'UBIGEO stored as a number lost its leading zero (10101 for 010101): padded to 6 digits.'),
    quirk('texto_u_fffd', extra.replacementChars,
      'Una conversión anterior reemplazó las letras acentuadas por U+FFFD («RESOLUCI[U+FFFD]N»). Cuenta: caracteres dañados en las filas del archivo (todas las columnas; las no publicadas no se reparan). Ninguna columna publicada conserva U+FFFD.',
      'An earlier conversion replaced accented letters with U+FFFD ("RESOLUCI[U+FFFD]N"). Count: damaged characters in the file rows (all columns; unpublished ones are not repaired). No published column keeps a U+FFFD.'),
    quirk('nombre_recuperado_por_codigo', q.nombre_recuperado,
      'Nombres con U+FFFD recuperados con sus tildes, por código, de ipress_nombres_2017.parquet (todos los nombres se toman de allí cuando el código existe).',
      'Names with U+FFFD recovered with their accents, by code, from ipress_nombres_2017.parquet (every name is taken from it when the code exists).'),
    quirk('nombre_sin_referencia', q.nombre_sin_referencia,
      'Códigos ausentes de ipress_nombres_2017.parquet: se conserva el nombre del CSV (sin U+FFFD).',
      'Codes missing from ipress_nombres_2017.parquet: the CSV name is kept (it has no U+FFFD).'),
    quirk('categoria_reparada', categoria,
      '«Sin Categor[U+FFFD]a» se reescribe como «Sin categoría».',
      '"Sin Categor[U+FFFD]a" is rewritten as "Sin categoría".'),
    quirk('tipo_reparado', tipo,
      '«SERVICIO M[U+FFFD]DICO DE APOYO» se reescribe como «SERVICIO MÉDICO DE APOYO».',
      '"SERVICIO M[U+FFFD]DICO DE APOYO" is rewritten as "SERVICIO MÉDICO DE APOYO".'),
    quirk('texto_reparado_diccionario', dictionaryCells,
      'Celdas de provincia, distrito, red, microrred y unidad ejecutora con U+FFFD, reparadas con un diccionario de palabras acentuadas (nombres del registro y límites del INEI; «N[U+FFFD]» → «Nº», «CA[U+FFFD]ETE» → «CAÑETE»).',
      'Province, district, network, micro-network and executing-unit cells with U+FFFD, repaired with a dictionary of accented words (register names and INEI boundaries; "N[U+FFFD]" → "Nº", "CA[U+FFFD]ETE" → "CAÑETE").'),
    quirk('inicio_placeholder_1900', q.placeholder,
      `Fecha de inicio de actividad ${PLACEHOLDER_START_DATE}: es un valor de relleno, no una fecha; queda vacía (NULL).`,
      `Start-of-activity date ${PLACEHOLDER_START_DATE}: a placeholder, not a date; set to NULL.`),
    quirk('inicio_anio_imposible', q.anio_imposible,
      `Años de inicio anteriores a ${MIN_PLAUSIBLE_YEAR} (p. ej. 1075, un error de digitación): quedan vacíos. Se conservan 1826 y 1875, fechas históricas reales (Instituto Nacional Materno Perinatal, Hospital Dos de Mayo).`,
      `Start years before ${MIN_PLAUSIBLE_YEAR} (e.g. 1075, a typo): set to NULL. 1826 and 1875 are kept: real historical dates (Instituto Nacional Materno Perinatal, Hospital Dos de Mayo).`),
    quirk('inicio_posterior_al_registro', q.posterior,
      `Años de inicio posteriores a ${REGISTER_YEAR}, el año del registro: quedarían vacíos (no hay ninguno).`,
      `Start years after ${REGISTER_YEAR}, the register's year: would be set to NULL (there are none).`),
    quirk('inicio_ilegible', q.ilegible,
      'Fechas de inicio que no tienen la forma dd/mm/aaaa: quedan vacías.',
      'Start dates not in dd/mm/yyyy form: set to NULL.'),
    quirk('camas_sin_dato', q.sin_camas,
      `Solo ${q.con_camas} filas (${((100 * q.con_camas) / q.total).toFixed(1)} %) informan camas: el resto queda vacío (NULL), nunca 0. Los 0 escritos en el archivo se conservan.`,
      `Only ${q.con_camas} rows (${((100 * q.con_camas) / q.total).toFixed(1)}%) give beds: the rest is NULL, never 0. Zeros written in the file are kept.`),
    quirk('director_eliminado', q.director,
      'La columna «Director Médico y/o Responsable de la Atención de Salud» contiene nombres de personas (datos personales): se elimina y no se publica. Cuenta: filas con un nombre.',
      'Column "Director Médico y/o Responsable de la Atención de Salud" holds people\'s names (personal data): dropped, never published. Count: rows with a name.'),
    quirk('ubicacion_otra_provincia', q.otra_provincia,
      `El punto cae en otra provincia que la declarada en UBIGEO (${pct(q.otra_provincia)} %): coordenadas probablemente erradas. Se agrega por el UBIGEO declarado; ubigeo_prov_geo indica la provincia del punto.`,
      `The point falls in another province than the declared UBIGEO (${pct(q.otra_provincia)}%): likely wrong coordinates. Aggregate by the declared UBIGEO; ubigeo_prov_geo gives the point's province.`),
    quirk('ubicacion_fuera_de_limites', q.fuera_de_limites,
      `El punto no cae en ninguna provincia (${pct(q.fuera_de_limites)} %), p. ej. frente a la costa.`,
      `The point falls in no province (${pct(q.fuera_de_limites)}%), e.g. just off the coast.`),
  ];
}

