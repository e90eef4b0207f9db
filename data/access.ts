// INEI populated places (access/centros_poblados_inei.parquet, GeoParquet) → centros_poblados.
// Steps: read the WKB points as bytes (native DuckDB here has no spatial extension) → decode
// them in JS → drop exact duplicate rows → district from the code, or from the raw district
// polygon that holds the point when the code is missing or unusable → compact write.
// The raw `poblacion` is a placeholder 1 for every row, so it is not published.
import type { Db, SqlValue } from './db';
import { sqlString } from './db';
import { malformedFileError } from './errors';
import { locatePoint, type PolygonIndex } from './geolocation';
import { quirk, type Quirk } from './quirks';
import { REPLACEMENT_CHAR } from './text';
import type { MultiPolygon, Polygon } from 'geojson';

/** Peru's bounding box with a small margin (degrees); points outside are treated as wrong. */
export const PERU_BBOX = { minLon: -81.5, minLat: -18.5, maxLon: -68.5, maxLat: 0.1 } as const;

/** 5 decimals ≈ 1 m: more is false precision for a village's point and costs bytes. */
const COORD_DECIMALS = 5;

/**
 * Decodes one WKB (or EWKB) point. Handles both byte orders (1 = little endian, 0 = big
 * endian), the ISO Z/M/ZM type codes (1001, 2001, 3001) and the EWKB Z/M/SRID flags; extra
 * ordinates are skipped. Null for an empty point (NaN coordinates), a non-point geometry or
 * a buffer too short to hold the point.
 */
export function decodeWkbPoint(wkb: Uint8Array): { lon: number; lat: number } | null {
  if (wkb.byteLength < 5) return null;
  const view = new DataView(wkb.buffer, wkb.byteOffset, wkb.byteLength);
  const order = view.getUint8(0);
  if (order !== 0 && order !== 1) return null;
  const little = order === 1;
  const rawType = view.getUint32(1, little);
  let offset = 5;
  // EWKB (PostGIS) flags in the high bits; ISO WKB adds 1000/2000/3000 to the type instead.
  const hasSrid = (rawType & 0x20000000) !== 0;
  const type = rawType & 0x0fffffff;
  if (type % 1000 !== 1) return null;
  if (hasSrid) offset += 4;
  if (wkb.byteLength < offset + 16) return null;
  const lon = view.getFloat64(offset, little);
  const lat = view.getFloat64(offset + 8, little);
  if (Number.isNaN(lon) || Number.isNaN(lat)) return null;
  return { lon, lat };
}

export function roundCoord(value: number): number {
  const f = 10 ** COORD_DECIMALS;
  return Math.round(value * f) / f;
}

export function insidePeru(lon: number, lat: number): boolean {
  return lon >= PERU_BBOX.minLon && lon <= PERU_BBOX.maxLon && lat >= PERU_BBOX.minLat && lat <= PERU_BBOX.maxLat;
}

/** One raw row, as read (geometry still WKB bytes). `fila` is the 1-based file order. */
export interface RawPlace {
  fila: number;
  codigo: string | null;
  nombre: string | null;
  categoria: string | null;
  wkb: Uint8Array | null;
  poblacion: number | null;
}

/** Reads the raw file with its geometry as plain WKB bytes (GeoParquet conversion off). */
export async function loadRawPlaces(db: Db, file: string, rawDir: string, relPath: string): Promise<RawPlace[]> {
  await db.run(`SET enable_geoparquet_conversion = false`);
  try {
    const rows = await db.rows<{ codigo: string | null; nombre: string | null; categoria: string | null; wkb: unknown; poblacion: number | null }>(
      `SELECT trim(codigo) AS codigo, trim(nombre) AS nombre, NULLIF(trim(categoria), '') AS categoria,
          geometry AS wkb, poblacion
        FROM read_parquet(${sqlString(file)})`,
    );
    return rows.map((r, i) => {
      if (r.wkb !== null && !(r.wkb instanceof Uint8Array)) {
        throw malformedFileError(relPath, rawDir, 'la columna «geometry» no es WKB (se esperaba GeoParquet con puntos)');
      }
      return { fila: i + 1, codigo: r.codigo || null, nombre: r.nombre || null, categoria: r.categoria, wkb: r.wkb, poblacion: r.poblacion };
    });
  } finally {
    await db.run(`RESET enable_geoparquet_conversion`);
  }
}

/**
 * How a place got its district: its INEI code, the district polygon holding its point, or
 * the nearest district polygon when the point falls in a gap between polygons.
 */
export type DistrictSource = 'codigo' | 'punto' | 'punto_cercano';

/** A gap between raw district polygons is a few metres to a few hundred; beyond this the point is outside Peru. */
export const NEAREST_DISTRICT_MAX_KM = 1;

/** A cleaned place, before writing. */
export interface Place {
  codigo: string | null;
  nombre: string | null;
  categoria: string | null;
  ubigeo: string | null;
  origen: DistrictSource | null;
  lon: number | null;
  lat: number | null;
}

export interface PlaceReport {
  rawRows: number;
  exactDuplicatesDropped: number;
  invalidGeometry: number;
  outsidePeruBox: number;
  withoutCode: number;
  /** 9-digit codes: a 10-digit code that lost its leading zero (departments 01–09). */
  codePadded: number;
  /** Codes that are neither 9 nor 10 digits. */
  codeMalformed: number;
  /** 10-digit codes whose first 6 digits are not a district of the boundary layer (old codes). */
  codeDistrictUnknown: number;
  /** Coded places whose point lies in another district's polygon (the code is kept). */
  codeDistrictDiffersFromPoint: number;
  /** District taken from the polygon that contains the point. */
  districtFromPoint: number;
  /** District taken from the nearest polygon (≤ NEAREST_DISTRICT_MAX_KM). */
  districtFromNearest: number;
  /** No district: no usable code and the point is in or near no district polygon. */
  noDistrict: number;
  /** Rows sharing a code with another, different row (all kept). */
  repeatedCode: number;
  placeholderPopulation: number;
  replacementChars: number;
}

/**
 * Distance in km from a point to a polygon's outline, on a local equirectangular plane
 * (exact enough at the 1 km scale this is used for; turf's version was 20× slower here).
 */
export function distanceToOutlineKm(geometry: Polygon | MultiPolygon, lon: number, lat: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lon) * kx, ay = (ring[i - 1][1] - lat) * ky;
        const bx = (ring[i][0] - lon) * kx, by = (ring[i][1] - lat) * ky;
        const dx = bx - ax, dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const px = ax + t * dx, py = ay + t * dy;
        const d = Math.sqrt(px * px + py * py);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** The district whose polygon is nearest to a point outside every polygon, if within `maxKm`. */
export function nearestDistrict(index: PolygonIndex, lon: number, lat: number, maxKm: number): string | null {
  // Box prefilter: 1 km is under 0.01° of latitude, and of longitude at Peru's latitudes.
  const margin = ((maxKm / 110) * 1.1) / Math.cos((Math.abs(lat) * Math.PI) / 180);
  let best: string | null = null;
  let bestKm = maxKm;
  for (const p of index.all) {
    const [minX, minY, maxX, maxY] = p.box;
    if (lon < minX - margin || lon > maxX + margin || lat < minY - margin || lat > maxY + margin) continue;
    const km = distanceToOutlineKm(p.feature.geometry, lon, lat);
    if (km <= bestKm) {
      bestKm = km;
      best = p.ubigeo;
    }
  }
  return best;
}

const TEN_DIGITS = /^\d{10}$/;
const NINE_DIGITS = /^\d{9}$/;

/**
 * Cleans the raw rows. `districts` indexes the RAW district polygons (geolocation.ts); the
 * same polygons give the set of known district codes.
 */
export function cleanPlaces(raw: readonly RawPlace[], districts: PolygonIndex): { places: Place[]; report: PlaceReport } {
  const report: PlaceReport = {
    rawRows: raw.length, exactDuplicatesDropped: 0, invalidGeometry: 0, outsidePeruBox: 0, withoutCode: 0,
    codePadded: 0, codeMalformed: 0, codeDistrictUnknown: 0, codeDistrictDiffersFromPoint: 0,
    districtFromPoint: 0, districtFromNearest: 0, noDistrict: 0, repeatedCode: 0, placeholderPopulation: 0,
    replacementChars: 0,
  };
  const seen = new Set<string>();
  const places: Place[] = [];
  for (const r of raw) {
    // Exact duplicate rows (same code, name, category and point bytes): keep the first.
    const key = [r.codigo ?? '', r.nombre ?? '', r.categoria ?? '', r.wkb ? Buffer.from(r.wkb).toString('hex') : ''].join('\u0001');
    if (seen.has(key)) {
      report.exactDuplicatesDropped++;
      continue;
    }
    seen.add(key);
    if (r.poblacion === 1) report.placeholderPopulation++;
    for (const text of [r.nombre, r.categoria]) {
      if (text) for (const ch of text) if (ch === REPLACEMENT_CHAR) report.replacementChars++;
    }

    const point = r.wkb ? decodeWkbPoint(r.wkb) : null;
    let lon: number | null = point?.lon ?? null;
    let lat: number | null = point?.lat ?? null;
    if (point === null) report.invalidGeometry++;
    else if (!insidePeru(point.lon, point.lat)) {
      report.outsidePeruBox++;
      lon = lat = null;
    }

    // A 9-digit code lost its leading zero (checked: the padded district matches the
    // polygon holding the point for 97% of them).
    let codigo = r.codigo;
    if (codigo !== null && NINE_DIGITS.test(codigo)) {
      codigo = `0${codigo}`;
      report.codePadded++;
    }
    let codeDistrict: string | null = null;
    if (codigo === null) report.withoutCode++;
    else if (!TEN_DIGITS.test(codigo)) report.codeMalformed++;
    else if (!districts.byUbigeo.has(codigo.slice(0, 6))) report.codeDistrictUnknown++;
    else codeDistrict = codigo.slice(0, 6);

    const located = lon !== null && lat !== null ? locatePoint(districts, lon, lat, codeDistrict).ubigeoProvGeo : null;
    let ubigeo: string | null = null;
    let origen: DistrictSource | null = null;
    if (codeDistrict !== null) {
      ubigeo = codeDistrict;
      origen = 'codigo';
      if (located !== null && located !== codeDistrict) report.codeDistrictDiffersFromPoint++;
    } else if (located !== null) {
      ubigeo = located;
      origen = 'punto';
      report.districtFromPoint++;
    } else if (lon !== null && lat !== null) {
      ubigeo = nearestDistrict(districts, lon, lat, NEAREST_DISTRICT_MAX_KM);
      if (ubigeo !== null) {
        origen = 'punto_cercano';
        report.districtFromNearest++;
      }
    }
    if (ubigeo === null) report.noDistrict++;
    places.push({
      codigo,
      nombre: r.nombre,
      categoria: r.categoria,
      ubigeo,
      origen,
      lon: lon === null ? null : roundCoord(lon),
      lat: lat === null ? null : roundCoord(lat),
    });
  }
  const codeCounts = new Map<string, number>();
  for (const p of places) if (p.codigo) codeCounts.set(p.codigo, (codeCounts.get(p.codigo) ?? 0) + 1);
  for (const n of codeCounts.values()) if (n > 1) report.repeatedCode += n;
  return { places, report };
}

/**
 * Writes centros_poblados.parquet, sorted by district, code and position. lon/lat are
 * DECIMAL(7,5): exactly the 5 decimals kept, stored as 32-bit integers; with Parquet's V2
 * encodings (delta-packed integers, delta-length strings) the file is 1.9 MB instead of
 * 3.5 MB as DOUBLE + V1. hyparquet and DuckDB read both.
 */
export async function writePlaces(db: Db, places: readonly Place[], file: string): Promise<void> {
  const rows: SqlValue[][] = places.map((p) => [p.codigo, p.nombre, p.categoria, p.ubigeo, p.origen, p.lon, p.lat]);
  await db.insertRows('centros_poblados', [
    { name: 'codigo', type: 'VARCHAR' },
    { name: 'nombre', type: 'VARCHAR' },
    { name: 'categoria', type: 'VARCHAR' },
    { name: 'ubigeo', type: 'VARCHAR' },
    { name: 'ubigeo_origen', type: 'VARCHAR' },
    { name: 'lon', type: 'DOUBLE' },
    { name: 'lat', type: 'DOUBLE' },
  ], rows);
  await db.run(`COPY (SELECT codigo, nombre, categoria, ubigeo, substr(ubigeo, 1, 4) AS ubigeo_prov, ubigeo_origen,
        CAST(lon AS DECIMAL(7, 5)) AS lon, CAST(lat AS DECIMAL(7, 5)) AS lat
      FROM centros_poblados
      ORDER BY ubigeo NULLS LAST, codigo NULLS LAST, lon, lat, nombre, categoria NULLS LAST, ubigeo_origen)
    TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy, PARQUET_VERSION V2)`);
}

export function placeQuirks(r: PlaceReport, published: number): Quirk[] {
  return [
    quirk('poblacion_placeholder', r.placeholderPopulation,
      'La columna «poblacion» vale 1 en todas las filas: es un relleno, no un conteo. No se publica: los centros poblados no tienen población propia en estos datos.',
      'Column "poblacion" is 1 in every row: a placeholder, not a count. It is not published: populated places carry no population of their own in these data.'),
    quirk('fila_duplicada', r.exactDuplicatesDropped,
      `Filas idénticas (código, nombre, categoría y punto): se conserva la primera. Cuenta: filas descartadas (${r.rawRows} en el archivo, ${published} publicadas).`,
      `Identical rows (code, name, category and point): the first is kept. Count: rows dropped (${r.rawRows} in the file, ${published} published).`),
    quirk('sin_codigo', r.withoutCode,
      'Centros poblados sin código INEI: el distrito se toma del polígono distrital (límites INEI sin simplificar) que contiene el punto.',
      'Populated places with no INEI code: the district is the (unsimplified INEI) district polygon that holds the point.'),
    quirk('codigo_sin_cero', r.codePadded,
      'Códigos de 9 dígitos: perdieron el cero inicial (departamentos 01–09); se completan a 10 dígitos y el distrito son sus 6 primeros.',
      '9-digit codes: they lost their leading zero (departments 01–09); padded to 10 digits, the district is their first 6.'),
    quirk('codigo_malformado', r.codeMalformed,
      'Códigos que no tienen 9 ni 10 dígitos: el distrito se toma del polígono que contiene el punto.',
      'Codes of neither 9 nor 10 digits: the district is the polygon that holds the point.'),
    quirk('codigo_distrito_antiguo', r.codeDistrictUnknown,
      'Códigos cuyo distrito (6 primeros dígitos) ya no existe en la capa de límites (distritos y provincias recodificados, p. ej. Datem del Marañón y Putumayo en Loreto): el distrito se toma del polígono que contiene el punto.',
      'Codes whose district (first 6 digits) no longer exists in the boundary layer (re-coded districts and provinces, e.g. Datem del Marañón and Putumayo in Loreto): the district is the polygon that holds the point.'),
    quirk('distrito_del_punto', r.districtFromPoint,
      'Distrito asignado por el polígono que contiene el punto (sin código utilizable): ubigeo_origen = «punto».',
      'District assigned from the polygon holding the point (no usable code): ubigeo_origen = "punto".'),
    quirk('distrito_mas_cercano', r.districtFromNearest,
      `El punto no cae en ningún polígono sino en un hueco entre polígonos o junto a la orilla: se asigna el distrito más cercano a menos de ${NEAREST_DISTRICT_MAX_KM} km (ubigeo_origen = «punto_cercano»).`,
      `The point lies in no polygon but in a gap between polygons or by the shore: the nearest district within ${NEAREST_DISTRICT_MAX_KM} km is assigned (ubigeo_origen = "punto_cercano").`),
    quirk('sin_distrito', r.noDistrict,
      `Sin código utilizable y a más de ${NEAREST_DISTRICT_MAX_KM} km de todo distrito: lugares de países vecinos (Leticia, Tabatinga, Macará…). ubigeo vacío: no cuentan en ningún distrito.`,
      `No usable code and more than ${NEAREST_DISTRICT_MAX_KM} km from every district: places in neighbouring countries (Leticia, Tabatinga, Macará…). ubigeo is NULL: they count in no district.`),
    quirk('codigo_otro_distrito', r.codeDistrictDiffersFromPoint,
      'El punto cae en otro distrito que el de su código (punto cerca de un límite, límites distintos o coordenadas erradas): se conserva el distrito del código.',
      'The point lies in another district than its code\'s (near a border, different limits or wrong coordinates): the code\'s district is kept.'),
    quirk('codigo_repetido', r.repeatedCode,
      'El mismo código aparece en filas distintas (otro nombre o punto): se conservan todas. Cuenta: filas con un código repetido.',
      'The same code appears in different rows (another name or point): all are kept. Count: rows with a repeated code.'),
    quirk('geometria_invalida', r.invalidGeometry,
      'Geometría vacía, nula o que no es un punto: lon y lat quedan vacías.',
      'Empty, NULL or non-point geometry: lon and lat are NULL.'),
    quirk('fuera_del_recuadro', r.outsidePeruBox,
      'Puntos fuera del recuadro del Perú (lon −81,5…−68,5; lat −18,5…0,1): lon y lat quedan vacías.',
      'Points outside Peru\'s box (lon −81.5…−68.5; lat −18.5…0.1): lon and lat are NULL.'),
    quirk('texto_u_fffd', r.replacementChars,
      'Caracteres dañados (U+FFFD) en nombre o categoría (0 = revisado, ninguno: los nombres conservan tildes y Ñ). Cuenta: caracteres.',
      'Damaged characters (U+FFFD) in name or category (0 = checked, none: names keep their accents and Ñ). Count: characters.'),
  ];
}
