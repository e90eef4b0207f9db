import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import maplibregl, { type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/turf';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n';
import { useStore } from '../state/store';
import { boundariesOf, selectedConflictId, selectedFacilityIndex, selectedPlaceIndex, selectedUnitId } from '../state/selectors';
import { valueOf } from '../state/loadState';
import { basemapLayerState, basemapStyle } from '../map/basemapStyle';
import type { ChoroplethStyle } from '../map/unitLayer';
import { interleave, placeColours, placesData } from '../map/placesLayer';
import { unitColours } from '../map/classes';
import { useMapClassInputs } from './mapClassInputs';
import { declutter, labelAnchors, labelCharacters, labelSizes, labelWidth, type LabelBox } from '../map/labels';
import type { MapLabel } from '../map/labelLayer';
import { MapUnitList, type VisibleUnit } from './MapUnitList';
import { buildLayers } from '../map/buildLayers';
import { selectionFromPick } from '../map/picking';
import { Legend } from './Legend';
import { MapTooltip } from './MapTooltip';
import { MapTools } from './MapTools';

// MapLibre's workers start booting now, while the data download: the basemap's sources are cut
// into tiles there, and a cold worker delayed the first map by ~0.15 s on 2 cores (docs/performance.md)
maplibregl.prewarm();

const RANKED_MAP_MARK = 'territorio:ranked-map';
const PERU_BOUNDS: [number, number, number, number] = [-81.4, -18.4, -68.6, -0.03];

/**
 * Below this width the map's legend starts folded: open, its 230 px would cover most of the map
 * and its controls (a laptop with the panels open leaves the map ≈ 270 px). styles.css stacks the
 * map tools under the zoom buttons below 500 px.
 */
const NARROW_MAP_PX = 420;

/** A map lower than this (a laptop at 200 % zoom) also starts with its legend folded. */
const SHORT_MAP_PX = 360;

/** Whether an element is narrower than `px` (or lower than `shortPx`), followed as it resizes. */
function useNarrow(ref: RefObject<HTMLElement | null>, px: number, shortPx = SHORT_MAP_PX): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setNarrow(el.clientWidth < px || (el.clientHeight > 0 && el.clientHeight < shortPx)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, px, shortPx]);
  return narrow;
}

/** Quiet time after the last camera move before the names are placed again. */
const CAMERA_SETTLE_MS = 300;

export function MapView() {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const layersSet = useRef(false);
  const [hover, setHover] = useState<{ ubigeo: string; x: number; y: number } | null>(null);
  const geo = useStore((s) => s.data.geo);
  const selected = useStore(selectedUnitId);
  const scope = useStore((s) => s.scenario.scope);
  const level = useStore((s) => s.scenario.level);
  const classes = useStore((s) => s.scenario.classes);
  const topN = useStore((s) => s.scenario.topN);
  const boundaries = useStore((s) => boundariesOf(s, s.scenario.level));
  const layers = useStore((s) => s.scenario.layers);
  const facilities = useStore((s) => valueOf(s.data.facilities));
  const selectedFacility = useStore(selectedFacilityIndex);
  const [styleReady, setStyleReady] = useState(false);
  // A lost WebGL context invalidates every GPU resource: deck.gl must not draw again on it, and
  // the map is rebuilt (a new canvas, a new context) when the browser restores it or the user asks.
  const [generation, setGeneration] = useState(0);
  const [contextLost, setContextLost] = useState(false);
  // bumped when the camera stops: the labels are decluttered again for the new view
  const [cameraStops, setCameraStops] = useState(0);
  const [labels, setLabels] = useState<{ items: MapLabel[]; version: string; characterSet: string[] } | null>(null);
  const [inViewIds, setInViewIds] = useState<string[]>([]);
  const lost = useRef(false);
  // a narrow map (a laptop with the panels open) starts with its legend folded: open, it would cover the map and its controls
  const narrow = useNarrow(container, NARROW_MAP_PX);
  const scopeFitted = useRef('');
  const ranked = useStore((s) => s.derived.ranking);

  // The map and overlay are created once; later changes only update layer props. The map does not
  // wait for the boundaries (issue 16): creating it (its WebGL context, ≈ 0.3–0.5 s here) overlaps
  // their download, and the countries and departments are set into its sources when they arrive.
  const geoRef = useRef(geo);
  // declared before the map's effect, so it runs first: a rebuilt map starts with the boundaries
  useEffect(() => {
    geoRef.current = geo;
  }, [geo]);
  const basemapGeo = useRef<typeof geo>(null);
  useEffect(() => {
    if (!container.current) return;
    const g = geoRef.current;
    basemapGeo.current = g;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemapStyle(g?.paises, g?.departamentos),
      bounds: PERU_BOUNDS,
      fitBoundsOptions: { padding: 20 },
      attributionControl: false,
      // MapLibre's own labels, in the UI language
      locale: {
        'Map.Title': i18next.t('map.mapTitle'),
        'NavigationControl.ZoomIn': i18next.t('map.zoomIn'),
        'NavigationControl.ZoomOut': i18next.t('map.zoomOut'),
        'NavigationControl.ResetBearing': i18next.t('map.resetNorth'),
      },
    });
    // The compass shows the bearing and puts north up again when clicked.
    map.addControl(new maplibregl.NavigationControl({ showCompass: true, visualizePitch: true }), 'top-left');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    const overlay = new MapboxOverlay({
      interleaved: true,
      layers: [],
      // Synchronous picking keeps hover answers in step with the pointer (deck 9.4 defaults to async).
      pickAsync: 'sync',
      // Marks the first frame that shows the ranked choropleth (read by `npm run bench`).
      onAfterRender: () => {
        if (layersSet.current && performance.getEntriesByName(RANKED_MAP_MARK).length === 0) {
          performance.mark(RANKED_MAP_MARK);
          // the engine's start waits for this frame (after it, not during the first draw)
          setTimeout(() => useStore.getState().setFirstMapDrawn(), 0);
        }
      },
    });
    // Clicks are picked here rather than through the layer's onClick: in headless Chromium,
    // deck.gl 9.4 (interleaved) dropped clicks that followed a hover, in the full e2e run.
    map.on('click', (e) => {
      const info = overlay.pickObject({ x: e.point.x, y: e.point.y });
      const selection = selectionFromPick(info ? { layerId: info.layer?.id ?? null, index: info.index, object: info.object } : null);
      if (selection) useStore.getState().setSelection(selection);
    });
    // Attach deck.gl only once the style has loaded: attached earlier (deck 9.4 + MapLibre 5),
    // its interleaved layers hide every MapLibre fill and line layer. Seen in headless Chromium.
    scopeFitted.current = ''; // a rebuilt map starts over Peru: fit the scope again
    map.on('webglcontextlost', () => {
      lost.current = true;
      setContextLost(true);
    });
    map.on('webglcontextrestored', () => {
      lost.current = false;
      setContextLost(false);
      setGeneration((g) => g + 1);
    });
    // the camera has stopped once no move ended for CAMERA_SETTLE_MS: a jump per frame (or a burst
    // of wheel zooms) re-declutters the names once, not at every step
    let settle: ReturnType<typeof setTimeout> | null = null;
    const stopped = () => {
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        setCameraStops((c) => c + 1);
      }, CAMERA_SETTLE_MS);
    };
    map.on('moveend', stopped);
    map.on('resize', stopped);
    map.on('remove', () => settle && clearTimeout(settle));
    map.on('load', () => {
      performance.mark('territorio:basemap');
      setStyleReady(true);
      map.addControl(overlay);
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    setMap(map);
    (window as unknown as { __territorioMap?: maplibregl.Map }).__territorioMap = map;
    (window as unknown as { __territorioOverlay?: MapboxOverlay }).__territorioOverlay = overlay;
    return () => {
      overlayRef.current = null;
      mapRef.current = null;
      setMap(null);
      setStyleReady(false);
      map.remove();
    };
    // the language is read when the map is made: MapLibre's control titles cannot be changed later,
    // so a new language rebuilds the map (the scenario and the layers are untouched)
  }, [generation, i18n.language]);
  // boundaries that arrived after the map was made
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !geo || basemapGeo.current === geo) return;
    basemapGeo.current = geo;
    (map.getSource('paises') as GeoJSONSource | undefined)?.setData(geo.paises);
    (map.getSource('departamentos') as GeoJSONSource | undefined)?.setData(geo.departamentos);
  }, [geo, styleReady]);

  // Colours only: a weight change recomputes these bytes, never the geometry.
  const index = useMemo(() => new Map(ranked?.units.ids.map((id, i) => [id, i]) ?? []), [ranked?.units]);
  // P(top N) per unit, or one indicator's column, when the map is coloured by it
  const classInputs = useMapClassInputs();
  const style = useMemo<Omit<ChoroplethStyle, 'selected'> | null>(() => {
    if (!ranked) return null;
    const colours = unitColours(ranked.ranking, classes, topN, classInputs.inputs);
    return {
      colours,
      index,
      version: `${ranked.version}:${classes.kind}:${classes.count}:${topN}:${classInputs.version}`,
      topKey: `${ranked.units.level}:${colours.topKey}`,
    };
  }, [ranked, classes, topN, index, classInputs]);

  const provinceLines = useStore((s) => boundariesOf(s, 'provincia'));
  const districtLines = useStore((s) => boundariesOf(s, 'distrito'));
  const facilitiesShown = useStore((s) => s.derived.facilitiesShown);
  const conflicts = useStore((s) => s.derived.conflictsInWindow);
  const selectedConflict = useStore(selectedConflictId);
  const hotspots = useStore((s) => s.derived.hotspots);
  const access = useStore((s) => valueOf(s.data.access));
  const nearest = useStore((s) => s.derived.accessNearest);
  const selectedPlace = useStore(selectedPlaceIndex);
  const pl = layers.places;
  // Place positions and colours as binary attributes, rebuilt only when what colours them changes.
  const placePositions = useMemo(() => (access ? interleave(access.places.lon, access.places.lat) : null), [access]);
  const places = useMemo(() => {
    if (!access || !placePositions) return null;
    const d = nearest && nearest.category === pl.category ? nearest.distanceKm : null;
    const colours = placeColours(d, access.places.count, pl.colourBy, pl.thresholdKm);
    return { data: placesData(placePositions, colours), version: `${pl.colourBy}:${pl.thresholdKm}:${d ? pl.category : ''}` };
  }, [access, nearest, placePositions, pl.category, pl.colourBy, pl.thresholdKm]);
  const placeLine = useMemo(() => {
    if (!access || !nearest || selectedPlace === null || !pl.showLine) return null;
    const f = nearest.facility[selectedPlace];
    if (f < 0) return null;
    return {
      from: [access.places.lon[selectedPlace], access.places.lat[selectedPlace]] as [number, number],
      to: [access.facilities.lon[f], access.facilities.lat[f]] as [number, number],
    };
  }, [access, nearest, selectedPlace, pl.showLine]);
  const choropleth = useMemo(() => (style ? { ...style, selected } : null), [style, selected]);

  // Names: the scope's units projected, the top N first (with their rank), then the larger units,
  // kept where they fit. Recomputed when the camera stops or the top N changes — not at every
  // step of a weight drag (the ranking is read from a ref for that reason).
  const labelsOn = layers.labels.visible;
  const rankedRef = useRef(ranked);
  useEffect(() => {
    rankedRef.current = ranked;
  }, [ranked]);
  const units = ranked?.units;
  const topKey = style?.topKey;
  const scopeKey = `${scope.departamento}:${scope.provincia}`;
  const departments = geo?.departamentos;
  // department names in capitals over the units while more than one department is in scope
  const showDepartments = scope.departamento === null && !!departments;
  const characterSet = useMemo(
    () => labelCharacters([...(units?.names ?? []), ...(departments?.features.map((f) => String(f.properties.departamento ?? '').toLocaleUpperCase('es')) ?? [])]),
    [units, departments],
  );
  useEffect(() => {
    const map = mapRef.current;
    const current = rankedRef.current;
    if (!map || !boundaries || !current || current.units !== units) {
      setLabels(null);
      setInViewIds([]);
      return;
    }
    const { ranking } = current;
    const anchors = labelAnchors(boundaries);
    const canvas = map.getCanvas();
    const sizes = labelSizes(map.getZoom());
    const boxes: LabelBox[] = [];
    const items: (MapLabel & { priority: number })[] = [];
    const visible: string[] = [];
    // departments right after the top N: the context a planner points at («Áncash»), before other units
    if (showDepartments && labelsOn) {
      const d = labelAnchors(departments!);
      departments!.features.forEach((f, k) => {
        if (Number.isNaN(d.lon[k])) return;
        const text = String(f.properties.departamento ?? '').toLocaleUpperCase('es');
        const p = map.project([d.lon[k], d.lat[k]]);
        boxes.push({ x: p.x, y: p.y, w: labelWidth(text, sizes.department), h: sizes.department + 4 });
        items.push({ position: [d.lon[k], d.lat[k]], text, top: false, department: true, size: sizes.department, priority: -1e14 - d.area[k] });
      });
    }
    for (let k = 0; k < anchors.ids.length; k++) {
      const i = index.get(anchors.ids[k]);
      if (i === undefined || ranking.inScope[i] !== 1 || Number.isNaN(anchors.lon[k])) continue;
      const rank = ranking.rank[i];
      const top = rank > 0 && rank <= topN;
      const text = top ? `${rank}. ${current.units.names[i]}` : current.units.names[i];
      const size = top ? sizes.top : sizes.unit;
      const p = map.project([anchors.lon[k], anchors.lat[k]]);
      if (p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight) visible.push(anchors.ids[k]);
      boxes.push({ x: p.x, y: p.y, w: labelWidth(text, size), h: size + 4 });
      items.push({ position: [anchors.lon[k], anchors.lat[k]], text, top, size, priority: top ? rank - 1e15 : -anchors.area[k] });
    }
    setInViewIds(visible);
    const order = items.map((_, j) => j).sort((a, b) => items[a].priority - items[b].priority);
    const kept = labelsOn ? declutter(boxes, order, canvas.clientWidth, canvas.clientHeight) : [];
    setLabels(labelsOn ? { items: kept.map((j) => items[j]), version: `${cameraStops}:${topKey}:${scopeKey}`, characterSet } : null);
  }, [cameraStops, boundaries, units, topKey, scopeKey, topN, labelsOn, index, map, characterSet, showDepartments, departments]);
  // the keyboard list, with the current ranks: ranked units by rank, then the rest by name
  const inView = useMemo<VisibleUnit[]>(() => {
    if (!ranked) return [];
    const { units: u, ranking } = ranked;
    return inViewIds
      .map((id) => index.get(id))
      .filter((i): i is number => i !== undefined)
      .map((i) => ({ ubigeo: u.ids[i], name: u.names[i], parent: u.level === 'distrito' ? u.provincias[i] : u.departamentos[i], rank: ranking.rank[i] }))
      .sort((a, b) => (a.rank || 1e9) - (b.rank || 1e9) || a.name.localeCompare(b.name));
  }, [inViewIds, ranked, index]);

  // The names come one frame after the first ranked map: their glyph atlas and shader would
  // otherwise delay it (issue 16); the colours and the table answer first.
  const firstMapDrawn = useStore((s) => s.view.firstMapDrawn);
  const shownLabels = firstMapDrawn ? labels : null;

  // Every deck.gl layer from one pure function of the view model (src/map/buildLayers.ts).
  useEffect(() => {
    if (!overlayRef.current || lost.current) return;
    // no ranking (a level loading, or one waiting for the engine): no colours from an earlier one
    if (!boundaries || !choropleth) {
      if (layersSet.current) overlayRef.current.setProps({ layers: [] });
      return;
    }
    overlayRef.current.setProps({
      layers: buildLayers({
        level, boundaries, choropleth, provinceLines, layers, hotspots, places, placeLine,
        facilities, facilitiesShown, selectedFacility, conflicts, selectedConflict, labels: shownLabels,
        onHover: (ubigeo, x, y) => setHover(ubigeo ? { ubigeo, x, y } : null),
      }),
    });
    layersSet.current = true;
  }, [
    level, boundaries, choropleth, provinceLines, layers, hotspots, places, placeLine,
    facilities, facilitiesShown, selectedFacility, conflicts, selectedConflict, shownLabels, map,
  ]);

  // MapLibre's own layers (basemap, unit and department lines), shown, hidden and faded here.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const { id, kind, visible, opacity } of basemapLayerState(level, layers)) {
      map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
      if (kind === 'fill') map.setPaintProperty(id, 'fill-opacity', opacity);
      else map.setPaintProperty(id, 'line-opacity', opacity);
    }
  }, [styleReady, level, layers]);
  // The unit lines' geometry, once per map and level's boundaries (MapLibre tiles it in its worker).
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleReady && provinceLines) (map.getSource('provincias') as GeoJSONSource | undefined)?.setData(provinceLines);
  }, [styleReady, provinceLines]);
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleReady && districtLines) (map.getSource('distritos') as GeoJSONSource | undefined)?.setData(districtLines);
  }, [styleReady, districtLines]);

  // Bring a unit selected in the table into view, without moving the map when it is visible.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !boundaries || !selected) return;
    const f = boundaries.features.find((x) => x.properties.ubigeo === selected);
    if (!f) return;
    const [w, s, e, n] = bbox(f);
    const view = map.getBounds();
    if (!view.contains([(w + e) / 2, (s + n) / 2])) map.easeTo({ center: [(w + e) / 2, (s + n) / 2], duration: 0 });
  }, [selected, boundaries]);

  // Where the map looks. One effect, so the order is explicit: the scope is fitted when it
  // changes (or when its level's boundaries first arrive), then a search result — which often
  // changes the scope too — zooms further in. A result whose boundary is not loaded yet waits.
  const mapFocus = useStore((s) => s.view.mapFocus);
  const focusApplied = useRef(0);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !boundaries) return;
    const key = `${level}:${scope.departamento}:${scope.provincia}`;
    if (scopeFitted.current !== key) {
      const prefix = level === 'distrito' && scope.provincia ? scope.provincia : scope.departamento;
      const features = boundaries.features.filter((f) => prefix === null || f.properties.ubigeo.startsWith(prefix));
      if (features.length > 0) {
        const [w, s, e, n] = prefix === null ? PERU_BOUNDS : bbox({ type: 'FeatureCollection', features });
        map.fitBounds([w, s, e, n], { padding: 30, duration: 0 });
        scopeFitted.current = key;
      }
    }
    if (mapFocus && mapFocus.seq !== focusApplied.current) {
      if (mapFocus.lonlat) {
        map.easeTo({ center: mapFocus.lonlat, zoom: Math.max(map.getZoom(), 10), duration: 0 });
        focusApplied.current = mapFocus.seq;
      } else {
        const f = boundaries.features.find((x) => x.properties.ubigeo === mapFocus.ubigeo);
        if (f) {
          focusApplied.current = mapFocus.seq;
          // Next frame: the detail panel that opens with a result shrinks the map first.
          requestAnimationFrame(() => {
            map.resize();
            map.fitBounds(bbox(f) as [number, number, number, number], { padding: 40, duration: 0 });
          });
        }
      }
    }
  }, [scope, level, boundaries, mapFocus]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="region" aria-label={t('map.label')} data-testid="map" />
      {/* the map is made before the boundaries arrive: until then it says what it waits for */}
      {!geo && (
        <p className="map-waiting" role="status">
          {t('app.loading')} {t('app.loadingStep.boundaries')}
        </p>
      )}
      {hover && ranked && <MapTooltip ubigeo={hover.ubigeo} x={hover.x} y={hover.y} />}
      <Legend narrow={narrow} />
      {map && <MapTools map={map} bounds={PERU_BOUNDS} />}
      {map && <MapUnitList units={inView} />}
      {contextLost && (
        <div className="map-lost" role="alert" data-testid="map-context-lost">
          <p>{t('map.contextLost')}</p>
          <button
            type="button"
            onClick={() => {
              lost.current = false;
              setContextLost(false);
              setGeneration((g) => g + 1);
            }}
          >
            {t('map.rebuild')}
          </button>
        </div>
      )}
      <p className="map-credit">{t('map.basemapCredit')}</p>
    </div>
  );
}
