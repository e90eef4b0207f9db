import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { Boundaries, BoundaryProps } from '../data/boundaries';
import { CHOROPLETH_BEFORE, EMPHASIS_BEFORE } from './basemapStyle';
import type { UnitColours } from './classes';
import type { RGBA } from './palette';

type F = Feature<Geometry, BoundaryProps>;

/** Colours per unit index, the UBIGEO → index map, and the selection: all a recolour needs. */
export interface ChoroplethStyle {
  colours: UnitColours;
  index: Map<string, number>;
  selected: string | null;
  /** Changes whenever `colours` do: deck.gl's update trigger for the fill. */
  version: string;
  /** Identifies the top-N set: outlines are rebuilt only when it changes (a weight drag rarely). */
  topKey: string;
}

const SELECTED: RGBA = [0, 90, 200, 255];
const TOP: RGBA = [20, 20, 20, 255];
const NONE: RGBA = [0, 0, 0, 0];

/**
 * The choropleth's fill, pickable. Its thin separators are MapLibre lines (basemapStyle.ts): a
 * stroke over every unit here would cost ≈ 400 ms of GPU time per frame in software WebGL.
 */
export function unitLayer(
  id: string,
  data: Boundaries,
  style: ChoroplethStyle,
  onHover: (ubigeo: string | null, x: number, y: number) => void,
  display: { visible: boolean; opacity: number } = { visible: true, opacity: 1 },
) {
  const { fill } = style.colours;
  const at = (f: F) => style.index.get(f.properties.ubigeo) ?? -1;
  return new GeoJsonLayer<BoundaryProps>({
    id,
    // Interleaved MapboxOverlay: draw below the unit and department lines of the basemap.
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data,
    visible: display.visible,
    opacity: display.opacity,
    pickable: true,
    stroked: false,
    filled: true,
    getFillColor: (f: F) => {
      const i = at(f);
      return i < 0 ? NONE : [fill[i * 4], fill[i * 4 + 1], fill[i * 4 + 2], fill[i * 4 + 3]];
    },
    updateTriggers: { getFillColor: style.version },
    onHover: (info) => {
      const f = info.object as F | undefined;
      onHover(f ? f.properties.ubigeo : null, info.x, info.y);
    },
  });
}

/** The units to outline: the top N and the selected one (a handful, whatever the level). */
export function emphasisedFeatures(data: Boundaries, style: ChoroplethStyle): F[] {
  const { top } = style.colours;
  return data.features.filter((f) => {
    const i = style.index.get(f.properties.ubigeo);
    return f.properties.ubigeo === style.selected || (i !== undefined && top[i] === 1);
  });
}

// The subset keeps its identity while the top N and the selection do: deck.gl re-reads the
// geometry only when `data` changes, and a weight drag rebuilds the layers at every step.
const emphasisCache = new WeakMap<Boundaries, { key: string; features: F[] }>();

/** Black outlines round the top N and a blue one round the selection, above the unit lines. */
export function unitOutlineLayer(id: string, data: Boundaries, style: ChoroplethStyle, display: { visible: boolean; opacity: number } = { visible: true, opacity: 1 }) {
  const key = `${style.topKey}|${style.selected ?? ''}`;
  let cached = emphasisCache.get(data);
  if (!cached || cached.key !== key) {
    cached = { key, features: emphasisedFeatures(data, style) };
    emphasisCache.set(data, cached);
  }
  const selected = style.selected;
  return new GeoJsonLayer<BoundaryProps>({
    id,
    ...({ beforeId: EMPHASIS_BEFORE } as object),
    data: cached.features,
    visible: display.visible,
    opacity: display.opacity,
    pickable: false,
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineColor: (f: F) => (f.properties.ubigeo === selected ? SELECTED : TOP),
    getLineWidth: (f: F) => (f.properties.ubigeo === selected ? 3.5 : 1.8),
    updateTriggers: { getLineColor: key, getLineWidth: key },
  });
}
