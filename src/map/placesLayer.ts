import { LineLayer, ScatterplotLayer } from '@deck.gl/layers';

export const PLACES_LAYER_ID = 'centros-poblados';

/** Within / beyond the threshold: Okabe–Ito blue and reddish purple (colour-blind safe, and apart from the YlOrRd choropleth). */
export const WITHIN: [number, number, number] = [0, 114, 178];
export const BEYOND: [number, number, number] = [204, 121, 167];
/** Distance classes (km) and their viridis colours, near → far (light → dark reads as "farther"). */
export const DISTANCE_BREAKS = [5, 10, 20, 30, 60];
export const DISTANCE_COLOURS: [number, number, number][] = [
  [253, 231, 37],
  [94, 201, 98],
  [33, 145, 140],
  [59, 82, 139],
  [68, 1, 84],
  [20, 0, 30],
];
const NO_DISTANCE: [number, number, number, number] = [150, 150, 150, 120];

export function distanceClass(km: number): number {
  let k = 0;
  while (k < DISTANCE_BREAKS.length && km > DISTANCE_BREAKS[k]) k++;
  return k;
}

/** One RGBA per place: by threshold (within/beyond) or by distance class. NaN distance = grey. */
export function placeColours(distanceKm: Float32Array | null, count: number, mode: 'threshold' | 'distance', thresholdKm: number): Uint8Array {
  const out = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) {
    const d = distanceKm ? distanceKm[i] : NaN;
    const c = Number.isNaN(d) ? NO_DISTANCE : mode === 'threshold' ? (d > thresholdKm ? BEYOND : WITHIN) : DISTANCE_COLOURS[distanceClass(d)];
    // Places within reach stay faint so the ones beyond the threshold stand out.
    const alpha = c.length > 3 ? (c as number[])[3] : mode === 'threshold' && !(d > thresholdKm) ? 70 : 220;
    out.set([c[0], c[1], c[2], alpha], i * 4);
  }
  return out;
}

/** Interleaved lon/lat for deck.gl's binary attributes (built once per load). */
export function interleave(lon: Float64Array, lat: Float64Array): Float64Array {
  const out = new Float64Array(lon.length * 2);
  for (let i = 0; i < lon.length; i++) {
    out[2 * i] = lon[i];
    out[2 * i + 1] = lat[i];
  }
  return out;
}

/**
 * The layer's binary data: 136k points would cost seconds as JavaScript objects. Build it once per
 * colour change and keep it: deck.gl compares `data` by identity, and a new object re-uploads
 * every attribute.
 */
export function placesData(positions: Float64Array, colours: Uint8Array) {
  return {
    length: positions.length / 2,
    attributes: { getPosition: { value: positions, size: 2 }, getFillColor: { value: colours, size: 4, normalized: true } },
  };
}

/** All populated places as points. */
export function placesLayer(data: ReturnType<typeof placesData>, opacity: number, version: string) {
  return new ScatterplotLayer({
    id: PLACES_LAYER_ID,
    data,
    pickable: true,
    opacity,
    radiusUnits: 'pixels',
    getRadius: 1.3,
    updateTriggers: { getFillColor: version },
  });
}

/** The line from the selected place to its nearest facility. */
export function nearestLineLayer(from: [number, number], to: [number, number]) {
  return new LineLayer<{ from: [number, number]; to: [number, number] }>({
    id: 'centro-poblado-linea',
    data: [{ from, to }],
    getSourcePosition: (d) => d.from,
    getTargetPosition: (d) => d.to,
    getColor: [0, 0, 0, 230],
    getWidth: 2.5,
    widthUnits: 'pixels',
  });
}
