import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { pointOnFeature } from '@turf/turf';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';

/** A point inside each unit of a level, from the same built boundaries the app draws. */
function interiorPoints(level: 'provincias' | 'distritos'): Map<string, [number, number]> {
  const topo = JSON.parse(readFileSync(`public/data/limites_${level}.topojson`, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[level] as GeometryCollection<{ ubigeo: string }>);
  const out = new Map<string, [number, number]>();
  for (const f of fc.features as Feature<Geometry, { ubigeo: string }>[]) {
    out.set(f.properties.ubigeo, pointOnFeature(f).geometry.coordinates as [number, number]);
  }
  return out;
}

/** A point inside each province. */
export const provinceInteriorPoints = () => interiorPoints('provincias');
/** A point inside each district. */
export const districtInteriorPoints = () => interiorPoints('distritos');
