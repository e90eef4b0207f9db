import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { Boundaries, BoundaryProps } from '../data/boundaries';
import { CHOROPLETH_BEFORE } from './basemapStyle';
import { scoreColour, type RGBA } from './palette';

export interface ChoroplethColours {
  /** Province UBIGEO → colour; rebuilt on a ranking change, the geometry never is. */
  fill: Map<string, RGBA>;
  selected: string | null;
  /** Changes whenever `fill` does: deck.gl's update trigger. */
  version: number;
}

export function choroplethColours(
  ids: string[],
  score: Float64Array,
  inScope: Uint8Array,
  selected: string | null,
  version: number,
): ChoroplethColours {
  const fill = new Map<string, RGBA>();
  ids.forEach((id, i) => fill.set(id, scoreColour(score[i], inScope[i] === 1)));
  return { fill, selected, version };
}

export function provinceLayer(
  data: Boundaries,
  colours: ChoroplethColours,
  onHover: (ubigeo: string | null, x: number, y: number) => void,
  onClick: (ubigeo: string) => void,
) {
  type F = Feature<Geometry, BoundaryProps>;
  return new GeoJsonLayer<BoundaryProps>({
    id: 'provincias-choropleth',
    // Interleaved MapboxOverlay: draw below the department lines of the basemap.
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data,
    pickable: true,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    getFillColor: (f: F) => colours.fill.get(f.properties.ubigeo) ?? [0, 0, 0, 0],
    getLineColor: (f: F) => (f.properties.ubigeo === colours.selected ? [0, 90, 200, 255] : [255, 255, 255, 160]),
    getLineWidth: (f: F) => (f.properties.ubigeo === colours.selected ? 3 : 0.6),
    updateTriggers: {
      getFillColor: colours.version,
      getLineColor: colours.selected,
      getLineWidth: colours.selected,
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
