import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { Boundaries, BoundaryProps } from '../data/boundaries';
import { CHOROPLETH_BEFORE } from './basemapStyle';
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
const PLAIN: RGBA = [255, 255, 255, 150];
const NONE: RGBA = [0, 0, 0, 0];

export function unitLayer(
  id: string,
  data: Boundaries,
  style: ChoroplethStyle,
  onHover: (ubigeo: string | null, x: number, y: number) => void,
  display: { visible: boolean; opacity: number } = { visible: true, opacity: 1 },
) {
  const { fill, top } = style.colours;
  const at = (f: F) => style.index.get(f.properties.ubigeo) ?? -1;
  return new GeoJsonLayer<BoundaryProps>({
    id,
    // Interleaved MapboxOverlay: draw below the department lines of the basemap.
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data,
    visible: display.visible,
    opacity: display.opacity,
    pickable: true,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f: F) => {
      const i = at(f);
      return i < 0 ? NONE : [fill[i * 4], fill[i * 4 + 1], fill[i * 4 + 2], fill[i * 4 + 3]];
    },
    getLineColor: (f: F) => (f.properties.ubigeo === style.selected ? SELECTED : top[at(f)] ? TOP : PLAIN),
    getLineWidth: (f: F) => (f.properties.ubigeo === style.selected ? 3.5 : top[at(f)] ? 1.8 : 0.5),
    updateTriggers: {
      getFillColor: style.version,
      getLineColor: [style.topKey, style.selected],
      getLineWidth: [style.topKey, style.selected],
    },
    onHover: (info) => {
      const f = info.object as F | undefined;
      onHover(f ? f.properties.ubigeo : null, info.x, info.y);
    },
  });
}
