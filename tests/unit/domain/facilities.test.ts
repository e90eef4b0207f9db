import { describe, expect, it } from 'vitest';
import {
  FACILITY_GROUPS, INSTITUTION_GROUPS, facilityGroup, filterFacilities, institutionGroup, type FacilityFilter,
} from '../../../src/domain/facilities';

const g = (c: string) => FACILITY_GROUPS.indexOf(facilityGroup(c));
const inst = (x: string) => INSTITUTION_GROUPS.indexOf(institutionGroup(x));

// Five facilities: categories, institutions, start years (NaN = unknown).
const columns = {
  count: 5,
  group: Uint8Array.from(['I-1', 'I-1', 'II-2', 'III-1', ''].map(g)),
  institution: Uint8Array.from(['GOBIERNO REGIONAL', 'ESSALUD', 'GOBIERNO REGIONAL', 'SANIDAD DE LA MARINA DE GUERRA DEL PERU', 'PRIVADO'].map(inst)),
  anioInicio: Float64Array.from([1970, 2010, NaN, 1996, 2015]),
};
const all: FacilityFilter = { categories: [...FACILITY_GROUPS], institutions: null, minAge: null, maxAge: null, includeUnknownAge: true };

describe('facility groups', () => {
  it('groups register categories and institutions', () => {
    expect(['I-4', 'II-E', 'III-2', 'Sin categoría', ''].map(facilityGroup)).toEqual(['I-4', 'II', 'III', 'SC', 'SC']);
    expect(['GOBIERNO REGIONAL', 'SANIDAD DE LA POLICIA NACIONAL DEL PERU', 'MUNICIPALIDAD DISTRITAL', 'INPE', 'OTRO'].map(institutionGroup))
      .toEqual(['gore', 'ffaa_pnp', 'municipal', 'otra', 'otra']);
  });
});

describe('filterFacilities', () => {
  it('keeps everything with an open filter', () => {
    expect(filterFacilities(columns, all, 2026)).toEqual([0, 1, 2, 3, 4]);
  });
  it('filters by category group and by institution group', () => {
    expect(filterFacilities(columns, { ...all, categories: ['I-1'] }, 2026)).toEqual([0, 1]);
    expect(filterFacilities(columns, { ...all, institutions: ['gore'] }, 2026)).toEqual([0, 2]);
    expect(filterFacilities(columns, { ...all, institutions: [] }, 2026)).toEqual([]);
  });
  it('filters by age with inclusive bounds at the reference year', () => {
    // ages at 2026: 56, 16, unknown, 30, 11
    expect(filterFacilities(columns, { ...all, minAge: 30 }, 2026)).toEqual([0, 2, 3]);
    expect(filterFacilities(columns, { ...all, minAge: 30, includeUnknownAge: false }, 2026)).toEqual([0, 3]);
    expect(filterFacilities(columns, { ...all, minAge: 11, maxAge: 16, includeUnknownAge: false }, 2026)).toEqual([1, 4]);
  });
  it('drops facilities without a start date only when asked', () => {
    expect(filterFacilities(columns, { ...all, includeUnknownAge: false }, 2026)).toEqual([0, 1, 3, 4]);
  });
});
