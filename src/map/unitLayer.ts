import { GeoJsonLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { featureUnits, fillGeometry, vertexColours, type FillGeometry } from './unitFill';
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

/** deck.gl's polygon layer, picking a unit's feature (the binary rows are polygons, not features). */
class UnitFillLayer extends SolidPolygonLayer<unknown, { features: F[]; polygonFeature: Int32Array }> {
  static layerName = 'UnitFillLayer';
  getPickingInfo(params: Parameters<SolidPolygonLayer['getPickingInfo']>[0]) {
    const info = super.getPickingInfo(params);
    const k = info.index >= 0 ? this.props.polygonFeature[info.index] : -1;
    info.object = k >= 0 ? this.props.features[k] : undefined;
    return info;
  }
}

interface FillData {
  length: number;
  startIndices: Uint32Array;
  attributes: Record<string, unknown> & { fillColors?: { value: Uint8Array; size: 4; normalized: true } };
}

/** Per boundary set, the binary geometry; per layer id, its data object (its colours are that layer's). */
const fills = new WeakMap<Boundaries, { geometry: FillGeometry; byLayer: Map<string, { data: FillData; index?: Map<string, number>; units?: Int32Array; version?: string; serial: number }> }>();

function fillOf(id: string, boundaries: Boundaries) {
  let entry = fills.get(boundaries);
  if (!entry) {
    entry = { geometry: fillGeometry(boundaries), byLayer: new Map() };
    fills.set(boundaries, entry);
  }
  const g = entry.geometry;
  let mine = entry.byLayer.get(id);
  if (!mine) {
    mine = {
      serial: 0,
      data: {
        length: g.polygons,
        startIndices: g.startIndices,
        attributes: {
          getPolygon: { value: g.positions, size: 2 },
          indices: g.triangles,
          instanceVertexValid: { value: g.vertexValid, size: 1 },
        },
      },
    };
    entry.byLayer.set(id, mine);
  }
  return { g, mine };
}

/**
 * The choropleth's fill, pickable. Its colours are one binary buffer per vertex, rewritten from the
 * unit colours on a recolour (see unitFill.ts); the geometry is never rebuilt for a new colour. Its
 * thin separators are MapLibre lines (basemapStyle.ts): a stroke over every unit here would cost
 * ≈ 400 ms of GPU time per frame in software WebGL.
 */
export function unitLayer(
  id: string,
  data: Boundaries,
  style: ChoroplethStyle,
  onHover: (ubigeo: string | null, x: number, y: number) => void,
  display: { visible: boolean; opacity: number } = { visible: true, opacity: 1 },
) {
  const { g, mine } = fillOf(id, data);
  if (mine.version !== style.version || mine.index !== style.index) {
    if (mine.index !== style.index || !mine.units) mine.units = featureUnits(g, style.index);
    mine.index = style.index;
    mine.version = style.version;
    // a new attribute object: deck.gl uploads an external buffer when it is not the one it has
    mine.data.attributes.fillColors = { value: vertexColours(g, mine.units, style.colours.fill), size: 4, normalized: true };
    mine.serial += 1;
  }
  return new UnitFillLayer({
    id,
    // Interleaved MapboxOverlay: draw below the unit and department lines of the basemap.
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data: mine.data as never,
    features: g.features,
    polygonFeature: g.polygonFeature,
    _normalize: false,
    positionFormat: 'XY',
    visible: display.visible,
    opacity: display.opacity,
    pickable: true,
    filled: true,
    extruded: false,
    // deck.gl reads the new colours when this changes: whenever they were rewritten above
    updateTriggers: { getFillColor: mine.serial },
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
