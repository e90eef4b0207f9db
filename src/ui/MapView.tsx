import { useEffect, useMemo, useRef, useState } from 'react';
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/turf';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n';
import { useStore } from '../state/store';
import { basemapStyle } from '../map/basemapStyle';
import { unitLayer, type ChoroplethStyle } from '../map/unitLayer';
import { FACILITY_FLAG_LAYER_ID, FACILITY_LAYER_ID, facilityFlagLayer, facilityLayer } from '../map/facilityLayer';
import { boundaryLayer } from '../map/boundaryLayer';
import { CONFLICT_POINTS_ID, conflictHeatmap, conflictPoints, hotspotLayer } from '../map/conflictLayers';
import { useConflictsInWindow } from './useConflicts';
import { useHotspots } from './useHotspots';
import { PLACES_LAYER_ID, interleave, nearestLineLayer, placeColours, placesData, placesLayer } from '../map/placesLayer';
import type { ConflictEvent } from '../domain/conflictEvents';
import { useVisibleFacilities } from './useVisibleFacilities';
import { unitColours } from '../map/classes';
import { useRanking } from './useRanking';
import { Legend } from './Legend';
import { MapTooltip } from './MapTooltip';
import { MapTools } from './MapTools';

const RANKED_MAP_MARK = 'territorio:ranked-map';
const PERU_BOUNDS: [number, number, number, number] = [-81.4, -18.4, -68.6, -0.03];

export function MapView() {
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const layersSet = useRef(false);
  const [hover, setHover] = useState<{ ubigeo: string; x: number; y: number } | null>(null);
  const geo = useStore((s) => s.geo);
  const selected = useStore((s) => s.selected);
  const scope = useStore((s) => s.scenario.scope);
  const level = useStore((s) => s.scenario.level);
  const classes = useStore((s) => s.scenario.classes);
  const topN = useStore((s) => s.scenario.topN);
  const boundaries = useStore((s) => s.boundaries[s.scenario.level]);
  const layers = useStore((s) => s.scenario.layers);
  const facilities = useStore((s) => s.facilities);
  const selectedFacility = useStore((s) => s.selectedFacility);
  const [styleReady, setStyleReady] = useState(false);
  const ranked = useRanking();

  // The map and overlay are created once; later changes only update layer props.
  useEffect(() => {
    if (!geo || !container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemapStyle(geo.paises, geo.departamentos),
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
        }
      },
    });
    // Clicks are picked here rather than through the layer's onClick: in headless Chromium,
    // deck.gl 9.4 (interleaved) dropped clicks that followed a hover, in the full e2e run.
    map.on('click', (e) => {
      const info = overlay.pickObject({ x: e.point.x, y: e.point.y });
      if (!info) return;
      if (info.layer?.id === PLACES_LAYER_ID) {
        if (info.index >= 0) useStore.getState().selectPlace(info.index);
        return;
      }
      if (info.layer?.id === CONFLICT_POINTS_ID) {
        const e = info.object as ConflictEvent | undefined;
        if (e) useStore.getState().selectConflict(e.id);
        return;
      }
      if (info.layer?.id === FACILITY_LAYER_ID || info.layer?.id === FACILITY_FLAG_LAYER_ID) {
        if (typeof info.object === 'number') useStore.getState().selectFacility(info.object);
        return;
      }
      const ubigeo = (info.object as { properties?: { ubigeo?: string } } | undefined)?.properties?.ubigeo;
      if (ubigeo) useStore.getState().select(ubigeo);
    });
    // Attach deck.gl only once the style has loaded: attached earlier (deck 9.4 + MapLibre 5),
    // its interleaved layers hide every MapLibre fill and line layer. Seen in headless Chromium.
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
  }, [geo]);

  // Colours only: a weight change recomputes these bytes, never the geometry.
  const index = useMemo(() => new Map(ranked?.units.ids.map((id, i) => [id, i]) ?? []), [ranked?.units]);
  const style = useMemo<Omit<ChoroplethStyle, 'selected'> | null>(() => {
    if (!ranked) return null;
    const colours = unitColours(ranked.ranking, classes, topN);
    return { colours, index, version: performance.now(), topKey: `${ranked.units.level}:${colours.topKey}` };
  }, [ranked, classes, topN, index]);

  // Facilities shown (indices into `facilities`), and those of them the pipeline flagged.
  const fl = layers.facilities;
  const { visible: visibleFacilities, flagged: flaggedFacilities } = useVisibleFacilities();
  const provinceLines = useStore((s) => s.boundaries.provincia);
  const conflicts = useConflictsInWindow();
  const selectedConflict = useStore((s) => s.selectedConflict);
  const hotspots = useHotspots();
  const access = useStore((s) => s.access);
  const nearest = useStore((s) => s.accessNearest);
  const selectedPlace = useStore((s) => s.selectedPlace);
  const pl = layers.places;
  const placePositions = useMemo(() => (access ? interleave(access.places.lon, access.places.lat) : null), [access]);
  const placeStyle = useMemo(() => {
    if (!access) return null;
    const d = nearest && nearest.category === pl.category ? nearest.distanceKm : null;
    const colours = placeColours(d, access.places.count, pl.colourBy, pl.thresholdKm);
    return { data: placesData(placePositions!, colours), version: `${pl.colourBy}:${pl.thresholdKm}:${d ? pl.category : ''}` };
  }, [access, nearest, placePositions, pl.category, pl.colourBy, pl.thresholdKm]);
  const placeLine = useMemo(() => {
    if (!access || !nearest || selectedPlace === null || !pl.showLine) return null;
    const f = nearest.facility[selectedPlace];
    if (f < 0) return null;
    return nearestLineLayer(
      [access.places.lon[selectedPlace], access.places.lat[selectedPlace]],
      [access.facilities.lon[f], access.facilities.lat[f]],
    );
  }, [access, nearest, selectedPlace, pl.showLine]);
  const districtLines = useStore((s) => s.boundaries.distrito);

  useEffect(() => {
    if (!boundaries || !style || !overlayRef.current) return;
    overlayRef.current.setProps({
      layers: [
        unitLayer(
          `${level}-choropleth`,
          boundaries,
          { ...style, selected },
          (ubigeo, x, y) => setHover(ubigeo ? { ubigeo, x, y } : null),
          layers.choropleth,
        ),
        hotspots && layers.hotspots.visible && provinceLines
          ? hotspotLayer(provinceLines, hotspots.classOf, layers.hotspots.opacity, hotspots.version)
          : null,
        layers.distritos.visible && districtLines
          ? boundaryLayer('lineas-distritos', districtLines, layers.distritos.opacity, [90, 90, 90, 255], 0.6)
          : null,
        layers.provincias.visible && provinceLines
          ? boundaryLayer('lineas-provincias', provinceLines, layers.provincias.opacity, [40, 40, 40, 255], 1)
          : null,
        pl.visible && placeStyle ? placesLayer(placeStyle.data, pl.opacity, placeStyle.version) : null,
        pl.visible ? placeLine : null,
        facilities && fl.visible ? facilityLayer(facilities, visibleFacilities, fl.opacity, selectedFacility) : null,
        facilities && fl.visible && fl.flags ? facilityFlagLayer(facilities, flaggedFacilities, fl.opacity) : null,
        layers.conflictHeatmap.visible && conflicts.length > 0
          ? conflictHeatmap(conflicts, {
              radiusPx: layers.conflictHeatmap.radiusPx,
              intensity: layers.conflictHeatmap.intensity,
              weights: layers.conflictHeatmap.weights,
              opacity: layers.conflictHeatmap.opacity,
            })
          : null,
        layers.conflictPoints.visible ? conflictPoints(conflicts, layers.conflictPoints.opacity, selectedConflict) : null,
      ],
    });
    layersSet.current = true;
  }, [
    boundaries, style, selected, level, layers.choropleth, layers.distritos, layers.provincias, districtLines, provinceLines,
    fl.visible, fl.opacity, fl.flags, facilities, visibleFacilities, flaggedFacilities, selectedFacility,
    layers.conflictHeatmap, layers.conflictPoints, layers.hotspots, conflicts, selectedConflict, hotspots,
    pl.visible, pl.opacity, placeStyle, placeLine,
  ]);

  // Basemap layers: MapLibre's own, shown, hidden and faded here.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const show = (id: string, on: boolean) => map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    show('paises-fill', layers.basemap.visible);
    show('paises-line', layers.basemap.visible);
    map.setPaintProperty('paises-fill', 'fill-opacity', layers.basemap.opacity);
    map.setPaintProperty('paises-line', 'line-opacity', layers.basemap.opacity);
    show('departamentos-line', layers.departamentos.visible);
    map.setPaintProperty('departamentos-line', 'line-opacity', layers.departamentos.opacity);
  }, [styleReady, layers.basemap, layers.departamentos]);

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
  const mapFocus = useStore((s) => s.mapFocus);
  const scopeFitted = useRef('');
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
      {hover && ranked && <MapTooltip ubigeo={hover.ubigeo} x={hover.x} y={hover.y} />}
      <Legend />
      {map && <MapTools map={map} bounds={PERU_BOUNDS} />}
      <p className="map-credit">{t('map.basemapCredit')}</p>
    </div>
  );
}
