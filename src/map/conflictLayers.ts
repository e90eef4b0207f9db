import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { ConflictEvent } from '../domain/conflictEvents';
import { heatWeight, type HeatWeights } from '../domain/conflictWindow';
import type { HotspotClass } from '../domain/hotspots';
import type { Boundaries, BoundaryProps } from '../data/boundaries';
import { CHOROPLETH_BEFORE } from './basemapStyle';
import type { RGBA } from './palette';

export const CONFLICT_POINTS_ID = 'conflictos-puntos';

/** Viridis (colour-blind safe, ordered in lightness), low → high: it reads apart from the YlOrRd choropleth. */
export const HEAT_RANGE: [number, number, number][] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/**
 * The conflict heatmap. deck.gl re-aggregates whenever `data` changes identity (≈1 s in software
 * WebGL), so callers pass a memoised array that changes only with the events or the window.
 */
export function conflictHeatmap(
  events: ConflictEvent[],
  opts: { radiusPx: number; intensity: number; weights: HeatWeights; opacity: number },
) {
  return new HeatmapLayer<ConflictEvent>({
    id: 'conflictos-calor',
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data: events,
    opacity: opts.opacity,
    radiusPixels: opts.radiusPx,
    intensity: opts.intensity,
    threshold: 0.05,
    colorRange: HEAT_RANGE,
    getPosition: (e) => [e.lon, e.lat],
    getWeight: (e) => heatWeight(e, opts.weights),
    updateTriggers: { getWeight: [opts.weights] },
  });
}

/** Okabe–Ito by status, plus size: active cases are the largest. */
export const STATUS_STYLE: Record<string, { colour: [number, number, number]; radius: number }> = {
  activo: { colour: [213, 94, 0], radius: 7 },
  latente: { colour: [230, 159, 0], radius: 5.5 },
  resuelto: { colour: [0, 114, 178], radius: 4.5 },
  retirado: { colour: [110, 110, 110], radius: 4 },
};
const UNKNOWN_STATUS = { colour: [110, 110, 110] as [number, number, number], radius: 4 };
export const statusStyle = (estado: string | null) => (estado && STATUS_STYLE[estado]) || UNKNOWN_STATUS;

/** Conflict cases as points (clickable). Cases with violence get a thick black outline. */
export function conflictPoints(events: ConflictEvent[], opacity: number, selected: string | null) {
  return new ScatterplotLayer<ConflictEvent>({
    id: CONFLICT_POINTS_ID,
    data: events,
    pickable: true,
    opacity,
    radiusUnits: 'pixels',
    stroked: true,
    lineWidthUnits: 'pixels',
    getPosition: (e) => [e.lon, e.lat],
    getRadius: (e) => statusStyle(e.estado).radius * (e.id === selected ? 1.6 : 1),
    getFillColor: (e) => [...statusStyle(e.estado).colour, 235],
    getLineColor: (e) => (e.id === selected ? [0, 90, 200, 255] : e.violencia ? [0, 0, 0, 255] : [255, 255, 255, 230]),
    getLineWidth: (e) => (e.id === selected ? 3 : e.violencia ? 2 : 1),
    updateTriggers: { getRadius: selected, getLineColor: selected, getLineWidth: selected },
  });
}

/** LISA classes in ColorBrewer RdBu (colour-blind safe); "no significativo" near-white, so the layer reads on its own over the choropleth. */
export const HOTSPOT_COLOURS: Record<HotspotClass, RGBA> = {
  'alto-alto': [178, 24, 43, 230],
  'alto-bajo': [239, 138, 98, 230],
  'bajo-alto': [103, 169, 207, 230],
  'bajo-bajo': [33, 102, 172, 230],
  'no significativo': [250, 250, 250, 215],
  'sin vecinos': [190, 190, 190, 200],
  'sin datos': [190, 190, 190, 200],
};

type F = Feature<Geometry, BoundaryProps>;

/** Provinces coloured by their local Moran class. */
export function hotspotLayer(provinces: Boundaries, classOf: Map<string, HotspotClass>, opacity: number, version: string) {
  return new GeoJsonLayer<BoundaryProps>({
    id: 'conflictos-hotspots',
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data: provinces,
    opacity,
    pickable: false,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f: F) => HOTSPOT_COLOURS[classOf.get(f.properties.ubigeo) ?? 'sin datos'],
    getLineColor: [90, 90, 90, 200],
    getLineWidth: 0.5,
    updateTriggers: { getFillColor: version },
  });
}
