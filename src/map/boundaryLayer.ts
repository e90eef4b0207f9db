import { GeoJsonLayer } from '@deck.gl/layers';
import type { Boundaries, BoundaryProps } from '../data/boundaries';
import { CHOROPLETH_BEFORE } from './basemapStyle';
import type { RGBA } from './palette';

/** Province or district outlines on their own: lines only, not pickable, above the choropleth. */
export function boundaryLayer(id: string, data: Boundaries, opacity: number, colour: RGBA, widthPx: number) {
  return new GeoJsonLayer<BoundaryProps>({
    id,
    ...({ beforeId: CHOROPLETH_BEFORE } as object),
    data,
    opacity,
    filled: false,
    stroked: true,
    pickable: false,
    lineWidthUnits: 'pixels',
    getLineColor: colour,
    getLineWidth: widthPx,
  });
}
