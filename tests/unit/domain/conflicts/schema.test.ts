import { describe, expect, it } from 'vitest';
import { CONFLICT_EVENT_COLUMNS, CONFLICT_STATUSES } from '../../../../src/domain/conflicts/schema';

describe('conflict event schema', () => {
  it('lists the parquet columns once each, in the contract order, with SQL types', () => {
    const names = CONFLICT_EVENT_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 5)).toEqual(['id', 'periodo', 'fecha_inicio', 'fecha_fin', 'precision_fecha']);
    expect(names.at(-1)).toBe('serie');
    const types = Object.fromEntries(CONFLICT_EVENT_COLUMNS.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({ fecha_inicio: 'DATE', fecha_fin: 'DATE', violencia: 'BOOLEAN', dialogo: 'BOOLEAN', lon: 'DOUBLE', lat: 'DOUBLE', ubigeo: 'VARCHAR' });
  });

  it('has the four statuses of the Defensoría', () => {
    expect(CONFLICT_STATUSES).toEqual(['activo', 'latente', 'resuelto', 'retirado']);
  });
});
