// Populated places: WKB decoding on hand-built buffers, and the cleaning step on the real raw
// file (row counts, district assignment, quirk counts), then the written Parquet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cleanPlaces, decodeWkbPoint, distanceToOutlineKm, loadRawPlaces, placeQuirks, writePlaces,
  type Place, type PlaceReport, type RawPlace,
} from '../../../data/access';
import { readBoundary } from '../../../data/boundaries';
import { resolveDataPaths } from '../../../data/config';
import { openDb, sqlString, type Db } from '../../../data/db';
import { indexPolygons, type PolygonIndex } from '../../../data/geolocation';
import { RAW_FILES } from '../../../data/rawFiles';

/** A WKB point written by hand: byte order, type (with optional EWKB flags), x, y, extras. */
function wkbPoint(lon: number, lat: number, opts: { little?: boolean; type?: number; srid?: number; extra?: number[] } = {}): Uint8Array {
  const little = opts.little ?? true;
  const ordinates = [lon, lat, ...(opts.extra ?? [])];
  const size = 5 + (opts.srid !== undefined ? 4 : 0) + 8 * ordinates.length;
  const view = new DataView(new ArrayBuffer(size));
  view.setUint8(0, little ? 1 : 0);
  view.setUint32(1, opts.type ?? 1, little);
  let o = 5;
  if (opts.srid !== undefined) {
    view.setUint32(o, opts.srid, little);
    o += 4;
  }
  for (const v of ordinates) {
    view.setFloat64(o, v, little);
    o += 8;
  }
  return new Uint8Array(view.buffer);
}

describe('decodeWkbPoint', () => {
  it('reads little- and big-endian points', () => {
    expect(decodeWkbPoint(wkbPoint(-77.0428, -12.0464, { little: true }))).toEqual({ lon: -77.0428, lat: -12.0464 });
    expect(decodeWkbPoint(wkbPoint(-77.0428, -12.0464, { little: false }))).toEqual({ lon: -77.0428, lat: -12.0464 });
  });

  it('matches known bytes (little-endian POINT(1 2))', () => {
    const bytes = Uint8Array.from([
      0x01, 0x01, 0x00, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf0, 0x3f,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40,
    ]);
    expect(decodeWkbPoint(bytes)).toEqual({ lon: 1, lat: 2 });
    const big = Uint8Array.from([
      0x00, 0x00, 0x00, 0x00, 0x01,
      0x3f, 0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
      0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ]);
    expect(decodeWkbPoint(big)).toEqual({ lon: 1, lat: 2 });
  });

  it('reads ISO Z/M points and EWKB with flags and SRID', () => {
    expect(decodeWkbPoint(wkbPoint(-70, -15, { type: 1001, extra: [3800] }))).toEqual({ lon: -70, lat: -15 });
    expect(decodeWkbPoint(wkbPoint(-70, -15, { type: 3001, extra: [3800, 7], little: false }))).toEqual({ lon: -70, lat: -15 });
    expect(decodeWkbPoint(wkbPoint(-70, -15, { type: 0x80000001, extra: [3800] }))).toEqual({ lon: -70, lat: -15 });
    expect(decodeWkbPoint(wkbPoint(-70, -15, { type: 0x20000001, srid: 4326 }))).toEqual({ lon: -70, lat: -15 });
  });

  it('returns null for empty points, other geometry types and short or bad buffers', () => {
    expect(decodeWkbPoint(wkbPoint(NaN, NaN))).toBeNull();
    expect(decodeWkbPoint(wkbPoint(1, 2, { type: 2 }))).toBeNull(); // LineString
    expect(decodeWkbPoint(wkbPoint(1, 2).subarray(0, 12))).toBeNull();
    expect(decodeWkbPoint(new Uint8Array([7, 1, 0, 0, 0]))).toBeNull();
    expect(decodeWkbPoint(new Uint8Array([]))).toBeNull();
  });

  it('reads a point inside a larger buffer (byteOffset)', () => {
    const inner = wkbPoint(-75.5, -9.25);
    const outer = new Uint8Array(inner.length + 3);
    outer.set(inner, 3);
    expect(decodeWkbPoint(outer.subarray(3))).toEqual({ lon: -75.5, lat: -9.25 });
  });
});

describe('distanceToOutlineKm', () => {
  it('measures the distance to the nearest edge', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[-75, -10], [-74, -10], [-74, -9], [-75, -9], [-75, -10]]] };
    // 0.01° of latitude north of the top edge ≈ 1.1 km.
    expect(distanceToOutlineKm(square, -74.5, -8.99)).toBeCloseTo(1.1057, 3);
  });
});

describe('centros poblados (real raw file)', () => {
  const { rawDir } = resolveDataPaths();
  const tmp = mkdtempSync(path.join(tmpdir(), 'territorio-cp-'));
  const file = path.join(tmp, 'centros_poblados.parquet');
  let db: Db;
  let raw: RawPlace[];
  let districts: PolygonIndex;
  let places: Place[];
  let report: PlaceReport;

  beforeAll(async () => {
    db = await openDb();
    raw = await loadRawPlaces(db, path.join(rawDir, RAW_FILES.centrosPoblados.path), rawDir, RAW_FILES.centrosPoblados.path);
    const spec = RAW_FILES.limitesDistritos;
    districts = indexPolygons(readBoundary(path.join(rawDir, spec.path), spec, rawDir, 6).boundary);
    ({ places, report } = cleanPlaces(raw, districts));
    await writePlaces(db, places, file);
  });

  afterAll(() => {
    db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('reads every row and decodes every point', () => {
    expect(raw).toHaveLength(136_587);
    expect(report.invalidGeometry).toBe(0);
    expect(report.outsidePeruBox).toBe(0);
    expect(report.placeholderPopulation).toBe(136_543); // poblacion = 1 everywhere
  });

  it('drops only exact duplicate rows', () => {
    expect(report.exactDuplicatesDropped).toBe(44);
    expect(places).toHaveLength(136_587 - 44);
  });

  it('assigns a district to every place in Peru', () => {
    expect(report.withoutCode).toBe(72_346);
    expect(report.codePadded).toBe(680);
    expect(report.codeMalformed).toBe(0);
    expect(report.codeDistrictUnknown).toBe(413);
    const fromCode = places.filter((p) => p.origen === 'codigo').length;
    expect(fromCode + report.districtFromPoint + report.districtFromNearest + report.noDistrict).toBe(places.length);
    expect(report.noDistrict).toBeLessThan(100); // places in neighbouring countries
    expect(report.codeDistrictDiffersFromPoint / fromCode).toBeLessThan(0.03);
    expect(places.filter((p) => p.ubigeo !== null && !districts.byUbigeo.has(p.ubigeo))).toEqual([]);
  });

  it('pads 9-digit codes (lost leading zero) into their own district', () => {
    const padded = places.filter((p) => p.codigo?.startsWith('021101'));
    expect(padded.length).toBeGreaterThan(0);
    expect(padded.every((p) => p.ubigeo === '021101' && p.codigo!.length === 10)).toBe(true);
  });

  it('reports quirks with counts and bilingual descriptions', () => {
    const quirks = placeQuirks(report, places.length);
    const byId = Object.fromEntries(quirks.map((q) => [q.id, q.count]));
    expect(byId).toMatchObject({ poblacion_placeholder: 136_543, fila_duplicada: 44, codigo_sin_cero: 680, texto_u_fffd: 0 });
    for (const q of quirks) expect(q.description.es.length > 0 && q.description.en.length > 0).toBe(true);
  });

  it('writes a small, sorted Parquet with 5-decimal coordinates', async () => {
    const rel = `read_parquet(${sqlString(file)})`;
    const columns = await db.rows<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${rel}`);
    expect(columns.map((c) => `${c.column_name}:${c.column_type}`)).toEqual([
      'codigo:VARCHAR', 'nombre:VARCHAR', 'categoria:VARCHAR', 'ubigeo:VARCHAR', 'ubigeo_prov:VARCHAR',
      'ubigeo_origen:VARCHAR', 'lon:DECIMAL(7,5)', 'lat:DECIMAL(7,5)',
    ]);
    const [s] = await db.rows<Record<string, number>>(`SELECT count(*) AS n,
        count(*) FILTER (lon BETWEEN -81.5 AND -68.5 AND lat BETWEEN -18.5 AND 0.1) AS en_peru,
        count(*) FILTER (ubigeo_prov <> substr(ubigeo, 1, 4)) AS prov_mal,
        count(*) FILTER (nombre LIKE '%\uFFFD%' OR nombre <> trim(nombre)) AS nombre_mal
      FROM ${rel}`);
    expect(s).toEqual({ n: 136_543, en_peru: 136_543, prov_mal: 0, nombre_mal: 0 });
    expect(statSync(file).size).toBeLessThan(2_000_000);
    const order = await db.rows<{ ubigeo: string | null }>(`SELECT ubigeo FROM read_parquet(${sqlString(file)}, file_row_number = true)
      ORDER BY file_row_number`);
    const codes = order.map((r) => r.ubigeo ?? '\uffff'); // NULLs last
    expect(codes.every((c, i) => i === 0 || codes[i - 1] <= c)).toBe(true);
  });
});
