import { describe, expect, it } from 'vitest';
import { basemapLayerState, basemapStyle, CHOROPLETH_BEFORE, DISTRICT_LINES_MIN_ZOOM, EMPHASIS_BEFORE, OUTLINES } from '../../../src/map/basemapStyle';
import { defaultLayers } from '../../../src/state/scenario';
import type { Boundaries } from '../../../src/data/boundaries';

const none: Boundaries = { type: 'FeatureCollection', features: [] };
const order = basemapStyle(none, none).layers.map((l) => l.id);
const state = (level: 'provincia' | 'distrito', patch: Partial<ReturnType<typeof defaultLayers>> = {}) =>
  Object.fromEntries(basemapLayerState(level, { ...defaultLayers(), ...patch }).map((s) => [s.id, s]));

describe('basemap style: unit lines are MapLibre layers', () => {
  it('stacks choropleth, separators, optional lines, outlines and departments in that order', () => {
    const at = (id: string) => order.indexOf(id);
    expect(at(CHOROPLETH_BEFORE)).toBeGreaterThan(at('paises-line'));
    expect(at(OUTLINES.distritoSep)).toBeLessThan(at(OUTLINES.distritos));
    expect(at(OUTLINES.distritos)).toBeLessThan(at(OUTLINES.provincias));
    expect(at(OUTLINES.provincias)).toBeLessThan(at(EMPHASIS_BEFORE));
    expect(order.at(-1)).toBe(EMPHASIS_BEFORE);
  });

  it('draws district lines only from a legible zoom', () => {
    const layer = basemapStyle(none, none).layers.find((l) => l.id === OUTLINES.distritos);
    expect(layer?.minzoom).toBe(DISTRICT_LINES_MIN_ZOOM);
  });

  it('shows the separators of the ranked level only, with the choropleth and at its opacity', () => {
    const p = state('provincia');
    expect(p[OUTLINES.provinciaSep].visible).toBe(true);
    expect(p[OUTLINES.distritoSep].visible).toBe(false);
    const d = state('distrito', { choropleth: { visible: true, opacity: 0.4 } });
    expect(d[OUTLINES.distritoSep]).toMatchObject({ visible: true, opacity: 0.4 });
    expect(d[OUTLINES.provinciaSep].visible).toBe(false);
    expect(state('provincia', { choropleth: { visible: false, opacity: 1 } })[OUTLINES.provinciaSep].visible).toBe(false);
  });

  it('follows the province, district, department and basemap switches', () => {
    const s = state('provincia', {
      provincias: { visible: true, opacity: 0.7 },
      distritos: { visible: true, opacity: 0.3 },
      departamentos: { visible: false, opacity: 1 },
      basemap: { visible: true, opacity: 0.5 },
    });
    expect(s[OUTLINES.provincias]).toMatchObject({ visible: true, opacity: 0.7 });
    expect(s[OUTLINES.distritos]).toMatchObject({ visible: true, opacity: 0.3 });
    expect(s[EMPHASIS_BEFORE].visible).toBe(false);
    expect(s['paises-fill']).toMatchObject({ visible: true, opacity: 0.5, kind: 'fill' });
    expect(state('provincia')[OUTLINES.provincias].visible).toBe(false);
  });
});
