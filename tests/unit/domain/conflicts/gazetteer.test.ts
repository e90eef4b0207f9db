import { describe, expect, it } from 'vitest';
import { buildGazetteer, placeKey, placeLabel } from '../../../../src/domain/conflicts/gazetteer';
import { gaz, places } from './fixtures';

describe('buildGazetteer', () => {
  it('indexes places by UBIGEO and by normalised names', () => {
    expect(gaz.byUbigeo.get('080701')?.distrito).toBe('Espinar');
    const huanuco = gaz.departments.get('huanuco');
    expect(huanuco).toMatchObject({ ubigeo: '10', name: 'Huánuco' });
    const huamalies = huanuco?.provinces.get('huamalies');
    expect(huamalies?.place.ubigeo).toBe('1005');
    expect([...(huamalies?.districts.keys() ?? [])]).toEqual(['llata', 'santa rosa']);
  });

  it('gives a province with districts only the mean point of its districts', () => {
    const lima = gaz.byUbigeo.get('1501');
    expect(lima).toMatchObject({ ubigeo: '1501', departamento: 'Lima', provincia: 'Lima' });
    expect(lima?.lon).toBeCloseTo(-77.1, 10);
    expect(lima?.lat).toBeCloseTo(-11.9, 10);
    expect(gaz.departments.get('lima')?.provinces.get('lima')?.place).toBe(lima);
  });

  it('does not depend on the order of the places', () => {
    const reversed = buildGazetteer([...places].reverse());
    expect([...reversed.departments.keys()].sort()).toEqual([...gaz.departments.keys()].sort());
    expect(reversed.byUbigeo.get('1501')?.lon).toBeCloseTo(gaz.byUbigeo.get('1501')!.lon, 12);
  });
});

describe('place names', () => {
  it('keys names without accents, case, punctuation or extra spaces', () => {
    expect(placeKey('  Los Baños  del Inca ')).toBe('los banos del inca');
    expect(placeKey('San Juan de Lurigancho-Lima')).toBe('san juan de lurigancho lima');
  });

  it('labels districts and provinces with where they are', () => {
    expect(placeLabel(gaz.byUbigeo.get('080701')!)).toBe('Espinar (Espinar, Cusco)');
    expect(placeLabel(gaz.byUbigeo.get('0807')!)).toBe('Espinar (Cusco)');
  });
});
