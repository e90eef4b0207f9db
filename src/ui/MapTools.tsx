import { useEffect, useState } from 'react';
import type maplibregl from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { formatLonLat } from '../map/coordinates';

/**
 * Map tools next to MapLibre's own zoom/compass and scale: «todo el Perú», «norte arriba», and the
 * pointer's coordinates. The coordinates live in this component's state so a mouse move never
 * re-renders the map view.
 */
export function MapTools({ map, bounds }: { map: maplibregl.Map; bounds: [number, number, number, number] }) {
  const { t, i18n } = useTranslation();
  const [pointer, setPointer] = useState<{ lon: number; lat: number } | null>(null);
  const [tilted, setTilted] = useState(false);
  useEffect(() => {
    const move = (e: maplibregl.MapMouseEvent) => setPointer({ lon: e.lngLat.lng, lat: e.lngLat.lat });
    const out = () => setPointer(null);
    const rotate = () => setTilted(map.getBearing() !== 0 || map.getPitch() !== 0);
    map.on('mousemove', move);
    map.on('mouseout', out);
    map.on('rotate', rotate);
    map.on('pitch', rotate);
    return () => {
      map.off('mousemove', move);
      map.off('mouseout', out);
      map.off('rotate', rotate);
      map.off('pitch', rotate);
    };
  }, [map]);
  return (
    <>
      <div className="map-tools" role="toolbar" aria-label={t('map.tools')}>
        <button type="button" data-testid="zoom-peru" onClick={() => map.fitBounds(bounds, { padding: 20, duration: 0, bearing: 0, pitch: 0 })}>
          {t('map.zoomPeru')}
        </button>
        <button
          type="button"
          data-testid="north-up"
          disabled={!tilted}
          onClick={() => map.resetNorthPitch({ duration: 0 })}
        >
          {t('map.northUp')}
        </button>
      </div>
      <p className="map-coords" data-testid="pointer-coords">
        <span className="sr-only">{t('map.pointerCoords')}: </span>
        {pointer ? formatLonLat(pointer.lon, pointer.lat, i18n.language) : t('map.pointerHint')}
      </p>
    </>
  );
}
