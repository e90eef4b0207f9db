import type { StyleSpecification } from 'maplibre-gl';
import type { Boundaries } from '../data/boundaries';
import type { Level } from '../domain/indicators';
import type { MapLayers } from '../state/scenario';

/**
 * Below this zoom the 1,891 district outlines are a grey smear (issue 16): the layer waits until
 * they can be told apart (about a department filling the map).
 */
export const DISTRICT_LINES_MIN_ZOOM = 6.5;

/**
 * Unit outlines are MapLibre line layers, not deck.gl strokes: deck's PathLayer cost ≈ 400 ms of
 * GPU time per frame for the 196 provinces in software WebGL (measured, issue 16), MapLibre's
 * lines ≈ nothing. Order, bottom to top: the choropleth (deck.gl), the thin separators of the
 * ranked level, the optional province and district lines, the top-N/selection outlines
 * (deck.gl), the department lines.
 */
export const OUTLINES = {
  distritoSep: 'distritos-sep',
  provinciaSep: 'provincias-sep',
  distritos: 'distritos-line',
  provincias: 'provincias-line',
} as const;
/** deck.gl layers drawn under the outlines (choropleth, hot spots, heat) are inserted before this. */
export const CHOROPLETH_BEFORE = OUTLINES.distritoSep;
/** deck.gl's top-N and selection outlines sit above every unit line, under the departments. */
export const EMPHASIS_BEFORE = 'departamentos-line';

const EMPTY: Boundaries = { type: 'FeatureCollection', features: [] };
const SEPARATOR = 'rgba(255, 255, 255, 0.59)';

/**
 * A self-hosted basemap: inline GeoJSON only, and no `glyphs` or `sprite` keys, so MapLibre
 * makes no request at all. The province and district sources start empty and are filled when
 * their boundaries arrive (MapView).
 */
export function basemapStyle(paises: Boundaries = EMPTY, departamentos: Boundaries = EMPTY): StyleSpecification {
  const hidden = { visibility: 'none' as const };
  return {
    version: 8,
    sources: {
      paises: { type: 'geojson', data: paises },
      departamentos: { type: 'geojson', data: departamentos },
      provincias: { type: 'geojson', data: EMPTY },
      distritos: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#d7e6ef' } },
      { id: 'paises-fill', type: 'fill', source: 'paises', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'paises-line', type: 'line', source: 'paises', paint: { 'line-color': '#9a9a9a', 'line-width': 0.8 } },
      { id: OUTLINES.distritoSep, type: 'line', source: 'distritos', layout: hidden, paint: { 'line-color': SEPARATOR, 'line-width': 0.5 } },
      { id: OUTLINES.provinciaSep, type: 'line', source: 'provincias', layout: hidden, paint: { 'line-color': SEPARATOR, 'line-width': 0.5 } },
      {
        id: OUTLINES.distritos,
        type: 'line',
        source: 'distritos',
        minzoom: DISTRICT_LINES_MIN_ZOOM,
        layout: hidden,
        paint: { 'line-color': '#5a5a5a', 'line-width': 0.6 },
      },
      { id: OUTLINES.provincias, type: 'line', source: 'provincias', layout: hidden, paint: { 'line-color': '#282828', 'line-width': 1 } },
      { id: EMPHASIS_BEFORE, type: 'line', source: 'departamentos', paint: { 'line-color': '#3b3b3b', 'line-width': 1.2 } },
    ],
  };
}

/** What each MapLibre layer of the basemap shows for a scenario's layers and level: pure, so testable. */
export function basemapLayerState(level: Level, l: MapLayers): { id: string; visible: boolean; opacity: number; kind: 'line' | 'fill' }[] {
  return [
    { id: 'paises-fill', kind: 'fill', visible: l.basemap.visible, opacity: l.basemap.opacity },
    { id: 'paises-line', kind: 'line', visible: l.basemap.visible, opacity: l.basemap.opacity },
    // the separators belong to the choropleth: they follow its switch and its opacity
    { id: OUTLINES.distritoSep, kind: 'line', visible: level === 'distrito' && l.choropleth.visible, opacity: l.choropleth.opacity },
    { id: OUTLINES.provinciaSep, kind: 'line', visible: level === 'provincia' && l.choropleth.visible, opacity: l.choropleth.opacity },
    { id: OUTLINES.distritos, kind: 'line', visible: l.distritos.visible, opacity: l.distritos.opacity },
    { id: OUTLINES.provincias, kind: 'line', visible: l.provincias.visible, opacity: l.provincias.opacity },
    { id: EMPHASIS_BEFORE, kind: 'line', visible: l.departamentos.visible, opacity: l.departamentos.opacity },
  ];
}
