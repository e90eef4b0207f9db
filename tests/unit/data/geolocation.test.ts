import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { indexPolygons, locateFacilities, locatePoint } from '../../../data/geolocation';

function square(ubigeo: string, x0: number, y0: number, size: number) {
  return {
    type: 'Feature' as const,
    properties: { ubigeo },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
    },
  };
}

// Two neighbouring provinces; 0102 overlaps 0101 by 0.1° (raw polygons do overlap a little).
const provinces: FeatureCollection<Polygon, { ubigeo: string }> = {
  type: 'FeatureCollection',
  features: [square('0102', 0.9, 0, 1), square('0101', 0, 0, 1)],
};
const index = indexPolygons(provinces);

describe('locatePoint', () => {
  it('is ok inside the declared province', () => {
    expect(locatePoint(index, 0.5, 0.5, '0101')).toEqual({ ubigeoProvGeo: '0101', ubicacion: 'ok' });
  });

  it('flags a point in another province and names it', () => {
    expect(locatePoint(index, 1.5, 0.5, '0101')).toEqual({ ubigeoProvGeo: '0102', ubicacion: 'otra_provincia' });
  });

  it('prefers the declared province where polygons overlap', () => {
    expect(locatePoint(index, 0.95, 0.5, '0102').ubicacion).toBe('ok');
    expect(locatePoint(index, 0.95, 0.5, '0101').ubicacion).toBe('ok');
    // not declared in either: the first by code wins, deterministically
    expect(locatePoint(index, 0.95, 0.5, '9999')).toEqual({ ubigeoProvGeo: '0101', ubicacion: 'otra_provincia' });
  });

  it('says fuera_de_limites outside every polygon (e.g. off the coast)', () => {
    expect(locatePoint(index, -0.5, 0.5, '0101')).toEqual({ ubigeoProvGeo: null, ubicacion: 'fuera_de_limites' });
  });

  it('says sin_coordenadas without a point', () => {
    expect(locatePoint(index, null, null, '0101')).toEqual({ ubigeoProvGeo: null, ubicacion: 'sin_coordenadas' });
    expect(locatePoint(index, Number.NaN, 1, '0101').ubicacion).toBe('sin_coordenadas');
  });
});

describe('locateFacilities', () => {
  it('keeps the order and codes of its input', () => {
    const out = locateFacilities(index, [
      { codigo: 7, lon: 0.5, lat: 0.5, ubigeo_prov: '0101' },
      { codigo: 3, lon: null, lat: null, ubigeo_prov: '0101' },
    ]);
    expect(out.map((o) => [o.codigo, o.ubicacion])).toEqual([[7, 'ok'], [3, 'sin_coordenadas']]);
  });
});
