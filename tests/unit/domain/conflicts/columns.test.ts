import { describe, expect, it } from 'vitest';
import { COLUMN_SYNONYMS, mapColumns } from '../../../../src/domain/conflicts/columns';

describe('mapColumns', () => {
  it('maps Spanish and English headers, accents and case ignored', () => {
    expect(mapColumns(['Date', 'Department', 'PROVINCE', 'District', 'Latitude', 'lng', 'Status', 'Case', 'Company', 'Violencia', 'Diálogo', 'Fuente']))
      .toEqual({
        fecha: 'Date', departamento: 'Department', provincia: 'PROVINCE', distrito: 'District', lat: 'Latitude', lon: 'lng',
        estado: 'Status', caso: 'Case', empresa: 'Company', violencia: 'Violencia', dialogo: 'Diálogo', fuente: 'Fuente',
      });
    expect(mapColumns(['vio_if', 'dial_if', 'Latitud', 'Longitud', 'UBIGEO'])).toEqual({
      violencia: 'vio_if', dialogo: 'dial_if', lat: 'Latitud', lon: 'Longitud', ubigeo: 'UBIGEO',
    });
  });

  it('takes the first synonym in list order, and spaces or dashes as underscores', () => {
    expect(mapColumns(['Mes', 'Fecha del evento', 'Fecha'])).toEqual({ fecha: 'Fecha' });
    expect(mapColumns(['Fecha evento', 'Mes'])).toEqual({ fecha: 'Fecha evento' });
    expect(mapColumns(['Nivel de gobierno'])).toEqual({ competencia: 'Nivel de gobierno' });
  });

  it('has no synonym under two fields', () => {
    const all = Object.values(COLUMN_SYNONYMS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
