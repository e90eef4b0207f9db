import { describe, expect, it } from 'vitest';
import { isPlaceholder, placeByUbigeo, placePoint, placeRow } from '../../../../src/domain/conflicts/placement';
import { gaz } from './fixtures';

const ubigeoOf = (r: ReturnType<typeof placeRow>) => (r.ok ? r.place.ubigeo : null);

describe('placeByUbigeo', () => {
  it('restores lost leading zeros and falls back to the province of an unknown district', () => {
    expect(placeByUbigeo(gaz, '30506')).toMatchObject({ place: { ubigeo: '030506' }, level: 'distrito', unknownDistrict: false });
    expect(placeByUbigeo(gaz, '305')).toMatchObject({ place: { ubigeo: '0305' }, level: 'provincia' });
    expect(placeByUbigeo(gaz, '80701.0')).toMatchObject({ place: { ubigeo: '080701' } });
    expect(placeByUbigeo(gaz, '080799')).toMatchObject({ place: { ubigeo: '0807' }, level: 'provincia', unknownDistrict: true });
    expect(placeByUbigeo(gaz, '999999')).toBeNull();
    expect(placeByUbigeo(gaz, '08')).toBeNull();
    expect(placeByUbigeo(gaz, 'Cusco')).toBeNull();
  });
});

describe('placeRow', () => {
  it('places by names, accents and case ignored, down to the district when it can', () => {
    expect(placeRow(gaz, 2, '', 'APURIMAC', 'cotabambas', 'CHALLHUAHUACHO')).toMatchObject({ ok: true, level: 'distrito', place: { ubigeo: '030506' }, warnings: [] });
    expect(placeRow(gaz, 2, '', 'Huanuco', 'Huamalies', '')).toMatchObject({ ok: true, level: 'provincia', place: { ubigeo: '1005' } });
    // A district without province is fine when its name is unique.
    expect(ubigeoOf(placeRow(gaz, 2, '', '', '', 'Llata'))).toBe('100501');
  });

  it('falls back to the province, with a warning and a suggestion, when the district cannot be used', () => {
    const unknown = placeRow(gaz, 5, '', 'Apurímac', 'Cotabambas', 'Cotabamba');
    expect(unknown).toMatchObject({ ok: true, level: 'provincia', place: { ubigeo: '0305' } });
    expect(unknown.ok && unknown.warnings).toEqual([{
      line: 5, code: 'distrito_no_encontrado', params: { distrito: 'Cotabamba', provincia: 'Cotabambas', departamento: 'Apurímac', sugerencia: 'Cotabambas' },
    }]);
    const notGiven = placeRow(gaz, 4, '', 'Apurímac', 'Cotabambas', 'No detalla');
    expect(notGiven.ok && notGiven.warnings).toEqual([{ line: 4, code: 'distrito_no_detallado', params: { distrito: 'No detalla', provincia: 'Cotabambas' } }]);
  });

  it('rejects what it cannot place, with the code and the names involved', () => {
    const reject = (...args: [string, string, string, string]) => {
      const r = placeRow(gaz, 9, ...args);
      return r.ok ? null : r.reject;
    };
    expect(reject('', '', '', '')).toEqual({ line: 9, code: 'sin_ubicacion', params: {} });
    expect(reject('999999', '', '', '')).toEqual({ line: 9, code: 'ubigeo_desconocido', params: { ubigeo: '999999' } });
    expect(reject('', 'Cuzco', 'Espinar', '')).toEqual({ line: 9, code: 'departamento_desconocido', params: { departamento: 'Cuzco', sugerencia: 'Cusco' } });
    expect(reject('', 'Cusco', 'Espinal', '')).toEqual({
      line: 9, code: 'provincia_desconocida', params: { provincia: 'Espinal', departamento: 'Cusco', sugerencia: 'Espinar' },
    });
    expect(reject('', '', 'Inventada', '')).toEqual({ line: 9, code: 'provincia_desconocida', params: { provincia: 'Inventada' } });
    expect(reject('', 'Cusco', '', '')).toEqual({ line: 9, code: 'sin_provincia', params: { departamento: 'Cusco' } });
    expect(reject('', '', '', 'Santa Rosa')).toEqual({
      line: 9, code: 'distrito_ambiguo', params: { distrito: 'Santa Rosa', provincias: 'Espinar, Cusco; Huamalíes, Huánuco' },
    });
  });

  it('trusts the UBIGEO over the names, and says when they disagree or the UBIGEO is unknown', () => {
    const disagree = placeRow(gaz, 2, '080701', '', 'Cajamarca', '');
    expect(ubigeoOf(disagree)).toBe('080701');
    expect(disagree.ok && disagree.warnings).toEqual([{
      line: 2, code: 'ubigeo_no_coincide_con_nombres', params: { ubigeo: '080701', lugar: 'Espinar (Espinar, Cusco)', nombres: 'Cajamarca' },
    }]);
    const unknownDistrict = placeRow(gaz, 3, '080799', '', '', '');
    expect(unknownDistrict.ok && unknownDistrict.warnings.map((w) => w.code)).toEqual(['ubigeo_distrito_desconocido']);
    const byNames = placeRow(gaz, 4, '990101', '', 'Espinar', '');
    expect(ubigeoOf(byNames)).toBe('0807');
    expect(byNames.ok && byNames.warnings).toEqual([{ line: 4, code: 'ubigeo_desconocido_se_usan_nombres', params: { ubigeo: '990101' } }]);
  });
});

describe('placePoint', () => {
  const espinar = gaz.byUbigeo.get('080701')!;
  it('keeps points in Peru, swaps crossed coordinates back and otherwise uses the centroid', () => {
    expect(placePoint(2, '-14,79', '-71,41', espinar)).toEqual({ lon: -71.41, lat: -14.79, origen: 'fuente', warnings: [] });
    expect(placePoint(3, '-71.41', '-14.79', espinar)).toEqual({
      lon: -71.41, lat: -14.79, origen: 'fuente', warnings: [{ line: 3, code: 'coordenadas_intercambiadas', params: { lat: '-71.41', lon: '-14.79' } }],
    });
    expect(placePoint(4, '40.4', '-3.7', espinar)).toEqual({
      lon: -71.41, lat: -14.79, origen: 'centroide',
      warnings: [{ line: 4, code: 'coordenadas_fuera_del_peru', params: { lat: 40.4, lon: -3.7, lugar: 'Espinar (Espinar, Cusco)' } }],
    });
    expect(placePoint(5, 'abc', '-71', espinar).warnings.map((w) => w.code)).toEqual(['coordenadas_invalidas']);
    expect(placePoint(6, '', '', espinar)).toEqual({ lon: -71.41, lat: -14.79, origen: 'centroide', warnings: [] });
  });
});

describe('isPlaceholder', () => {
  it('recognises district texts that mean "not given"', () => {
    expect(['No detalla', 'NO SE DETALLA', 's/d', 'S.D.', '-', '??', 'varios'].every(isPlaceholder)).toBe(true);
    expect(['Santa Rosa', 'Llata', 'Sd Norte'].some(isPlaceholder)).toBe(false);
  });
});
