import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { Boundaries, BoundaryProps } from '../data/boundaries';
import { CHOROPLETH_BEFORE } from './basemapStyle';
import type { RGBA } from './palette';

type F = Feature<Geometry, BoundaryProps>;

/** Colours and outlines per UBIGEO: rebuilt on a ranking change; the geometry never is. */
export interface ChoroplethStyle {
  fill: Map<string, RGBA>;
  /** UBIGEOs of the top N, outlined. */
  top: Set<string>;
  selected: string | null;
  /** Changes whenever `fill` or `top` do: deck.gl's update trigger. */
  version: number;
}

const SELECTED: RGBA = [0, 90, 200, 255];
const TOP: RGBA = [20, 20, 20, 255];
const PLAIN: RGBA = [255, 255, 255, 150];

export function unitLayer(
  id: string,
  data: Boundaries,
  style: ChoroplethStyle,
  onHover: (ubigeo: string | null, x: number, y: number) => void,
  onClick: (ubigeo: string) => void,
) {
  return new GeoJsonLayer<BoundaryProps>({
    id,
    // Interleaved MapboxOverlay: draw below the department lines of the basemap.
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data,
    pickable: true,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f: F) => style.fill.get(f.properties.ubigeo) ?? [0, 0, 0, 0],
    getLineColor: (f: F) => (f.properties.ubigeo === style.selected ? SELECTED : style.top.has(f.properties.ubigeo) ? TOP : PLAIN),
    getLineWidth: (f: F) => (f.properties.ubigeo === style.selected ? 3.5 : style.top.has(f.properties.ubigeo) ? 1.8 : 0.5),
    updateTriggers: {
      getFillColor: style.version,
      getLineColor: [style.version, style.selected],
      getLineWidth: [style.version, style.selected],
    },
    onHover: (info) => {
      const f = info.object as F | undefined;
      onHover(f ? f.properties.ubigeo : null, info.x, info.y);
    },
    onClick: (info) => {
      const f = info.object as F | undefined;
      if (f) onClick(f.properties.ubigeo);
    },
  });
}
