import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { DataError } from './errors';

export type BoundaryProps = Record<string, string>;
export type Boundaries = FeatureCollection<Geometry, BoundaryProps>;

/** Fetches a TopoJSON file written by the pipeline and returns one of its objects as GeoJSON. */
export async function fetchBoundaries(url: string, object: string): Promise<Boundaries> {
  const res = await fetch(url).catch(() => null);
  if (!res || !res.ok) throw new DataError('fetchFailed', { url, status: res?.status ?? 0 });
  const topo = (await res.json()) as Topology;
  const obj = topo.objects[object] as GeometryCollection<BoundaryProps> | undefined;
  if (!obj) throw new DataError('boundaryInvalid', { url, object });
  return feature(topo, obj) as Boundaries;
}
