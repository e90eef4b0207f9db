import { ScatterplotLayer } from '@deck.gl/layers';
import type { Facilities } from '../data/facilities';
import { FACILITY_GROUPS, GROUP_COLOUR, GROUP_RADIUS } from '../domain/facilities';

export const FACILITY_LAYER_ID = 'establecimientos';

/** Facilities as points: size and colour both encode the category group. */
/** `visible` holds facility indices; a plain array, so a picked `object` is the facility index. */
export function facilityLayer(f: Facilities, visible: number[], opacity: number, selected: number | null) {
  return new ScatterplotLayer<number>({
    id: FACILITY_LAYER_ID,
    data: visible,
    pickable: true,
    opacity,
    radiusUnits: 'pixels',
    stroked: true,
    lineWidthUnits: 'pixels',
    getPosition: (i: number) => [f.lon[i], f.lat[i]],
    getRadius: (i: number) => GROUP_RADIUS[FACILITY_GROUPS[f.group[i]]] * (i === selected ? 1.8 : 1),
    getFillColor: (i: number) => [...GROUP_COLOUR[FACILITY_GROUPS[f.group[i]]], 230],
    getLineColor: (i: number) => (i === selected ? [0, 0, 0, 255] : [255, 255, 255, 200]),
    getLineWidth: (i: number) => (i === selected ? 2 : 0.6),
    updateTriggers: { getRadius: selected, getLineColor: selected, getLineWidth: selected },
  });
}

export const FACILITY_FLAG_LAYER_ID = 'establecimientos-observados';
/** Black ring, 3 px, with a white halo: visible over any category colour and for every reader. */
export const FLAG_RING: [number, number, number] = [0, 0, 0];

/** A ring around each facility the pipeline flagged (point outside its declared province). */
export function facilityFlagLayer(f: Facilities, flagged: number[], opacity: number) {
  return new ScatterplotLayer<number>({
    id: FACILITY_FLAG_LAYER_ID,
    data: flagged,
    pickable: true,
    opacity,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels',
    getPosition: (i: number) => [f.lon[i], f.lat[i]],
    getRadius: (i: number) => GROUP_RADIUS[FACILITY_GROUPS[f.group[i]]] + 4,
    getLineColor: [...FLAG_RING, 255],
    getLineWidth: 2.5,
  });
}
