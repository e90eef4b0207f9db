import type { Layer } from '@deck.gl/core';
import type { Boundaries } from '../data/boundaries';
import type { Facilities } from '../data/facilities';
import type { Level } from '../domain/indicators';
import type { ConflictEvent } from '../domain/conflictEvents';
import type { MapLayers } from '../state/scenario';
import type { Hotspots } from '../state/slices';
import { unitLayer, unitOutlineLayer, type ChoroplethStyle } from './unitLayer';
import { facilityFlagLayer, facilityLayer } from './facilityLayer';
import { conflictHeatmap, conflictPoints, hotspotLayer } from './conflictLayers';
import { nearestLineLayer, placesLayer, type placesData } from './placesLayer';
import { labelLayer, type MapLabel } from './labelLayer';

/** Everything the deck.gl layers are made of: plain values from the store and the views' memoised colours. */
export interface MapViewModel {
  level: Level;
  /** The shown level's boundaries, and its colours (null until the level is ranked). */
  boundaries: Boundaries | undefined;
  choropleth: ChoroplethStyle | null;
  /** Province boundaries (the hot-spot layer colours them). The unit lines are MapLibre's (basemapStyle.ts). */
  provinceLines: Boundaries | undefined;
  layers: MapLayers;
  hotspots: Hotspots | null;
  places: { data: ReturnType<typeof placesData>; version: string } | null;
  /** From a selected place to its nearest facility. */
  placeLine: { from: [number, number]; to: [number, number] } | null;
  facilities: Facilities | null;
  facilitiesShown: { visible: number[]; flagged: number[] };
  selectedFacility: number | null;
  conflicts: ConflictEvent[];
  selectedConflict: string | null;
  onHover: (ubigeo: string | null, x: number, y: number) => void;
  /** Unit names kept on screen by the declutter (src/map/labels.ts). */
  labels: { items: MapLabel[]; version: string; characterSet: string[] } | null;
}

/**
 * The map's deck.gl layers as a pure function of the view model, bottom to top. Layer ids are
 * stable, so deck.gl diffs props and only recomputes the attributes whose triggers changed.
 */
export function buildLayers(vm: MapViewModel): Layer[] {
  const { layers: l } = vm;
  const out: (Layer | null)[] = [
    vm.boundaries && vm.choropleth ? unitLayer(`${vm.level}-choropleth`, vm.boundaries, vm.choropleth, vm.onHover, l.choropleth) : null,
    vm.hotspots && l.hotspots.visible && vm.provinceLines
      ? hotspotLayer(vm.provinceLines, vm.hotspots.classOf, l.hotspots.opacity, vm.hotspots.version)
      : null,
    vm.boundaries && vm.choropleth ? unitOutlineLayer(`${vm.level}-contorno`, vm.boundaries, vm.choropleth, l.choropleth) : null,
    l.places.visible && vm.places ? placesLayer(vm.places.data, l.places.opacity, vm.places.version) : null,
    l.places.visible && vm.placeLine ? nearestLineLayer(vm.placeLine.from, vm.placeLine.to) : null,
    vm.facilities && l.facilities.visible ? facilityLayer(vm.facilities, vm.facilitiesShown.visible, l.facilities.opacity, vm.selectedFacility) : null,
    vm.facilities && l.facilities.visible && l.facilities.flags ? facilityFlagLayer(vm.facilities, vm.facilitiesShown.flagged, l.facilities.opacity) : null,
    l.conflictHeatmap.visible && vm.conflicts.length > 0
      ? conflictHeatmap(vm.conflicts, {
          radiusPx: l.conflictHeatmap.radiusPx,
          intensity: l.conflictHeatmap.intensity,
          weights: l.conflictHeatmap.weights,
          opacity: l.conflictHeatmap.opacity,
        })
      : null,
    l.conflictPoints.visible ? conflictPoints(vm.conflicts, l.conflictPoints.opacity, vm.selectedConflict) : null,
    // names on top of everything, so they read over points and heat as well
    l.labels.visible && vm.labels && vm.labels.items.length > 0 ? labelLayer(vm.labels.items, l.labels.opacity, vm.labels.version, vm.labels.characterSet) : null,
  ];
  return out.filter((x): x is Layer => x !== null);
}
