import { describe, expect, it } from 'vitest';
import { normaliseStatus, parseNumber, parseYesNo } from '../../../../src/domain/conflicts/values';

describe('cell values', () => {
  it('normalises the status from Spanish or English, any case or gender', () => {
    expect(['Activo', 'ACTIVE', 'activa', 'Latente', 'latent', 'Resuelto', 'resolved', 'Retirado', 'withdrawn', 'Retirado del registro', 'inactivo']
      .map(normaliseStatus)).toEqual(['activo', 'activo', 'activo', 'latente', 'latente', 'resuelto', 'resuelto', 'retirado', 'retirado', 'retirado', null]);
  });

  it('reads yes/no, empty as null and anything else as undefined', () => {
    expect(['Sí', 'si', 'YES', 'No', '0', '', 'tal vez'].map(parseYesNo)).toEqual([true, true, true, false, false, null, undefined]);
  });

  it('reads numbers with a decimal point or a decimal comma', () => {
    expect(['-12.5', '-12,5', ' 3 ', '1e-3', '1.234,5', 'abc', ''].map(parseNumber)).toEqual([-12.5, -12.5, 3, 0.001, null, null, null]);
  });
});
