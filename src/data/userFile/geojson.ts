/**
 * GeoJSON (a FeatureCollection of points or polygons) → header and rows of text: the features'
 * properties, plus `lon` and `lat` (the point, or a point inside the polygon) so the rows can be
 * placed in a district like any table with coordinates.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { cellText } from './parquet';

export const GEOJSON_LON = 'lon';
export const GEOJSON_LAT = 'lat';

export type GeojsonRead =
  | { ok: true; header: string[]; rows: string[][]; geometry: 'punto' | 'poligono' | 'mixta' }
  | { ok: false; detalle: 'json_invalido' | 'no_es_geojson' | 'sin_geometria' };

export function readGeojson(text: string): GeojsonRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, detalle: 'json_invalido' };
  }
  const fc = json as Partial<FeatureCollection>;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { ok: false, detalle: 'no_es_geojson' };
  const features = fc.features.filter((f): f is Feature => !!f && typeof f === 'object' && f.type === 'Feature');
  const keys: string[] = [];
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!keys.includes(k)) keys.push(k);
  const withCoords = !keys.includes(GEOJSON_LON) && !keys.includes(GEOJSON_LAT);
  let points = 0;
  let polygons = 0;
  const rows = features.map((f) => {
    const props = f.properties ?? {};
    const row = keys.map((k) => cellText(props[k]));
    if (withCoords) {
      let xy: number[] | null = null;
      const g = f.geometry;
      if (g?.type === 'Point') {
        points++;
        xy = g.coordinates;
      } else if (g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
        polygons++;
        try {
          xy = pointOnFeature(f as Feature<typeof g>).geometry.coordinates;
        } catch {
          xy = null;
        }
      }
      row.push(xy ? String(xy[0]) : '', xy ? String(xy[1]) : '');
    }
    return row;
  });
  if (points + polygons === 0) return { ok: false, detalle: 'sin_geometria' };
  return {
    ok: true,
    header: withCoords ? [...keys, GEOJSON_LON, GEOJSON_LAT] : keys,
    rows,
    geometry: polygons === 0 ? 'punto' : points === 0 ? 'poligono' : 'mixta',
  };
}
