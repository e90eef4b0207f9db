import { describe, expect, it } from 'vitest';
import type { UserFileWarning } from '../../../../src/data/userFile/codes';
import { buildTable, columnKey, twoRowHeader } from '../../../../src/data/userFile/table';

const build = (header: string[], rows: string[][]) => {
  const warnings: UserFileWarning[] = [];
  const r = buildTable(header, rows, rows.map((_, i) => i + 2), warnings);
  return { r, warnings, error: r.ok ? null : (r.result.ok ? null : r.result.error) };
};

describe('buildTable', () => {
  it('trims header names and fills every column of every record', () => {
    const { r } = build([' a ', 'b'], [['1'], ['3', '4']]);
    expect(r).toEqual({ ok: true, table: { columns: ['a', 'b'], records: [{ a: '1', b: '' }, { a: '3', b: '4' }], lines: [2, 3] } });
  });

  it('requires a header: a first row of values is data', () => {
    expect(build(['2024', '150101'], [['2023', '150102']]).error).toEqual({ code: 'sin_encabezado', params: { primeraFila: ['2024', '150101'] } });
    // Year columns are fine as long as one header is a name.
    expect(build(['ubigeo', '2019', '2020'], [['0101', '1', '2']]).r.ok).toBe(true);
  });

  it('drops empty nameless columns with a warning, and refuses nameless columns with data', () => {
    const dropped = build(['a', '', 'c'], [['1', '', '3']]);
    expect(dropped.r.ok && dropped.r.table.columns).toEqual(['a', 'c']);
    expect(dropped.warnings).toEqual([{ code: 'columnas_sin_nombre_omitidas', params: { columnas: [2] } }]);
    expect(build(['a', '', 'c'], [['1', '2', '3']]).error).toEqual({ code: 'encabezado_vacio', params: { columnas: [2] } });
  });

  it('refuses duplicate names (case and accents ignored) and a header without rows', () => {
    expect(build(['Fecha', 'Provincia', 'fecha', 'FÉCHA'], [['1', '2', '3', '4']]).error).toEqual({
      code: 'encabezados_duplicados', params: { columnas: ['Fecha', 'fecha', 'FÉCHA'] },
    });
    expect(build(['a', 'b'], []).error).toEqual({ code: 'sin_datos', params: {} });
  });
});

describe('columnKey', () => {
  it('splits camelCase and ignores accents, case and punctuation', () => {
    expect(columnKey('fecNac')).toBe('fec_nac');
    expect(columnKey(' Dirección  (domicilio) ')).toBe('direccion_domicilio');
    expect(columnKey('N° HC')).toBe('n_hc');
  });
});

describe('twoRowHeader (merged header cells)', () => {
  const up = ['Cód. RENIPRESS', 'Establecimiento', 'Estado de conservación', '', '', 'Año última intervención'];
  it('joins a group merged across with the names below it; columns merged down keep their name', () => {
    expect(twoRowHeader(up, ['', '', 'Infraestructura', 'Equipamiento', 'Mobiliario', ''])).toEqual([
      'Cód. RENIPRESS',
      'Establecimiento',
      'Estado de conservación – Infraestructura',
      'Estado de conservación – Equipamiento',
      'Estado de conservación – Mobiliario',
      'Año última intervención',
    ]);
  });
  it('two groups side by side, and a group at the last column', () => {
    expect(twoRowHeader(['Código', 'Estado', '', 'Monto', ''], ['', 'Infra', 'Equipo', '2024', '2025'])).toBeNull(); // years look like values: data
    expect(twoRowHeader(['Código', 'Estado', '', 'Monto', ''], ['', 'Infra', 'Equipo', 'soles', 'dólares'])).toEqual([
      'Código', 'Estado – Infra', 'Estado – Equipo', 'Monto – soles', 'Monto – dólares',
    ]);
  });
  it('a first data row is not a header: values in it, no group opened, or the single columns filled below', () => {
    expect(twoRowHeader(up, ['00004839', 'PRUEBA 1', 'Malo', 'Regular', 'Bueno', '2009'])).toBeNull();
    expect(twoRowHeader(['Código', 'Nombre', 'Estado'], ['A1', 'Posta', 'malo'])).toBeNull();
    // text only and under an empty upper cell, but the named columns are filled below: data
    expect(twoRowHeader(['Código', 'Nombre', '', 'Estado'], ['A12', 'Posta X', 'nota', 'malo'])).toBeNull();
    expect(twoRowHeader(up, undefined)).toBeNull();
  });
});
