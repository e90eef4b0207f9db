import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GazetteerPlace } from './conflicts/gazetteer';

type Props = Record<string, unknown> | null;

/**
 * Districts and provinces of the INEI boundary layers as gazetteer places, with a point inside
 * each (the source's centroid when it has one) for rows that give no usable coordinates. Used by
 * the pipeline and by the browser, so a user's file is placed exactly like the published one.
 */
export function gazetteerPlaces(districts: FeatureCollection<Geometry, Props>, provinces: FeatureCollection<Geometry, Props>): GazetteerPlace[] {
  const point = (f: Feature<Geometry, Props>): [number, number] => {
    const cx = f.properties?.cx;
    const cy = f.properties?.cy;
    if (typeof cx === 'number' && typeof cy === 'number') return [cx, cy];
    const [lon, lat] = pointOnFeature(f).geometry.coordinates;
    return [lon, lat];
  };
  const s = (v: unknown) => String(v ?? '');
  return [
    ...provinces.features.map((f) => {
      const [lon, lat] = point(f);
      const p = f.properties ?? {};
      return { ubigeo: s(p.ubigeo), departamento: s(p.departamento), provincia: s(p.provincia), lon, lat };
    }),
    ...districts.features.map((f) => {
      const [lon, lat] = point(f);
      const p = f.properties ?? {};
      return { ubigeo: s(p.ubigeo), departamento: s(p.departamento), provincia: s(p.provincia), distrito: s(p.distrito), lon, lat };
    }),
  ];
}
