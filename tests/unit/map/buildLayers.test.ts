import { describe, expect, it } from 'vitest';
import type { Boundaries } from '../../../src/data/boundaries';
import type { Facilities } from '../../../src/data/facilities';
import { buildLayers, type MapViewModel } from '../../../src/map/buildLayers';
import { selectionFromPick } from '../../../src/map/picking';
import { defaultLayers } from '../../../src/state/scenario';
import type { ConflictEvent } from '../../../src/domain/conflictEvents';
import { PLACES_LAYER_ID, placesData } from '../../../src/map/placesLayer';
import { CONFLICT_POINTS_ID } from '../../../src/map/conflictLayers';
import { FACILITY_FLAG_LAYER_ID, FACILITY_LAYER_ID } from '../../../src/map/facilityLayer';

const square = (ubigeo: string, x: number): Boundaries['features'][number] => ({
  type: 'Feature',
  properties: { ubigeo },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});
const lines: Boundaries = { type: 'FeatureCollection', features: [square('0101', 0), square('0102', 1)] };

function viewModel(patch: Partial<MapViewModel> = {}): MapViewModel {
  return {
    level: 'provincia',
    boundaries: lines,
    choropleth: {
      colours: { fill: new Uint8ClampedArray(8), top: new Uint8Array(2), topKey: '' },
      index: new Map([['0101', 0], ['0102', 1]]),
      selected: null,
      version: '1',
      topKey: 'provincia:',
    },
    provinceLines: lines,
    layers: defaultLayers(),
    hotspots: null,
    places: null,
    placeLine: null,
    facilities: null,
    facilitiesShown: { visible: [], flagged: [] },
    selectedFacility: null,
    conflicts: [],
    selectedConflict: null,
    onHover: () => undefined,
    labels: null,
    ...patch,
  };
}
const ids = (vm: MapViewModel) => buildLayers(vm).map((l) => l.id);

describe('buildLayers (pure: view model → deck.gl layers)', () => {
  it('draws only the choropleth by default', () => {
    expect(ids(viewModel())).toEqual(['provincia-choropleth', 'provincia-contorno']);
  });

  it('draws the names on top when there are labels to show, and not when the layer is off', () => {
    const labels = { items: [{ position: [0.5, 0.5] as [number, number], text: '1. Chachapoyas', top: true, size: 13 }], version: 'v', characterSet: [...'1. Chachapoyas'] };
    expect(ids(viewModel({ labels }))).toEqual(['provincia-choropleth', 'provincia-contorno', 'nombres']);
    expect(ids(viewModel({ labels, layers: { ...defaultLayers(), labels: { visible: false, opacity: 1 } } }))).toEqual(['provincia-choropleth', 'provincia-contorno']);
  });

  it('draws nothing before the level is ranked', () => {
    expect(ids(viewModel({ choropleth: null }))).toEqual([]);
  });

  it('draws no stroke over every unit: the fill is unstroked and only the top N and the selection are outlined', () => {
    const [fill, outline] = buildLayers(
      viewModel({
        boundaries: { type: 'FeatureCollection', features: [square('0101', 0), square('0102', 1), square('0103', 2)] },
        choropleth: {
          colours: { fill: new Uint8ClampedArray(12), top: Uint8Array.of(1, 0, 0), topKey: '0' },
          index: new Map([['0101', 0], ['0102', 1], ['0103', 2]]),
          selected: '0103',
          version: '1',
          topKey: 'provincia:0',
        },
      }),
    );
    // the fill is a polygon layer with no stroke at all (the unit lines are MapLibre's)
    expect(fill.props).toMatchObject({ filled: true, pickable: true, extruded: false });
    expect((fill.props as { stroked?: boolean }).stroked).toBeUndefined();
    // its colours: one RGBA per vertex, a binary attribute (5 closed-ring vertices a square)
    const attributes = (fill.props.data as { attributes: { fillColors: { value: Uint8Array; size: number } } }).attributes;
    expect(attributes.fillColors.size).toBe(4);
    expect(attributes.fillColors.value.length).toBe(3 * 5 * 4);
    expect(outline.props).toMatchObject({ stroked: true, filled: false, pickable: false });
    const outlined = (outline.props.data as { properties: { ubigeo: string } }[]).map((f) => f.properties.ubigeo);
    expect(outlined).toEqual(['0101', '0103']);
  });

  it('keeps the outlined subset while the top N and the selection stay (deck.gl re-reads geometry on a new array)', () => {
    const data = (vm: MapViewModel) => buildLayers(vm)[1].props.data;
    const a = viewModel();
    const first = data(a);
    expect(data(viewModel({ choropleth: { ...a.choropleth!, version: '2' } }))).toBe(first);
    expect(data(viewModel({ choropleth: { ...a.choropleth!, selected: '0102' } }))).not.toBe(first);
  });

  it('adds facilities (and the flag rings only when asked), places and conflict layers on top', () => {
    const facilities = { count: 1, lon: Float64Array.of(0.5), lat: Float64Array.of(0.5), group: Uint8Array.of(0) } as unknown as Facilities;
    const base = defaultLayers();
    const layers = {
      ...base,
      facilities: { ...base.facilities, visible: true, flags: true },
      places: { ...base.places, visible: true },
      conflictHeatmap: { ...base.conflictHeatmap, visible: true },
      conflictPoints: { ...base.conflictPoints, visible: true },
    };
    const event = { id: 'c1', lon: 0.5, lat: 0.5, estado: 'activo', violencia: false } as unknown as ConflictEvent;
    const vm = viewModel({
      level: 'distrito',
      layers,
      facilities,
      facilitiesShown: { visible: [0], flagged: [0] },
      places: { data: placesData(Float64Array.of(0.2, 0.2), new Uint8Array(3)), version: 'v' },
      placeLine: { from: [0.2, 0.2], to: [0.5, 0.5] },
      conflicts: [event],
    });
    const out = ids(vm);
    expect(out.slice(0, 2)).toEqual(['distrito-choropleth', 'distrito-contorno']);
    expect(out).toContain(FACILITY_LAYER_ID);
    expect(out).toContain(FACILITY_FLAG_LAYER_ID);
    expect(out).toContain(PLACES_LAYER_ID);
    expect(out).toContain(CONFLICT_POINTS_ID);
    expect(out.indexOf(PLACES_LAYER_ID)).toBeLessThan(out.indexOf(FACILITY_LAYER_ID));
    expect(out.at(-1)).toBe(CONFLICT_POINTS_ID);
    expect(out).toEqual(['distrito-choropleth', 'distrito-contorno', PLACES_LAYER_ID, 'centro-poblado-linea', FACILITY_LAYER_ID, FACILITY_FLAG_LAYER_ID, 'conflictos-calor', CONFLICT_POINTS_ID]);
    // the heatmap is left out when the window holds no event
    expect(ids({ ...vm, conflicts: [] })).not.toContain('conflictos-calor');
    expect(ids({ ...vm, layers: { ...layers, facilities: { ...layers.facilities, flags: false } } })).not.toContain(FACILITY_FLAG_LAYER_ID);
  });
});

describe('selectionFromPick (one typed dispatch for map clicks)', () => {
  it('maps each pickable layer to its selection', () => {
    expect(selectionFromPick({ layerId: PLACES_LAYER_ID, index: 12, object: undefined })).toEqual({ kind: 'place', index: 12 });
    expect(selectionFromPick({ layerId: CONFLICT_POINTS_ID, index: 0, object: { id: 'c9' } })).toEqual({ kind: 'conflict', id: 'c9' });
    expect(selectionFromPick({ layerId: FACILITY_LAYER_ID, index: 3, object: 41 })).toEqual({ kind: 'facility', index: 41 });
    expect(selectionFromPick({ layerId: FACILITY_FLAG_LAYER_ID, index: 3, object: 7 })).toEqual({ kind: 'facility', index: 7 });
    expect(selectionFromPick({ layerId: 'provincia-choropleth', index: 0, object: { properties: { ubigeo: '0801' } } })).toEqual({ kind: 'unit', ubigeo: '0801' });
  });
  it('returns null for a click on nothing selectable', () => {
    expect(selectionFromPick(null)).toBeNull();
    expect(selectionFromPick({ layerId: PLACES_LAYER_ID, index: -1, object: undefined })).toBeNull();
    expect(selectionFromPick({ layerId: 'lineas-provincias', index: 0, object: { properties: {} } })).toBeNull();
    expect(selectionFromPick({ layerId: FACILITY_LAYER_ID, index: 0, object: undefined })).toBeNull();
  });
});
