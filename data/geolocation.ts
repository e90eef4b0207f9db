// Which province polygon holds each facility point. Uses the RAW (unsimplified) INEI
// polygons: simplified outlines would misplace points near borders and the coast.
// A bounding-box prefilter keeps it to a few exact tests per point.
import { booleanPointInPolygon, bbox as turfBbox } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type Ubicacion = 'ok' | 'otra_provincia' | 'fuera_de_limites' | 'sin_coordenadas';

export interface PointLocation {
  codigo: number;
  /** Province (4 digits) whose polygon contains the point; null when none does. */
  ubigeoProvGeo: string | null;
  ubicacion: Ubicacion;
}

interface IndexedPolygon {
  ubigeo: string;
  box: [number, number, number, number];
  feature: Feature<Polygon | MultiPolygon>;
}

export interface PolygonIndex {
  byUbigeo: Map<string, IndexedPolygon>;
  /** Sorted by ubigeo, so a point in two overlapping polygons resolves deterministically. */
  all: IndexedPolygon[];
}

export function indexPolygons(
  collection: FeatureCollection<Polygon | MultiPolygon, { ubigeo: string }>,
): PolygonIndex {
  const all = collection.features
    .filter((f) => f.geometry)
    .map((feature) => {
      const [minX, minY, maxX, maxY] = turfBbox(feature);
      return { ubigeo: feature.properties.ubigeo, box: [minX, minY, maxX, maxY] as IndexedPolygon['box'], feature };
    })
    .sort((a, b) => (a.ubigeo < b.ubigeo ? -1 : a.ubigeo > b.ubigeo ? 1 : 0));
  return { all, byUbigeo: new Map(all.map((p) => [p.ubigeo, p])) };
}

function contains(p: IndexedPolygon, lon: number, lat: number): boolean {
  const [minX, minY, maxX, maxY] = p.box;
  if (lon < minX || lon > maxX || lat < minY || lat > maxY) return false;
  return booleanPointInPolygon([lon, lat], p.feature);
}

/**
 * Locates one point. The declared province wins when it contains the point (raw polygons
 * overlap slightly along some borders); otherwise the first containing province by code.
 */
export function locatePoint(
  index: PolygonIndex,
  lon: number | null,
  lat: number | null,
  declaredProvince: string | null,
): { ubigeoProvGeo: string | null; ubicacion: Ubicacion } {
  if (lon === null || lat === null || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return { ubigeoProvGeo: null, ubicacion: 'sin_coordenadas' };
  }
  const declared = declaredProvince ? index.byUbigeo.get(declaredProvince) : undefined;
  if (declared && contains(declared, lon, lat)) return { ubigeoProvGeo: declared.ubigeo, ubicacion: 'ok' };
  for (const p of index.all) {
    if (p !== declared && contains(p, lon, lat)) return { ubigeoProvGeo: p.ubigeo, ubicacion: 'otra_provincia' };
  }
  return { ubigeoProvGeo: null, ubicacion: 'fuera_de_limites' };
}

export function locateFacilities(
  index: PolygonIndex,
  points: ReadonlyArray<{ codigo: number; lon: number | null; lat: number | null; ubigeo_prov: string | null }>,
): PointLocation[] {
  return points.map((p) => ({ codigo: p.codigo, ...locatePoint(index, p.lon, p.lat, p.ubigeo_prov) }));
}
