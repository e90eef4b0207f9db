import { describe, expect, it } from 'vitest';
import { buildIndex, normaliseName, search, type SearchEntry } from '../../../src/domain/search';

const entries: SearchEntry[] = [
  { kind: 'provincia', key: '1306', name: 'Otuzco', context: 'La Libertad' },
  { kind: 'distrito', key: '130601', name: 'Otuzco', context: 'Otuzco, La Libertad' },
  { kind: 'distrito', key: '200702', name: 'La Brea', context: 'Talara, Piura' },
  { kind: 'distrito', key: '200701', name: 'Pariñas', context: 'Talara, Piura' },
  { kind: 'establecimiento', key: '17', name: 'PUESTO DE SALUD PARIÑAS', context: 'Talara' },
  { kind: 'departamento', key: '03', name: 'Apurímac', context: '' },
  { kind: 'establecimiento', key: '1543', name: 'VICTOR RAMOS GUARDIA', context: 'Huaraz, Huaraz · II-2', terms: 'HOSPITALES O CLINICAS DE ATENCION GENERAL' },
];
const index = buildIndex(entries);

describe('search', () => {
  it('ignores accents and case', () => {
    expect(normaliseName('PARIÑAS')).toBe('parinas');
    expect(normaliseName('  Apurímac ')).toBe('apurimac');
    expect(search(index, 'pariñas').map((e) => e.key)).toEqual(['200701', '17']);
    expect(search(index, 'PARINAS').map((e) => e.key)).toEqual(['200701', '17']);
    expect(search(index, 'apurimac')[0].key).toBe('03');
  });

  it('ranks exact names first, the larger unit before the smaller', () => {
    expect(search(index, 'otuzco').map((e) => e.key)).toEqual(['1306', '130601']);
  });

  it('matches a word inside the name, and needs two characters', () => {
    expect(search(index, 'brea')[0].key).toBe('200702');
    expect(search(index, 'o')).toEqual([]);
  });

  it('finds a facility by every word of the query in its name, place or class, and by its IPRESS code', () => {
    expect(search(index, 'hospital victor ramos').map((e) => e.key)).toEqual(['1543']);
    expect(search(index, 'victor huaraz').map((e) => e.key)).toEqual(['1543']);
    expect(search(index, '1543')[0].key).toBe('1543');
    expect(search(index, '00001543')[0].key).toBe('1543');
    // every word is needed
    expect(search(index, 'hospital pariñas')).toEqual([]);
  });
});
