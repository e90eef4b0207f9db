import type { StyleSpecification } from 'maplibre-gl';
import type { Boundaries } from '../data/boundaries';

/**
 * A self-hosted basemap: inline GeoJSON only, and no `glyphs` or `sprite` keys, so MapLibre
 * makes no request at all. Department lines sit above the deck.gl choropleth.
 */
export const CHOROPLETH_BEFORE = 'departamentos-line';

export function basemapStyle(paises: Boundaries, departamentos: Boundaries): StyleSpecification {
  return {
    version: 8,
    sources: {
      paises: { type: 'geojson', data: paises },
      departamentos: { type: 'geojson', data: departamentos },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d7e6ef' } },
      { id: 'paises-fill', type: 'fill', source: 'paises', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'paises-line', type: 'line', source: 'paises', paint: { 'line-color': '#9a9a9a', 'line-width': 0.8 } },
      {
        id: CHOROPLETH_BEFORE,
        type: 'line',
        source: 'departamentos',
        paint: { 'line-color': '#3b3b3b', 'line-width': 1.2 },
      },
    ],
  };
}
