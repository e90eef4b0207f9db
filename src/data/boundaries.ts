import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { DataError } from './errors';
import { contiguityFromTopology, type Contiguity } from '../domain/hotspots';

export type BoundaryProps = Record<string, string>;
export type Boundaries = FeatureCollection<Geometry, BoundaryProps> & {
  /** Queen contiguity from the topology's shared arcs (asked for by the hot-spot analysis). */
  contiguity?: Contiguity;
};

/** Fetches a TopoJSON file written by the pipeline and returns one of its objects as GeoJSON. */
export async function fetchBoundaries(url: string, object: string, withContiguity = false): Promise<Boundaries> {
  const res = await fetch(url).catch(() => null);
  if (!res || !res.ok) throw new DataError('fetchFailed', { url, status: res?.status ?? 0 });
  return boundariesFromTopology((await res.json()) as Topology, object, withContiguity, url);
}

/** One object of a TopoJSON topology as GeoJSON (with queen contiguity when asked); `where` names the file in errors. */
export function boundariesFromTopology(topo: Topology, object: string, withContiguity = false, where = ''): Boundaries {
  const obj = topo.objects?.[object] as GeometryCollection<BoundaryProps> | undefined;
  if (!obj) throw new DataError('boundaryInvalid', { url: where, object });
  const boundaries = feature(topo, obj) as Boundaries;
  if (withContiguity) boundaries.contiguity = contiguityFromTopology(topo, object, 'queen');
  return boundaries;
}
